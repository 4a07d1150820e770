import { Eta } from 'eta';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, type Locale, type MessageValues } from '../i18n/catalogue';

/** templates/mail at the project root, from src/mail (tests) as from dist/src/mail. */
export function mailTemplatesDir(): string {
  const fromSrc = join(__dirname, '..', '..', 'templates', 'mail');
  return existsSync(fromSrc) ? fromSrc : join(__dirname, '..', '..', '..', 'templates', 'mail');
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const engines = new Map<'html' | 'text', Eta>();
/** One engine per output: HTML escapes what it prints, text does not. */
function engine(kind: 'html' | 'text'): Eta {
  let found = engines.get(kind);
  if (!found) {
    found = new Eta({
      views: mailTemplatesDir(),
      cache: process.env.NODE_ENV === 'production',
      autoEscape: kind === 'html',
      autoTrim: false,
    });
    // Templates are named `<name>.html.eta`: eta takes '.html' for the extension and would not
    // add '.eta', so every name (render, layout, include) gets it here.
    const resolve = found.resolvePath.bind(found);
    found.resolvePath = (path, options) =>
      resolve(path.endsWith('.eta') ? path : `${path}.eta`, options);
    engines.set(kind, found);
  }
  return found;
}

/**
 * A message from its two templates, `templates/mail/<name>.html.eta` and `<name>.text.eta`,
 * in the recipient's language: every word comes from the catalogue through `t`, and the
 * subject is the message `<subjectKey>` filled with the same values. Templates receive
 * `{ t, locale, ...values }`; the HTML one is escaped by default, the text one is not.
 */
export function renderMail(
  name: string,
  locale: Locale,
  subjectKey: string,
  values: Record<string, unknown> = {},
): RenderedMail {
  const t = catalogue().translator(locale);
  const data = { ...values, t, locale };
  const html = engine('html').render(`./${name}.html`, data);
  const text = engine('text').render(`./${name}.text`, data);
  return {
    subject: t(subjectKey, values as MessageValues),
    text: text.replace(/\n{3,}/g, '\n\n').trim() + '\n',
    html,
  };
}
