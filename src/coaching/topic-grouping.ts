import {
  contentWords,
  isContentWord,
  languageOf,
  normalisedWords,
  NO_SYNONYMS,
  stem,
  typoClasses,
  type SynonymTable,
} from '../knowledge/text-analysis';

/**
 * Grouping requests into recurring topics: each request's text (title, description, comments,
 * the work logged on it) becomes a TF-IDF vector of stemmed terms, typos read as the frequent
 * word they miss; requests are merged by centroid similarity, most similar pair first, until no
 * pair reaches the threshold. Pure and deterministic: inputs are sorted, ties go by position,
 * so the same requests give the same topics from one run to the next.
 */

export interface TopicText {
  id: string;
  /** Weighs twice: staff put the subject in the title. */
  title: string;
  /** The description, comments and descriptions of the work logged on it. */
  body: string;
}

export type Vector = Map<string, number>;

export interface TopicTerm {
  /** The stem, as compared. */
  term: string;
  /** The word people wrote most often for it (folded). */
  word: string;
  weight: number;
}

export interface TopicGroup {
  /** Stable: the top stems, sorted, joined by '-'. */
  key: string;
  terms: TopicTerm[];
  /** In the order of the input. */
  ids: string[];
  centroid: Vector;
}

export interface Corpus {
  /** Inverse document frequency of each stem kept. */
  idf: Map<string, number>;
  /** What each folded word reads as once typos are put right. */
  typos: Map<string, string>;
  /** The most frequent word of each stem. */
  words: Map<string, string>;
  synonyms: SynonymTable;
}

/** Two requests (or groups) at least this similar (cosine of TF-IDF vectors) share a topic. */
export const SIMILARITY_THRESHOLD = 0.25;
/** Terms shown for a topic; the key is made of the first three. */
const SHOWN_TERMS = 6;
const KEY_TERMS = 3;

/** The stems of a text, each with how often it occurs, after typos and synonyms. */
export function termCounts(
  text: string,
  corpus: Pick<Corpus, 'typos' | 'synonyms'>,
  weight = 1,
): Map<string, { count: number; words: Map<string, number> }> {
  const all = normalisedWords(text, corpus.synonyms);
  const language = languageOf(all);
  const words = all.filter(isContentWord);
  const counts = new Map<string, { count: number; words: Map<string, number> }>();
  for (const raw of words) {
    const word = corpus.typos.get(raw) ?? raw;
    const term = stem(word, language);
    if (term.length < 2) continue;
    const entry = counts.get(term) ?? { count: 0, words: new Map<string, number>() };
    entry.count += weight;
    entry.words.set(word, (entry.words.get(word) ?? 0) + weight);
    counts.set(term, entry);
  }
  return counts;
}

/** The corpus's statistics: typo classes over its words, then the idf of its stems. */
export function buildCorpus(texts: readonly TopicText[], synonyms = NO_SYNONYMS): Corpus {
  const vocabulary = new Map<string, number>();
  for (const text of texts) {
    for (const word of contentWords(`${text.title} ${text.body}`, synonyms)) {
      vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    }
  }
  const typos = typoClasses(vocabulary);
  const df = new Map<string, number>();
  const wordCounts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    const counts = documentCounts(text, { typos, synonyms });
    for (const [term, { words }] of counts) {
      df.set(term, (df.get(term) ?? 0) + 1);
      const seen = wordCounts.get(term) ?? new Map<string, number>();
      for (const [word, n] of words) seen.set(word, (seen.get(word) ?? 0) + n);
      wordCounts.set(term, seen);
    }
  }
  const n = texts.length;
  const idf = new Map<string, number>();
  for (const [term, count] of [...df].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // A term in most requests tells nothing. A term of one request links nothing, but it
    // keeps that request's vector honest: a text about other things is less alike.
    if (n >= 10 && count > n / 2) continue;
    idf.set(term, Math.log((n + 1) / count));
  }
  const words = new Map<string, string>();
  for (const [term, seen] of wordCounts) {
    const [best] = [...seen].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    words.set(term, best[0]);
  }
  return { idf, typos, words, synonyms };
}

function documentCounts(text: TopicText, corpus: Pick<Corpus, 'typos' | 'synonyms'>) {
  const counts = termCounts(text.title, corpus, 2);
  for (const [term, entry] of termCounts(text.body, corpus)) {
    const mine = counts.get(term) ?? { count: 0, words: new Map<string, number>() };
    mine.count += entry.count;
    for (const [word, n] of entry.words) mine.words.set(word, (mine.words.get(word) ?? 0) + n);
    counts.set(term, mine);
  }
  return counts;
}

/** A text's TF-IDF vector in the corpus (log-scaled counts), of length 1 (or empty). */
export function vectorOf(text: TopicText, corpus: Corpus): Vector {
  const vector: Vector = new Map();
  for (const [term, { count }] of documentCounts(text, corpus)) {
    const idf = corpus.idf.get(term);
    if (idf === undefined) continue;
    vector.set(term, (1 + Math.log(count)) * idf);
  }
  return normalised(vector);
}

function normalised(vector: Vector): Vector {
  let norm = 0;
  for (const v of vector.values()) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return new Map();
  return new Map([...vector].map(([t, v]) => [t, v / norm]));
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, v] of small) dot += v * (large.get(term) ?? 0);
  return dot;
}

interface Cluster {
  members: number[];
  sum: Vector;
  centroid: Vector;
}

/**
 * The topics of the texts: groups of at least `minSize` texts, biggest first (then by key).
 * Centroid-linkage agglomeration: the most similar pair of groups merges first, until no pair
 * reaches the threshold.
 */
export function groupTopics(
  texts: readonly TopicText[],
  options: { synonyms?: SynonymTable; threshold?: number; minSize?: number } = {},
): { groups: TopicGroup[]; corpus: Corpus } {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const corpus = buildCorpus(texts, options.synonyms ?? NO_SYNONYMS);
  const vectors = texts.map((text) => vectorOf(text, corpus));
  const clusters: Array<Cluster | null> = vectors.map((v, k) => ({
    members: [k],
    sum: new Map(v),
    centroid: v,
  }));
  const best = clusters.map((_, k) => bestPartner(clusters, k));
  for (;;) {
    let i = -1;
    for (let k = 0; k < clusters.length; k++) {
      if (clusters[k] && best[k].j >= 0 && (i < 0 || best[k].sim > best[i].sim)) i = k;
    }
    if (i < 0 || best[i].sim < threshold) break;
    const j = best[i].j;
    const [keep, gone] = i < j ? [i, j] : [j, i];
    const merged = merge(clusters[keep]!, clusters[gone]!);
    clusters[keep] = merged;
    clusters[gone] = null;
    best[gone] = { j: -1, sim: -1 };
    best[keep] = bestPartner(clusters, keep);
    for (let k = 0; k < clusters.length; k++) {
      const other = clusters[k];
      if (!other || k === keep) continue;
      if (best[k].j === keep || best[k].j === gone) best[k] = bestPartner(clusters, k);
      else {
        const sim = cosine(other.centroid, merged.centroid);
        if (sim > best[k].sim || (sim === best[k].sim && keep < best[k].j)) {
          best[k] = { j: keep, sim };
        }
      }
    }
  }
  const minSize = options.minSize ?? 2;
  const groups = clusters
    .filter((c): c is Cluster => c !== null && c.members.length >= minSize)
    .map((c) => describe(c, texts, corpus))
    .sort((a, b) => b.ids.length - a.ids.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { groups, corpus };
}

function bestPartner(clusters: Array<Cluster | null>, k: number): { j: number; sim: number } {
  const mine = clusters[k];
  let found = { j: -1, sim: -1 };
  if (!mine || mine.centroid.size === 0) return found;
  for (let j = 0; j < clusters.length; j++) {
    const other = clusters[j];
    if (j === k || !other || other.centroid.size === 0) continue;
    const sim = cosine(mine.centroid, other.centroid);
    if (sim > found.sim) found = { j, sim };
  }
  return found;
}

function merge(a: Cluster, b: Cluster): Cluster {
  const sum = new Map(a.sum);
  for (const [t, v] of b.sum) sum.set(t, (sum.get(t) ?? 0) + v);
  return {
    members: [...a.members, ...b.members].sort((x, y) => x - y),
    sum,
    centroid: normalised(sum),
  };
}

function describe(cluster: Cluster, texts: readonly TopicText[], corpus: Corpus): TopicGroup {
  const terms = [...cluster.centroid]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, SHOWN_TERMS)
    .map(([term, weight]) => ({
      term,
      word: corpus.words.get(term) ?? term,
      weight: Math.round(weight * 1000) / 1000,
    }));
  const key = terms
    .slice(0, KEY_TERMS)
    .map((t) => t.term)
    .sort()
    .join('-');
  return { key, terms, ids: cluster.members.map((k) => texts[k].id), centroid: cluster.centroid };
}
