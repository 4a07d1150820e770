/**
 * The knowledge base's ranking as it was before BM25 (src/knowledge/search.ts until then), kept
 * word for word for bench/knowledge-search.bench.ts to compare against. Not used by the product.
 * It ran behind a SQL LIKE prefilter that kept a superset of what it scores, so over every
 * readable article it ranks the same.
 */
/** Words too common to tell articles apart, French and English, already folded. */
const STOP_WORDS = new Set([
  // French
  ...['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'et', 'ou', 'ni', 'mais'],
  ...['en', 'dans', 'par', 'pour', 'sur', 'sous', 'avec', 'sans', 'ce', 'cet', 'cette', 'ces'],
  ...['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'te', 'se', 'lui'],
  ...['mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre'],
  ...['vos', 'leur', 'leurs', 'qui', 'que', 'quoi', 'dont', 'est', 'sont', 'etre', 'avoir'],
  ...['ai', 'as', 'ne', 'pas', 'plus', 'tres', 'comment', 'faire', 'fait', 'quand', 'si'],
  // English
  ...['the', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with'],
  ...['from', 'is', 'are', 'was', 'be', 'it', 'its', 'this', 'that', 'my', 'your', 'how'],
  ...['what', 'do', 'does', 'can', 'not', 'no', 'as', 'if', 'we', 'you', 'he', 'she', 'they'],
]);

/** Shorter words only count when whole, so "de" or "ip" never match by prefix. */
const MIN_PREFIX_LENGTH = 4;

const WEIGHTS = { title: 5, tag: 4, body: 1 } as const;
/** A prefix match counts a little less than the whole word. */
const PREFIX_DISCOUNT = 0.5;

export type ArticleField = keyof typeof WEIGHTS;

export interface SearchableArticle {
  id: string;
  title: string;
  tags: string[];
  body: string;
}

export interface ArticleMatch {
  id: string;
  score: number;
  matchedIn: ArticleField[];
}

/** Lower case, without accents, every run of non-alphanumerics as one space. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words that say something: no stop words, nothing shorter than 2 characters. */
export function tokenize(s: string): string[] {
  return foldText(s)
    .split(' ')
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word));
}

/**
 * The articles that best answer a query, best first. Each query word scores in each field it
 * is found in: title 5, tag 4, body 1, less when only a prefix matches; ties go by title.
 */
export function rankArticles(
  query: string,
  articles: readonly SearchableArticle[],
  limit = 5,
): ArticleMatch[] {
  const queryWords = [...new Set(tokenize(query))];
  if (queryWords.length === 0) return [];
  const ranked = articles
    .map((article) => ({ title: article.title, ...scoreArticle(queryWords, article) }))
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'fr'));
  return ranked.slice(0, limit).map(({ id, score, matchedIn }) => ({ id, score, matchedIn }));
}

function scoreArticle(queryWords: string[], article: SearchableArticle): ArticleMatch {
  const fields: Record<ArticleField, Set<string>> = {
    title: new Set(tokenize(article.title)),
    tag: new Set(article.tags.flatMap(tokenize)),
    body: new Set(tokenize(article.body)),
  };
  let score = 0;
  const matchedIn = new Set<ArticleField>();
  for (const field of ['title', 'tag', 'body'] as const) {
    for (const word of queryWords) {
      const strength = matchStrength(word, fields[field]);
      if (strength === 0) continue;
      score += WEIGHTS[field] * strength;
      matchedIn.add(field);
    }
  }
  return { id: article.id, score, matchedIn: [...matchedIn] };
}

/**
 * 1 when the word is there whole; less when one word starts the other and the shorter has at
 * least four letters ("imprim" finds "imprimante", "imprimantes" finds "imprimante").
 */
function matchStrength(word: string, words: Set<string>): number {
  if (words.has(word)) return 1;
  for (const candidate of words) {
    const [shorter, longer] =
      word.length <= candidate.length ? [word, candidate] : [candidate, word];
    if (shorter.length >= MIN_PREFIX_LENGTH && longer.startsWith(shorter)) {
      return 1 - PREFIX_DISCOUNT;
    }
  }
  return 0;
}
