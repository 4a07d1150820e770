import fc from 'fast-check';
import {
  articlesReadBy,
  KNOWLEDGE_SYNONYMS,
  LABELLED_QUERIES,
  rankingQuality,
} from '../../test/fixtures/knowledge-queries';
import { KnowledgeIndex, rankArticles, SearchableArticle } from './search';

const ARTICLES: SearchableArticle[] = [
  {
    id: 'printer',
    title: 'Imprimante réseau',
    tags: ['impression'],
    body: 'Vérifier le câble et le spouleur.',
  },
  {
    id: 'vpn',
    title: 'Se connecter au VPN',
    tags: ['réseau', 'télétravail'],
    body: 'Installer le client VPN puis se connecter.',
  },
  {
    id: 'scanner',
    title: 'Numériser un document',
    tags: ['scanner'],
    body: "Le scanner de l'imprimante envoie les fichiers par mail.",
  },
  {
    id: 'wifi',
    title: 'Wi-Fi invités',
    tags: ['accueil'],
    body: 'Le mot de passe change chaque mois.',
  },
  {
    id: 'mail',
    title: 'Messagerie',
    tags: ['outlook'],
    body: 'Configurer Outlook sur un poste neuf.',
  },
  {
    id: 'printer-drivers',
    title: 'Pilotes',
    tags: [],
    body: 'Les imprimantes Brother demandent le pilote universel.',
  },
];

const SYNONYMS = [['wifi', 'wi-fi', 'réseau sans fil']];

function ids(query: string, limit?: number): string[] {
  return rankArticles(query, ARTICLES, limit, SYNONYMS).map((match) => match.id);
}

describe('rankArticles', () => {
  it('ranks a title match above a body match, naming where each matched', () => {
    const [first, second, third] = rankArticles('imprimante', ARTICLES);
    expect([first.id, first.matchedIn]).toEqual(['printer', ['title', 'tag']]);
    expect(new Set([second.id, third.id])).toEqual(new Set(['scanner', 'printer-drivers']));
    expect(second.matchedIn).toEqual(['body']);
    expect(first.score).toBeGreaterThan(second.score);
  });

  it.each([
    ['a word form: the verb finds the printer', 'imprimer', 'printer'],
    ['a word form: the noun of the act finds it too', 'impression bloquée', 'printer'],
    ['a plural', 'imprimantes', 'printer'],
    ['a typo', 'imprimente', 'printer'],
    ['a typo two edits away in a long word', 'telettravial', 'vpn'],
    ['no accents, upper case', 'NUMERISER', 'scanner'],
    ['an abbreviation', 'mdp wifi', 'wifi'],
    ['a synonym written apart', 'wi fi', 'wifi'],
    ['a synonym of several words', 'réseau sans fil', 'wifi'],
    ['a word prefix', 'spoul', 'printer'],
    ['a question in French', 'Comment se connecter au vpn ?', 'vpn'],
    ['a tag', 'outlook', 'mail'],
  ])('finds by %s (%j)', (_case, query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it('reads synonyms only as the consultant declares them', () => {
    expect(rankArticles('réseau sans fil', ARTICLES).map((m) => m.id)[0]).not.toBe('wifi');
    expect(ids('réseau sans fil')).toEqual(['wifi']);
  });

  it('reads a typo only for a word the articles do not hold', () => {
    // "pilote" is there: "pilotes" is a plural, not a typo of anything else.
    expect(ids('pilotes')).toEqual(['printer-drivers']);
    expect(new KnowledgeIndex(ARTICLES).queryTerms('imprimente piolte')).toEqual([
      'imprim',
      'pilot',
    ]);
  });

  it('breaks ties by title', () => {
    const articles = [
      { id: 'b', title: 'Écran noir', tags: [], body: 'souris' },
      { id: 'a', title: 'Clavier', tags: [], body: 'souris' },
      { id: 'c', title: 'Dock', tags: [], body: 'souris' },
    ];
    expect(rankArticles('souris', articles).map((match) => match.id)).toEqual(['a', 'c', 'b']);
  });

  it.each([
    ['nothing but stop words', 'comment le faire ?'],
    ['an unknown word', 'photocopieuse'],
    ['an empty query', ''],
  ])('finds nothing for %s', (_case, query) => {
    expect(rankArticles(query, ARTICLES)).toEqual([]);
  });

  it('returns at most the limit, 5 by default, and counts every match', () => {
    const index = new KnowledgeIndex(ARTICLES, SYNONYMS);
    const all = index.search('reseau imprimante outlook scanner vpn wifi');
    expect(all.matches).toHaveLength(5);
    expect(all.total).toBe(6);
    expect(index.search('imprimante', 2).matches.map((m) => m.id)[0]).toBe('printer');
    expect(index.search('imprimante', 2)).toMatchObject({ total: 3 });
  });

  it('always returns positive scores, best first, within the limit, whatever the order', () => {
    // Words from a small vocabulary, so that queries often match several articles.
    const word = fc.constantFrom('imprimante', 'reseau', 'vpn', 'outlook', 'scanner', 'serveur');
    const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
    const article = fc.record({
      id: fc.uuid(),
      title: text,
      tags: fc.array(word, { maxLength: 3 }),
      body: text,
    });
    let ranking = 0;
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string()),
        fc.uniqueArray(article, { maxLength: 12, selector: (a) => a.id }),
        fc.integer({ min: 1, max: 6 }),
        (query, articles, limit) => {
          const ranked = rankArticles(query, articles, limit);
          expect(ranked.length).toBeLessThanOrEqual(limit);
          expect(ranked.filter((match) => match.score <= 0)).toEqual([]);
          const scores = ranked.map((match) => match.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
          expect(rankArticles(query, [...articles].reverse(), limit)).toEqual(ranked);
          if (ranked.length > 1) ranking += 1;
        },
      ),
    );
    // Some runs ranked several articles: the order was put to the test.
    expect(ranking).toBeGreaterThan(0);
  });
});

describe('the labelled queries (test/fixtures/knowledge-queries.ts)', () => {
  const articles = articlesReadBy('acme').map((a) => ({
    id: a.key,
    title: a.title,
    tags: a.tags,
    body: a.bodyMarkdown,
  }));
  const index = new KnowledgeIndex(articles, KNOWLEDGE_SYNONYMS);
  const quality = rankingQuality((q) => index.search(q).matches.map((m) => m.id));

  it('holds at least 60 queries, each answered by an article the client may read', () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(60);
    const readable = new Set(articles.map((a) => a.id));
    expect(LABELLED_QUERIES.flatMap((q) => q.answers).filter((k) => !readable.has(k))).toEqual([]);
  });

  // Measured: recall@3 0.991, MRR 0.976 (docs/coaching.md); the floors leave a little room.
  it('puts an answering article in the first three for at least 97 % of them', () => {
    expect(quality.misses.map((m) => m.q)).toEqual(['courriels qui n arrivent plus']);
    expect(quality.recallAt3).toBeGreaterThanOrEqual(0.97);
  });

  it('ranks the answer first nearly always: MRR at least 0.95', () => {
    expect(quality.mrr).toBeGreaterThanOrEqual(0.95);
  });
});
