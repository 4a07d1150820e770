import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { Catalogue, LOCALES, negotiateLocale } from './catalogue';

const ROOT = resolve(__dirname, '..', '..');
const catalogue = new Catalogue();

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The product's code and page templates: where a message must be used. */
const corpus = [
  ...files(join(ROOT, 'src'), /\.ts$/),
  ...files(join(ROOT, 'templates'), /\.(eta|html|txt)$/),
]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** The product's code alone, file by file (the error codes are read from it). */
const sources = files(join(ROOT, 'src'), /\.ts$/).map((f) => ({
  path: f.slice(ROOT.length + 1),
  text: readFileSync(f, 'utf8'),
}));

/** The kinds of error codes, as `src/common/domain-error.ts` lists them. */
const errorKinds = (() => {
  const text = readFileSync(join(ROOT, 'src', 'common', 'domain-error.ts'), 'utf8');
  const list = /ERROR_KINDS = \[([^\]]*)\]/.exec(text)?.[1] ?? '';
  return [...list.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
})();

/**
 * Every error code the product can answer with, read from the source: each code written out
 * (`new DomainError('rule.quota_exceeded'`, a map of codes, the error filter's own), and those
 * the helpers build from a name (`notFound('contract')`, `assertVisibleTo(…, 'contract')`,
 * `invalid('periodEnd', …)`). Codes built at run time anywhere else are listed apart: they cannot
 * be checked, so they are refused.
 */
function errorCodes(): { codes: Set<string>; builtAtRunTime: string[] } {
  const kinds = errorKinds.join('|');
  const written = new RegExp(`['"\`]((?:${kinds})\\.[\\w.]+)['"\`]`, 'g');
  const codes = new Set<string>();
  const builtAtRunTime: string[] = [];
  for (const { path, text } of sources) {
    for (const m of text.matchAll(written)) codes.add(m[1]);
    for (const m of text.matchAll(/\b(?:notFound\(|assertVisibleTo\([^)]*,)\s*'(\w+)'/g)) {
      codes.add(`not_found.${m[1]}`);
    }
    for (const m of text.matchAll(/\binvalid\(\s*'(\w+)'/g)) codes.add(`invalid.${m[1]}`);
    if (path === join('src', 'common', 'domain-error.ts')) continue;
    const dynamic = [
      ...text.matchAll(/new DomainError\(\s*`[^`]*\$\{/g),
      ...text.matchAll(/\b(?:notFound|invalid)\(\s*(?![\s'"])/g),
    ];
    for (const m of dynamic) {
      const line = text.slice(0, m.index).split('\n').length;
      const call = text.slice(m.index, text.indexOf('\n', m.index));
      // assertVisibleTo passes on the name its callers give, read from them above.
      if (path === join('src', 'common', 'tenant.ts') && call.includes('notFound(what)')) continue;
      builtAtRunTime.push(`${path}:${line} ${call.trim()}`);
    }
  }
  return { codes, builtAtRunTime };
}

/** Keys built at run time: `'urgency.' + level`, `` `warning.${code}` ``, `'error.' + status`. */
const dynamicPrefixes = new Set(
  [
    ...corpus.matchAll(/['"]([a-z][\w.-]*\.)['"]\s*\+/g),
    ...corpus.matchAll(/`([a-z][\w.-]*\.)\$\{/g),
  ].map((m) => m[1]),
);

/** Words that appear in the code as a literal or a name (the values a dynamic key is built of). */
const words = new Set(corpus.match(/[\w-]+/g));

function used(key: string): boolean {
  if (corpus.includes(`'${key}'`) || corpus.includes(`"${key}"`) || corpus.includes(`\`${key}\``))
    return true;
  return [...dynamicPrefixes].some((prefix) => {
    if (!key.startsWith(prefix)) return false;
    const rest = key.slice(prefix.length);
    return rest.split('.').every((part) => words.has(part));
  });
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

describe('the message catalogue', () => {
  it('has every key in both languages', () => {
    const [fr, en] = LOCALES.map((l) => new Set(catalogue.keys(l)));
    expect([...fr].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !fr.has(k))).toEqual([]);
    expect(fr.size).toBeGreaterThan(100);
  });

  it('parses every message, and each takes the same arguments in both languages', () => {
    const mismatched: string[] = [];
    for (const key of catalogue.keys('fr')) {
      const [fr, en] = LOCALES.map((l) =>
        [...argumentsOf(parse(catalogue.source(l, key) ?? '', { ignoreTag: true }))].sort(),
      );
      if (fr.join() !== en.join()) mismatched.push(`${key}: fr {${fr.join()}} en {${en.join()}}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('uses every message somewhere in the product', () => {
    expect(catalogue.keys('fr').filter((k) => !used(k))).toEqual([]);
  });

  it('has a message for every error code the product answers with, in both languages', () => {
    const { codes, builtAtRunTime } = errorCodes();
    expect(builtAtRunTime).toEqual([]);
    // The collection itself: codes of every kind of source are found.
    expect([...codes]).toEqual(
      expect.arrayContaining([
        'rule.quota_exceeded',
        'not_found.contract',
        'invalid.periodEnd',
        'rule.overpayment',
        'forbidden.role',
        'not_found.route',
        'conflict.duplicate',
        'unavailable.database',
      ]),
    );
    const missing = [...codes]
      .sort()
      .flatMap((code) =>
        LOCALES.filter((l) => !catalogue.has(`error.${code}`, l)).map((l) => `${l} error.${code}`),
      );
    expect(missing).toEqual([]);
  });

  it('formats plurals, numbers and falls back to French, then to the key', () => {
    const c = new Catalogue();
    expect(c.format('fr', 'a.missing.key')).toBe('a.missing.key');
    expect(c.formatOr('en', 'a.missing.key', {}, 'fallback')).toBe('fallback');
  });

  it('reads the language of Accept-Language, French by default', () => {
    expect(negotiateLocale(undefined)).toBe('fr');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('de-DE, en;q=0.5, fr;q=0.8')).toBe('fr');
    expect(negotiateLocale('de, en;q=0.1')).toBe('en');
    expect(negotiateLocale('de')).toBe('fr');
    expect(negotiateLocale('en;q=0, fr')).toBe('fr');
  });
});
