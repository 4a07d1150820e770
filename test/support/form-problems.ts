/** What a refused form shows, read from its HTML as a screen reader would find it. */

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();

/** The summary above the form `prefix` (`nc`, `nk`…): each line, with the input it links to. */
export function summaryOf(html: string, prefix: string): { href: string | null; line: string }[] {
  const summary = new RegExp(
    `<div class="alert form-problems" role="alert" tabindex="-1" id="${prefix}-problems" data-problems>([\\s\\S]*?)</div>`,
  ).exec(html);
  if (!summary) return [];
  return [...summary[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => ({
    href: /<a href="([^"]+)">/.exec(m[1])?.[1] ?? null,
    line: text(m[1]),
  }));
}

/** The attributes of the input (or select, textarea) whose id is `id`. */
function inputAttributes(html: string, id: string): string {
  const tag = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!tag) throw new Error(`no input #${id}`);
  return tag[0];
}

/**
 * The input's problem as it is announced: the text of the first element its aria-describedby
 * names (without the hidden "Erreur :" before it), and whether it is marked invalid.
 */
export function problemOf(html: string, id: string): { invalid: boolean; message: string | null } {
  const attrs = inputAttributes(html, id);
  const invalid = /\baria-invalid="true"/.test(attrs);
  const first = /\baria-describedby="([^" ]+)/.exec(attrs)?.[1];
  const element = first
    ? new RegExp(`<p class="field-problem" id="${first}">([\\s\\S]*?)</p>`).exec(html)
    : null;
  const message = element
    ? text(element[1].replace(/<span class="sr-only">[^<]*<\/span>/, ''))
    : null;
  return { invalid, message };
}

/** The inputs marked invalid on the page, by id. */
export function invalidInputs(html: string): string[] {
  return [...html.matchAll(/<(?:input|select|textarea)\b[^>]*>/g)]
    .filter((m) => /\baria-invalid="true"/.test(m[0]))
    .map((m) => /\bid="([^"]+)"/.exec(m[0])?.[1] ?? '');
}
