import type * as MarkedModule from 'marked';
import type { Marked } from 'marked';
import type * as SanitizeHtml from 'sanitize-html';
import type sanitizeHtml from 'sanitize-html';
import { onFirstUse } from '../common/on-first-use';

const marked = onFirstUse<typeof MarkedModule>('marked');
const sanitize = onFirstUse<typeof SanitizeHtml>('sanitize-html');

/** GitHub-flavoured Markdown, no global state shared with other callers of marked; made on first use. */
let markdown: Marked | undefined;

/**
 * Everything an article needs, nothing that runs: no script, style, frame, form or event
 * handler survives, whatever the author typed as raw HTML.
 */
const articleHtml = (): sanitizeHtml.IOptions => ({
  allowedTags: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins'],
    ...['sub', 'sup', 'kbd', 'mark', 'abbr', 'small', 'span', 'div', 'a', 'img', 'input'],
    ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    code: ['class'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    abbr: ['title'],
    // Task-list checkboxes of GFM; every input becomes a disabled checkbox below.
    input: ['type', 'checked', 'disabled'],
  },
  allowedClasses: { code: [/^language-[\w+-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitize().default.simpleTransform('a', { rel: 'noopener noreferrer' }),
    input: sanitize().default.simpleTransform('input', { type: 'checkbox', disabled: '' }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
});
let ARTICLE_HTML: sanitizeHtml.IOptions | undefined;

/** An article's Markdown as HTML that is safe to show to every reader. */
export function renderMarkdown(md: string): string {
  markdown ??= new (marked().Marked)({ gfm: true, breaks: false });
  const html = markdown.parse(md, { async: false });
  return sanitize().default(html, (ARTICLE_HTML ??= articleHtml()));
}
