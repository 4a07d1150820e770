import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

/** The languages Gardefou speaks; French first, and by default. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** What a message may be filled with: ICU arguments (numbers are formatted by the message). */
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** A message looked up by key, filled with its values, in one language. */
export type Translate = (key: string, values?: MessageValues) => string;

/** Where the catalogue lives: `templates/i18n` at the root of the package (from src or dist). */
export function catalogueDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'i18n');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve('templates', 'i18n');
  }
}

type Tree = { [key: string]: string | Tree };

/** `{ "a": { "b": "x" } }` → `{ "a.b": "x" }`: files may nest keys or write them dotted. */
function flatten(tree: Tree, prefix: string, into: Map<string, string>, file: string): void {
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      if (into.has(name)) throw new Error(`${file}: message ${name} is defined twice`);
      into.set(name, value);
    } else if (value && typeof value === 'object') {
      flatten(value, name, into, file);
    } else {
      throw new Error(`${file}: message ${name} is not text`);
    }
  }
}

/**
 * The one catalogue of every word a person reads: ICU MessageFormat messages (plurals, numbers,
 * dates, selects) in `templates/i18n/<part>.<locale>.json`, one file per part of the product
 * and language, all parts merged into one key space (a key defined twice is refused at load).
 * Messages are compiled once, on first use. A key missing in a language falls back to French,
 * then shows itself, so a gap is visible rather than blank; the completeness test keeps both
 * languages whole.
 */
export class Catalogue {
  private readonly messages = new Map<Locale, Map<string, string>>();
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(readonly dir: string = catalogueDir()) {
    for (const locale of LOCALES) {
      const into = new Map<string, string>();
      const files = readdirSync(dir)
        .filter((f) => f.endsWith(`.${locale}.json`))
        .sort();
      for (const file of files) {
        flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree, '', into, file);
      }
      this.messages.set(locale, into);
    }
  }

  /** The keys defined in a language. */
  keys(locale: Locale): string[] {
    return [...(this.messages.get(locale)?.keys() ?? [])];
  }

  has(key: string, locale: Locale = DEFAULT_LOCALE): boolean {
    return this.messages.get(locale)?.has(key) ?? false;
  }

  /** The message's source text (ICU), or undefined. */
  source(locale: Locale, key: string): string | undefined {
    return this.messages.get(locale)?.get(key);
  }

  /** The message `key` in `locale`, filled with `values`. */
  format(locale: Locale, key: string, values?: MessageValues): string {
    const found = this.has(key, locale) ? locale : this.has(key) ? DEFAULT_LOCALE : null;
    if (!found) return key;
    const id = `${found}\u0000${key}`;
    let message = this.compiled.get(id);
    if (!message) {
      message = new IntlMessageFormat(this.source(found, key) as string, found, undefined, {
        ignoreTag: true,
      });
      this.compiled.set(id, message);
    }
    try {
      const text = message.format(values);
      return Array.isArray(text) ? text.join('') : String(text);
    } catch {
      // A value left out: the page still shows the message, the gap visible as its {name}.
      return (this.source(found, key) as string).replace(/\{(\w+)\}/g, (whole, name: string) =>
        values && values[name] !== undefined && values[name] !== null
          ? String(values[name])
          : whole,
      );
    }
  }

  /** The message `key` when it exists, else `fallback` (for keys built from codes). */
  formatOr(
    locale: Locale,
    key: string,
    values: MessageValues | undefined,
    fallback: string,
  ): string {
    return this.has(key, locale) || this.has(key) ? this.format(locale, key, values) : fallback;
  }

  translator(locale: Locale): Translate {
    return (key, values) => this.format(locale, key, values);
  }
}

let shared: Catalogue | null = null;

/** The process's catalogue, read once. */
export function catalogue(): Catalogue {
  shared ??= new Catalogue();
  return shared;
}

/** The first language of an `Accept-Language` header that Gardefou speaks; French otherwise. */
export function negotiateLocale(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().slice(0, 2).toLowerCase(), weight, index };
    })
    .filter((r) => r.lang && Number.isFinite(r.weight) && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const found = ranked.find((r) => (LOCALES as readonly string[]).includes(r.lang));
  return (found?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}
