/**
 * Where a page's button sends people back to: a path of this site only, never another site
 * (`//evil.example`, `https://…`, `/\evil.example`), so a form cannot be turned into an open
 * redirect. Anything else falls back to the page given.
 */
export function returnPath(target: string | undefined, fallback: string): string {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return fallback;
  // Browsers read a backslash as a slash, and drop tabs and newlines from a URL.
  if ([...target].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c === '\u007f')) {
    return fallback;
  }
  const base = 'http://site.invalid';
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
