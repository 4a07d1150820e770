import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** GitHub-flavoured Markdown, no global state shared with other callers of marked. */
const markdown = new Marked({ gfm: true, breaks: false });

/**
 * Everything an article needs, nothing that runs: no script, style, frame, form or event
 * handler survives, whatever the author typed as raw HTML.
 */
const ARTICLE_HTML: sanitizeHtml.IOptions = {
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
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    input: sanitizeHtml.simpleTransform('input', { type: 'checkbox', disabled: '' }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** An article's Markdown as HTML that is safe to show to every reader. */
export function renderMarkdown(md: string): string {
  const html = markdown.parse(md, { async: false });
  return sanitizeHtml(html, ARTICLE_HTML);
}
