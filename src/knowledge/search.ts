import { onFirstUse } from '../common/on-first-use';
import type * as MiniSearchModule from 'minisearch';
import type { default as MiniSearch, SearchResult } from 'minisearch';
import {
  ABBREVIATIONS,
  editDistance,
  foldText,
  isContentWord,
  languageOf,
  stem,
  type Language,
  type SynonymGroups,
} from './text-analysis';

const minisearch = onFirstUse<typeof MiniSearchModule>('minisearch');

/**
 * The knowledge base's search: BM25 (minisearch) over the terms the text library reads in an
 * article, title and tags weighing more than the body. An article and a query are read alike:
 * accents and case folded, staff's abbreviations spelt out, stop words dropped, words stemmed
 * (Snowball, plus the word families it leaves apart), the consultant's synonyms read as one
 * term; a query word found nowhere in the articles reads as the closest word they hold
 * ("imprimente" → "imprimante"), and a longer query word also finds the terms it starts.
 */

export type ArticleField = 'title' | 'tag' | 'body';

export interface SearchableArticle {
  id: string;
  title: string;
  tags: readonly string[];
  body: string;
}

export interface ArticleMatch {
  id: string;
  /** BM25, higher is better: only comparable within one query. */
  score: number;
  matchedIn: ArticleField[];
}

export interface SearchAnswer {
  /** The best first, at most the limit. */
  matches: ArticleMatch[];
  /** How many articles the query finds at all. */
  total: number;
}

/** Title and tag matches count more than body ones. */
export const FIELD_BOOST = { title: 2, tags: 1.5, body: 1 } as const;
/** A query term of this many letters or more also finds the terms it starts ("sauvegar"). */
const PREFIX_MIN_LENGTH = 5;
/** A query word of this many letters or more, found nowhere, is read as a typo. */
const TYPO_MIN_LENGTH = 4;
/** From this length a typo may be two edits away; shorter words, one. */
const TWO_TYPOS_LENGTH = 8;
/** Synonym terms start with a character no folded word holds. */
const SYNONYM_MARK = '=';

/**
 * Stems of one family that Snowball leaves apart, and the stem they read as: "impression"
 * meets "imprimer" and "imprimante", "connexion" meets "connecter". French, folded.
 */
export const WORD_FAMILIES: Readonly<Record<string, string>> = {
  impress: 'imprim',
  suppress: 'supprim',
  connexion: 'connect',
  deconnexion: 'deconnect',
  reconnexion: 'reconnect',
  acced: 'acce',
  envoy: 'envoi',
  recept: 'recev',
  recevoir: 'recev',
  recu: 'recev',
  recoi: 'recev',
  recois: 'recev',
  ouvertur: 'ouvr',
  ouvert: 'ouvr',
  scann: 'scan',
  numeris: 'scan',
  verrouillag: 'verrouill',
  lenteur: 'lent',
  synchro: 'synchronis',
  authentifi: 'authentif',
  identif: 'identifi',
  telecharg: 'telecharg',
};

/** The folded words of a text. */
const foldedWords = (text: string): string[] => foldText(text).split(' ').filter(Boolean);

/** Folded words that say something: abbreviations spelt out, stop words left out. */
function contentOf(folded: readonly string[]): string[] {
  return folded.flatMap((word) => (ABBREVIATIONS[word] ?? word).split(' ')).filter(isContentWord);
}

const contentWordsOf = (text: string): string[] => contentOf(foldedWords(text));

/** Stems already computed (Snowball takes tens of microseconds a word), per language. */
const TERMS: Record<Language, Map<string, string>> = { fr: new Map(), en: new Map() };
/** Past this many words a language's memory starts again, so it never grows without end. */
const TERMS_KEPT = 100_000;

/** A word's stem, read as its family's. */
function termOf(word: string, language: Language): string {
  const known = TERMS[language].get(word);
  if (known !== undefined) return known;
  const stemmed = stem(word, language);
  const term = WORD_FAMILIES[stemmed] ?? stemmed;
  if (TERMS[language].size >= TERMS_KEPT) TERMS[language].clear();
  TERMS[language].set(word, term);
  return term;
}

interface SynonymRule {
  terms: string[];
  reading: string;
}

/** The consultant's synonyms as term sequences, per language, longest first. */
type SynonymRules = Record<Language, SynonymRule[]>;

function synonymRules(groups: SynonymGroups): SynonymRules {
  const rules: SynonymRules = { fr: [], en: [] };
  for (const group of groups) {
    const expressions = group.map(contentWordsOf).filter((words) => words.length > 0);
    if (expressions.length < 2) continue;
    const reading = SYNONYM_MARK + expressions[0].map((w) => termOf(w, 'fr')).join('_');
    for (const language of ['fr', 'en'] as const) {
      for (const words of expressions) {
        rules[language].push({ terms: words.map((w) => termOf(w, language)), reading });
      }
    }
  }
  for (const language of ['fr', 'en'] as const) {
    rules[language].sort(
      (a, b) =>
        b.terms.length - a.terms.length || a.terms.join(' ').localeCompare(b.terms.join(' ')),
    );
  }
  return rules;
}

/** Terms with each synonym expression replaced by its group's reading. */
function withSynonyms(terms: string[], rules: SynonymRule[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < terms.length;) {
    const rule = rules.find((r) => r.terms.every((term, j) => terms[k + j] === term));
    if (rule) {
      out.push(rule.reading);
      k += rule.terms.length;
    } else {
      out.push(terms[k]);
      k++;
    }
  }
  return out;
}

interface IndexedArticle {
  id: string;
  title: string;
  tags: string;
  body: string;
}

const FIELD_OF: Record<string, ArticleField> = { title: 'title', tags: 'tag', body: 'body' };
const FIELD_ORDER: ArticleField[] = ['title', 'tag', 'body'];

const splitTerms = (text: string): string[] => text.split(' ').filter(Boolean);

/** What the bench compares; the product keeps the defaults. */
export interface KnowledgeIndexOptions {
  /** Read a query word found nowhere as the closest word the articles hold (default true). */
  typoReading?: boolean;
  /** Also let minisearch find terms one edit away from a query term of 6 letters or more. */
  fuzzy?: boolean;
}

/**
 * The articles of one audience, indexed once: build it when they or the synonyms change, then
 * ask it as often as needed. Pure and deterministic: ties go by title, then id.
 */
export class KnowledgeIndex {
  private readonly index: MiniSearch<IndexedArticle>;
  private readonly rules: SynonymRules;
  /** Every word the articles and synonyms hold, with how often: what typos are read against. */
  private readonly vocabulary = new Map<string, number>();
  /** Every term (stem) the articles hold, before synonyms. */
  private readonly stems = new Set<string>();
  private readonly titles = new Map<string, string>();

  constructor(
    articles: readonly SearchableArticle[],
    synonyms: SynonymGroups = [],
    private readonly options: KnowledgeIndexOptions = {},
  ) {
    this.rules = synonymRules(synonyms);
    for (const group of synonyms) {
      for (const expression of group) for (const word of contentWordsOf(expression)) this.see(word);
    }
    this.index = new (minisearch().default)<IndexedArticle>({
      fields: ['title', 'tags', 'body'],
      tokenize: splitTerms,
      processTerm: (term) => term,
      searchOptions: {
        boost: { ...FIELD_BOOST },
        prefix: (term) => term.length >= PREFIX_MIN_LENGTH && !term.startsWith(SYNONYM_MARK),
        fuzzy: (term) =>
          options.fuzzy === true && term.length >= 6 && !term.startsWith(SYNONYM_MARK) ? 1 : false,
        combineWith: 'OR',
      },
    });
    this.index.addAll(articles.map((article) => this.indexed(article)));
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** The terms a query is searched by, as `search` reads them. */
  queryTerms(query: string): string[] {
    const folded = foldedWords(query);
    const words = contentOf(folded);
    const language = languageOf(folded);
    const read =
      this.options.typoReading === false
        ? words
        : words.map((word) => this.corrected(word, language));
    return [
      ...new Set(
        withSynonyms(
          read.map((word) => termOf(word, language)),
          this.rules[language],
        ),
      ),
    ];
  }

  search(query: string, limit = 5): SearchAnswer {
    const terms = this.queryTerms(query);
    if (terms.length === 0) return { matches: [], total: 0 };
    const results = this.index
      .search(terms.join(' '))
      .sort((a, b) => b.score - a.score || this.tieBreak(a, b));
    return { matches: results.slice(0, limit).map(matchOf), total: results.length };
  }

  private indexed(article: SearchableArticle): IndexedArticle {
    this.titles.set(article.id, article.title);
    const title = foldedWords(article.title);
    const tags = article.tags.map(foldedWords);
    const body = foldedWords(article.body);
    const language = languageOf([...title, ...tags.flat(), ...body]);
    const termsOf = (folded: string[]): string => {
      const words = contentOf(folded);
      for (const word of words) this.see(word);
      const terms = words.map((word) => termOf(word, language));
      for (const term of terms) this.stems.add(term);
      return withSynonyms(terms, this.rules[language]).join(' ');
    };
    return {
      id: article.id,
      title: termsOf(title),
      // Each tag apart: a synonym never spans two tags.
      tags: tags.map(termsOf).join(' '),
      body: termsOf(body),
    };
  }

  private see(word: string): void {
    this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + 1);
  }

  /**
   * The word itself when the articles hold it or its stem; else the closest word they hold,
   * starting with the same letter, one edit away (two from eight letters): the most frequent,
   * then the first alphabetically.
   */
  private corrected(word: string, language: Language): string {
    if (this.vocabulary.has(word) || this.stems.has(termOf(word, language))) return word;
    if (word.length < TYPO_MIN_LENGTH || /\d/.test(word)) return word;
    const cap = word.length >= TWO_TYPOS_LENGTH ? 2 : 1;
    let best: { word: string; distance: number; count: number } | null = null;
    for (const [candidate, count] of this.vocabulary) {
      if (candidate[0] !== word[0] || candidate.length < TYPO_MIN_LENGTH) continue;
      const distance = editDistance(word, candidate, cap);
      if (distance > cap) continue;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (count > best.count || (count === best.count && candidate < best.word)))
      ) {
        best = { word: candidate, distance, count };
      }
    }
    return best?.word ?? word;
  }

  private tieBreak(a: SearchResult, b: SearchResult): number {
    const [idA, idB] = [String(a.id), String(b.id)];
    const byTitle = (this.titles.get(idA) ?? '').localeCompare(this.titles.get(idB) ?? '', 'fr');
    return byTitle || idA.localeCompare(idB);
  }
}

function matchOf(result: SearchResult): ArticleMatch {
  const fields = new Set(
    Object.values(result.match).flatMap((names) => names.map((n) => FIELD_OF[n])),
  );
  return {
    id: String(result.id),
    score: Math.round(result.score * 1000) / 1000,
    matchedIn: FIELD_ORDER.filter((field) => fields.has(field)),
  };
}

/** The articles that best answer a query, best first: an index built for this one question. */
export function rankArticles(
  query: string,
  articles: readonly SearchableArticle[],
  limit = 5,
  synonyms: SynonymGroups = [],
): ArticleMatch[] {
  return new KnowledgeIndex(articles, synonyms).search(query, limit).matches;
}
