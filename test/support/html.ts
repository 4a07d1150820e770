import { problemOf } from './form-problems';

/** What a page's HTML shows, read as the page tests need it. */

/** The attributes of the input (or select) named `name`. */
export function inputOf(html: string, name: string): string {
  const match = new RegExp(`<(?:input|select)[^>]*\\bname="${name}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no input ${name}`);
  return match[0];
}

/** The value an input shows. */
export function valueOf(html: string, name: string): string {
  return (/\bvalue="([^"]*)"/.exec(inputOf(html, name))?.[1] ?? '').replace(/&#39;/g, "'");
}

/** The text of the element whose id is `id`, tags removed. */
export function textOfId(html: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match
    ? match[2]
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}

/** The message shown beside an input, as its aria-describedby announces it; it must be marked invalid. */
export function problemBeside(html: string, id: string): string {
  const { invalid, message } = problemOf(html, id);
  expect(invalid).toBe(true);
  return message ?? '';
}
