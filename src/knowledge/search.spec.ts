import fc from 'fast-check';
import { foldText, rankArticles, SearchableArticle, tokenize } from './search';

describe('foldText', () => {
  it.each([
    ['Imprimante Réseau', 'imprimante reseau'],
    ["L'écran   ne s'allume PAS !", 'l ecran ne s allume pas'],
    ['Œuvre — Noël, Ça & Ünïcödé', 'œuvre noel ca unicode'],
    ['  VPN/Wi-Fi (5 GHz)  ', 'vpn wi fi 5 ghz'],
    ['', ''],
  ])('folds %j to %j', (text, expected) => {
    expect(foldText(text)).toBe(expected);
  });

  it('gives the same result when folded twice', () => {
    fc.assert(fc.property(fc.string(), (text) => foldText(foldText(text)) === foldText(text)));
  });
});

describe('tokenize', () => {
  it.each([
    ["Comment réinstaller l'imprimante du bureau ?", ['reinstaller', 'imprimante', 'bureau']],
    ['How to reset the VPN password', ['reset', 'vpn', 'password']],
    ['Le poste a un écran noir', ['poste', 'ecran', 'noir']],
    ['Erreur 404 sur la page', ['erreur', '404', 'page']],
  ])('keeps the telling words of %j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

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
    tags: ['réseau'],
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

function ids(query: string, limit?: number): string[] {
  return rankArticles(query, ARTICLES, limit).map((match) => match.id);
}

describe('rankArticles', () => {
  it('finds "Imprimante réseau" from "imprimante", title match first', () => {
    expect(rankArticles('imprimante', ARTICLES)).toEqual([
      { id: 'printer', score: 5, matchedIn: ['title'] },
      { id: 'scanner', score: 1, matchedIn: ['body'] },
      { id: 'printer-drivers', score: 0.5, matchedIn: ['body'] },
    ]);
  });

  it.each([
    ['a word prefix, ties by title', 'imprim', ['printer', 'scanner', 'printer-drivers']],
    [
      'accents and case folded',
      'IMPRIMANTE RESEAU',
      ['printer', 'vpn', 'wifi', 'scanner', 'printer-drivers'],
    ],
    ['a plural', 'imprimantes', ['printer', 'printer-drivers', 'scanner']],
    ['a question in French', 'Comment se connecter au vpn ?', ['vpn']],
    ['a tag', 'outlook', ['mail']],
    ['a tag ahead of a body mention', 'scanner', ['scanner']],
  ])('ranks by %s', (_case, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('ranks a whole word above a prefix in the same field', () => {
    const articles = [
      { id: 'prefix', title: 'Imprimantes laser', tags: [], body: '' },
      { id: 'whole', title: 'Imprimante jet', tags: [], body: '' },
    ];
    expect(rankArticles('imprimante', articles).map((match) => [match.id, match.score])).toEqual([
      ['whole', 5],
      ['prefix', 2.5],
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

  it('adds the fields and the words a query matches', () => {
    const [match] = rankArticles('vpn réseau', ARTICLES);
    expect(match).toEqual({ id: 'vpn', score: 5 + 4 + 1, matchedIn: ['title', 'tag', 'body'] });
  });

  it.each([
    ['nothing but stop words', 'comment le faire ?'],
    ['a short prefix', 'imp'],
    ['an unknown word', 'photocopieuse'],
    ['an empty query', ''],
  ])('finds nothing for %s', (_case, query) => {
    expect(rankArticles(query, ARTICLES)).toEqual([]);
  });

  it('returns at most the limit, 5 by default', () => {
    expect(ids('reseau imprimante outlook scanner vpn')).toHaveLength(5);
    expect(ids('reseau', 2)).toEqual(['printer', 'vpn']);
  });

  it('always returns positive scores, best first, within the limit', () => {
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
        fc.array(article, { maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (query, articles, limit) => {
          const ranked = rankArticles(query, articles, limit);
          expect(ranked.length).toBeLessThanOrEqual(limit);
          expect(ranked.filter((match) => match.score <= 0)).toEqual([]);
          const scores = ranked.map((match) => match.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
          if (ranked.length > 1) ranking += 1;
        },
      ),
    );
    // Some runs ranked several articles: the order was put to the test.
    expect(ranking).toBeGreaterThan(0);
  });
});
