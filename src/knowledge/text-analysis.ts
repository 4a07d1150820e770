import type * as SnowballStemmers from 'snowball-stemmers';
import { onFirstUse } from '../common/on-first-use';

const snowball = onFirstUse<typeof SnowballStemmers>('snowball-stemmers');

/**
 * The text library shared by the knowledge base's search and the coaching topics: folding,
 * stop words, the abbreviations staff write, synonyms, stemming (French and English) and typo
 * classes over a vocabulary. Pure functions; everything sorted, nothing random.
 */

/** Lower case, without accents, every run of non-alphanumerics as one space. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FRENCH_STOP_WORDS = [
  ...['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'et', 'ou', 'ni', 'mais'],
  ...['en', 'dans', 'par', 'pour', 'sur', 'sous', 'avec', 'sans', 'ce', 'cet', 'cette', 'ces'],
  ...['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'te', 'se', 'lui'],
  ...['mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre'],
  ...['vos', 'leur', 'leurs', 'qui', 'que', 'quoi', 'dont', 'est', 'sont', 'etre', 'avoir'],
  ...['ai', 'as', 'ne', 'pas', 'plus', 'tres', 'comment', 'faire', 'fait', 'quand', 'si'],
];

/** The words of a support message that say nothing of its subject: greetings, fillers. */
const SUPPORT_FILLERS = [
  ...['bonjour', 'bonsoir', 'salut', 'merci', 'cordialement', 'svp', 'stp', 'cdt', 'cdlt'],
  ...['probleme', 'souci', 'encore', 'toujours', 'aide', 'besoin', 'urgent', 'marche'],
  ...['fonctionne', 'ca', 'cela', 'ceci', 'moi', 'aussi', 'alors', 'donc', 'depuis', 'ya'],
  ...['quand', 'qu', 'a', 'y', 'c', 'j', 'l', 'd', 'n', 's', 'm', 't', 'peut', 'peux'],
  ...[
    'vers',
    'chez',
    'apres',
    'avant',
    'rien',
    'tout',
    'tous',
    'toutes',
    'toute',
    'deja',
    'ete',
    'etait',
    'avez',
    'avons',
  ],
  ...['hello', 'hi', 'thanks', 'please', 'again', 'still', 'help', 'issue', 'problem'],
];

const ENGLISH_STOP_WORDS = [
  ...['the', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with'],
  ...['from', 'is', 'are', 'was', 'be', 'it', 'its', 'this', 'that', 'my', 'your', 'how'],
  ...['what', 'do', 'does', 'can', 'not', 'no', 'as', 'if', 'we', 'you', 'he', 'she', 'they'],
];

/** Words too common to tell texts apart, French and English, already folded. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...FRENCH_STOP_WORDS,
  ...ENGLISH_STOP_WORDS,
  ...SUPPORT_FILLERS,
]);

const FRENCH_MARKERS = new Set(FRENCH_STOP_WORDS);
const ENGLISH_MARKERS = new Set(ENGLISH_STOP_WORDS);

/** Abbreviations staff write, folded, and the words they stand for. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  mdp: 'mot passe',
  pwd: 'password',
  pj: 'piece jointe',
  ordi: 'ordinateur',
  imp: 'imprimante',
  impr: 'imprimante',
  tel: 'telephone',
  appli: 'application',
  applis: 'applications',
  cal: 'calendrier',
  rdv: 'rendez vous',
  msg: 'message',
  xls: 'excel',
  xlsx: 'excel',
  etiq: 'etiquette',
  etiqs: 'etiquettes',
  bcp: 'beaucoup',
  pb: 'probleme',
  pbs: 'probleme',
  tjrs: 'toujours',
  tjs: 'toujours',
  qd: 'quand',
  pr: 'pour',
  ds: 'dans',
  ts: 'tous',
  ac: 'avec',
};

export type Language = 'fr' | 'en';

/**
 * The language of a text by its function words: English only when it has more English stop
 * words than French ones (French is the practice's default).
 */
export function languageOf(words: readonly string[]): Language {
  let fr = 0;
  let en = 0;
  for (const word of words) {
    if (FRENCH_MARKERS.has(word)) fr++;
    if (ENGLISH_MARKERS.has(word)) en++;
  }
  return en > fr ? 'en' : 'fr';
}

type Stemmer = ReturnType<typeof SnowballStemmers.newStemmer>;
const stemmers: Partial<Record<Language, Stemmer>> = {};
const STEMMER_NAMES: Record<Language, string> = { fr: 'french', en: 'english' };

/**
 * The stem of a folded word: "imprimante", "imprimer", "imprimantes" → "imprim". Staff write
 * without accents, and the French stemmer leaves an "e" the accent would have taken away
 * ("imprimees" → "imprime", "imprimées" → "imprim"): a final "e" goes too.
 */
export function stem(word: string, language: Language = 'fr'): string {
  if (/^\d+$/.test(word)) return word;
  const stemmer = (stemmers[language] ??= snowball().newStemmer(STEMMER_NAMES[language]));
  const stemmed = stemmer.stem(word);
  return language === 'fr' && stemmed.length > 5 && stemmed.endsWith('e')
    ? stemmed.slice(0, -1)
    : stemmed;
}

/**
 * Synonyms the consultant maintains: each group is a list of equivalent expressions ("wifi",
 * "wi-fi", "réseau sans fil"); every expression reads as the group's first one.
 */
export type SynonymGroups = readonly (readonly string[])[];

export interface SynonymTable {
  /** Folded expressions of several words, longest first, with what they read as. */
  phrases: Array<{ words: string[]; canonical: string[] }>;
  /** Single folded words and what they read as. */
  words: Map<string, string[]>;
}

export function synonymTable(groups: SynonymGroups): SynonymTable {
  const phrases: SynonymTable['phrases'] = [];
  const words = new Map<string, string[]>();
  for (const group of groups) {
    const folded = group.map((e) => foldText(e).split(' ').filter(Boolean)).filter((w) => w.length);
    if (folded.length < 2) continue;
    const canonical = folded[0];
    for (const expression of folded.slice(1)) {
      if (expression.length === 1) words.set(expression[0], canonical);
      else phrases.push({ words: expression, canonical });
    }
  }
  phrases.sort(
    (a, b) => b.words.length - a.words.length || a.words.join(' ').localeCompare(b.words.join(' ')),
  );
  return { phrases, words };
}

export const NO_SYNONYMS: SynonymTable = { phrases: [], words: new Map() };

/** Folded words with abbreviations expanded and synonyms read as their group's first word. */
export function normalisedWords(text: string, synonyms: SynonymTable = NO_SYNONYMS): string[] {
  const raw = foldText(text)
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => (ABBREVIATIONS[word] ?? word).split(' '));
  const out: string[] = [];
  for (let k = 0; k < raw.length;) {
    const phrase = synonyms.phrases.find(({ words }) =>
      words.every((word, j) => raw[k + j] === word),
    );
    if (phrase) {
      out.push(...phrase.canonical);
      k += phrase.words.length;
      continue;
    }
    out.push(...(synonyms.words.get(raw[k]) ?? [raw[k]]));
    k++;
  }
  return out;
}

/** A word that says something: no stop word, at least two characters. */
export const isContentWord = (word: string): boolean => word.length >= 2 && !STOP_WORDS.has(word);

/** The words of a text that say something. */
export function contentWords(text: string, synonyms: SynonymTable = NO_SYNONYMS): string[] {
  return normalisedWords(text, synonyms).filter(isContentWord);
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), capped. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = best;
    }
  }
  return Math.min(rows[a.length][b.length], cap + 1);
}

/** Words shorter than this are never taken for a typo of another. */
const TYPO_MIN_LENGTH = 5;

/**
 * Typo classes over a vocabulary (word → how often it is seen): each word one edit away from a
 * more frequent word of at least five letters, starting with the same letter, reads as that
 * word ("imprimente" → "imprimante"). Ties go to the alphabetically first, so the classes are
 * the same from one run to the next.
 */
export function typoClasses(vocabulary: ReadonlyMap<string, number>): Map<string, string> {
  const byDeletion = new Map<string, string[]>();
  const words = [...vocabulary.keys()].filter((w) => w.length >= TYPO_MIN_LENGTH).sort();
  for (const word of words) {
    for (const key of deletionKeys(word)) {
      const list = byDeletion.get(key) ?? [];
      list.push(word);
      byDeletion.set(key, list);
    }
  }
  const classes = new Map<string, string>();
  for (const word of words) {
    const seen = vocabulary.get(word) ?? 0;
    let best: string | null = null;
    for (const key of deletionKeys(word)) {
      for (const other of byDeletion.get(key) ?? []) {
        if (other === word || other[0] !== word[0]) continue;
        const count = vocabulary.get(other) ?? 0;
        if (count <= seen) continue;
        if (editDistance(word, other, 1) > 1) continue;
        const bestCount = best === null ? -1 : (vocabulary.get(best) ?? 0);
        if (count > bestCount || (count === bestCount && best !== null && other < best)) {
          best = other;
        }
      }
    }
    if (best !== null) classes.set(word, best);
  }
  // A chain (a → b → c) reads as its end.
  for (const [word, target] of classes) {
    let end = target;
    for (let hops = 0; classes.has(end) && hops < 10; hops++) end = classes.get(end)!;
    classes.set(word, end);
  }
  return classes;
}

/** The word itself and the word with each one letter left out. */
function deletionKeys(word: string): string[] {
  const keys = new Set([word]);
  for (let k = 0; k < word.length; k++) keys.add(word.slice(0, k) + word.slice(k + 1));
  return [...keys];
}
