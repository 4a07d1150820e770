import { onFirstUse } from '../common/on-first-use';
import type * as SanitizeHtml from 'sanitize-html';
import { renderMarkdown } from './markdown';
import { foldText } from './text-analysis';

const sanitizeHtml = onFirstUse<typeof SanitizeHtml>('sanitize-html');

/** The escape character of every LIKE pattern built here: `ESCAPE '!'`. */
export const LIKE_ESCAPE = '!';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The readable text of rendered article HTML: no markup, whitespace collapsed. */
export function plainText(html: string): string {
  const text = sanitizeHtml().default(html, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The start of a text, cut at a word boundary when it is longer than `maxLength`. */
export function excerpt(text: string, maxLength = 200): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Tags as stored: trimmed, lower case, each once, in the author's order. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()))];
}

/**
 * Title, tags and body folded into one string with a space at both ends, so that
 * `LIKE '% word%'` means "a word starting with word".
 */
export function searchTextOf(article: { title: string; tags: string[]; bodyText: string }): string {
  const folded = foldText([article.title, ...article.tags, article.bodyText].join(' '));
  return ` ${folded} `;
}

/** LIKE patterns over searchText that all match when every word of `q` starts a word there. */
export function listFilterPatterns(q: string): string[] {
  const words = foldText(q).split(' ').filter(Boolean);
  return [...new Set(words)].map((word) => `% ${word}%`);
}

/** A LIKE pattern (with `ESCAPE '!'`) for text containing `value` literally. */
export function likeContaining(value: string): string {
  return `%${value.replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}

/** Whether a client company's staff may read an article: published, and for all or for them. */
export function isVisibleToClient(
  article: { published: boolean; clientIds: readonly string[] },
  clientId: string,
): boolean {
  return (
    article.published && (article.clientIds.length === 0 || article.clientIds.includes(clientId))
  );
}

/** What an article stores from what its author wrote: safe HTML, plain text, search text. */
export function articleContent(title: string, bodyMarkdown: string, tags: readonly string[]) {
  const bodyHtml = renderMarkdown(bodyMarkdown);
  const bodyText = plainText(bodyHtml);
  const normalisedTags = normaliseTags(tags);
  return {
    title,
    bodyMarkdown,
    tags: normalisedTags,
    bodyHtml,
    bodyText,
    searchText: searchTextOf({ title, tags: normalisedTags, bodyText }),
  };
}
