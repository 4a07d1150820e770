import { existsSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { Catalogue, catalogue, type Locale, type MessageValues, type Translate } from './catalogue';

/** A practice's own wording: catalogue keys to ICU messages that replace the catalogue's. */
export type OwnMessages = ReadonlyMap<string, string>;

const NONE: OwnMessages = new Map();

function compile(source: string, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
}

/**
 * The words of one language: a practice's own message for a key first, else the catalogue's.
 * An own message takes the arguments of the catalogue's; one it does not know is shown as its
 * `{name}`, as the catalogue shows a value left out.
 */
export function ownTranslator(locale: Locale, own: OwnMessages = NONE): Translate {
  if (own.size === 0) return catalogue().translator(locale);
  const compiled = new Map<string, IntlMessageFormat>();
  return (key, values) => {
    const source = own.get(key);
    if (source === undefined) return catalogue().format(locale, key, values);
    let message = compiled.get(key);
    if (!message) {
      message = compile(source, locale);
      compiled.set(key, message);
    }
    try {
      const text = message.format(values);
      return Array.isArray(text) ? text.join('') : String(text);
    } catch {
      return source.replace(/\{(\w+)\}/g, (whole, name: string) => shown(values, name) ?? whole);
    }
  };
}

function shown(values: MessageValues | undefined, name: string): string | undefined {
  const value = values?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * Own messages given by name for the catalogue's part `part` (`{ time: '{activity}' }` for
 * `draft.time`), each checked like a folder's.
 */
export function ownMessagesOf(
  part: string,
  locale: Locale,
  messages: Readonly<Record<string, string | undefined>>,
  where = part,
): OwnMessages {
  const own = new Map<string, string>();
  for (const [name, source] of Object.entries(messages)) {
    if (source === undefined) continue;
    own.set(checked(`${part}.${name}`, source, locale, part, where), source);
  }
  return own;
}

/**
 * The own messages of a practice's templates folder in one language: its `*.<locale>.json`
 * files (`texts.fr.json`), written like the catalogue's files, holding some keys of the part
 * `part` (`invoice.title`…). A key the catalogue's part lacks, or a message that does not
 * parse, is refused, naming it; a key left out keeps the catalogue's message.
 */
export function ownMessagesIn(dir: string, locale: Locale, part: string): OwnMessages {
  if (!existsSync(dir)) return NONE;
  let folder: Catalogue;
  try {
    folder = new Catalogue(dir);
  } catch (error) {
    throw new Error(`The texts of ${dir} cannot be read: ${(error as Error).message}`);
  }
  const own = new Map<string, string>();
  for (const key of folder.keys(locale)) {
    const source = folder.source(locale, key) as string;
    own.set(checked(key, source, locale, part, dir), source);
  }
  return own;
}

function checked(key: string, source: string, locale: Locale, part: string, where: string): string {
  if (!key.startsWith(`${part}.`) || !catalogue().has(key, locale)) {
    throw new Error(`${where}: ${key} is not a message of the catalogue's ${part} texts`);
  }
  try {
    compile(source, locale);
  } catch (error) {
    throw new Error(`${where}: the message ${key} does not parse: ${(error as Error).message}`);
  }
  return key;
}
