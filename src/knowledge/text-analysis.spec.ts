import {
  contentWords,
  editDistance,
  foldText,
  languageOf,
  normalisedWords,
  stem,
  synonymTable,
  typoClasses,
} from './text-analysis';

describe('foldText', () => {
  it.each([
    ['Étiquettes  BLANCHES !', 'etiquettes blanches'],
    ["l'export ERP→Excel", 'l export erp excel'],
  ])('folds %j to %j', (text, expected) => expect(foldText(text)).toBe(expected));
});

describe('contentWords', () => {
  it.each([
    ['pb partage cal', ['partage', 'calendrier']],
    ['Bonjour, mon mdp marche pas svp', ['mot', 'passe']],
    ["l'imp du quai imprime blanc", ['imprimante', 'quai', 'imprime', 'blanc']],
    ['How do I share the calendar?', ['share', 'calendar']],
  ])('keeps the telling words of %j, abbreviations spelt out', (text, expected) => {
    expect(contentWords(text)).toEqual(expected);
  });
});

describe('synonyms', () => {
  const table = synonymTable([
    ['wifi', 'wi-fi', 'réseau sans fil'],
    ['agenda', 'calendrier'],
  ]);

  it.each([
    ['le Wi-Fi decroche', ['le', 'wifi', 'decroche']],
    ['reseau sans fil lent', ['wifi', 'lent']],
    ['mon calendrier', ['mon', 'agenda']],
    ['sans fil', ['sans', 'fil']],
  ])('reads %j as %j', (text, expected) => {
    expect(normalisedWords(text, table)).toEqual(expected);
  });

  it('ignores a group of one expression', () => {
    expect(synonymTable([['seul']]).words.size).toBe(0);
  });
});

describe('stem', () => {
  it.each([
    ['imprimante', 'fr', 'imprim'],
    ['imprimer', 'fr', 'imprim'],
    ['etiquettes', 'fr', 'etiquet'],
    ['printers', 'en', 'printer'],
    ['2026', 'fr', '2026'],
  ] as const)('%s (%s) → %s', (word, language, expected) => {
    expect(stem(word, language)).toBe(expected);
  });
});

describe('languageOf', () => {
  it.each([
    [['the', 'printer', 'is', 'down'], 'en'],
    [['le', 'calendrier', 'de', 'the'], 'fr'],
    [['zebra'], 'fr'],
  ] as const)('%j is %s', (words, expected) => expect(languageOf(words)).toBe(expected));
});

describe('editDistance', () => {
  it.each([
    ['imprimante', 'imprimente', 1],
    ['calendrier', 'calendier', 1],
    ['etiquette', 'etiqeutte', 1],
    ['export', 'exports', 1],
    ['blanc', 'blanches', 3],
    ['abc', 'abc', 0],
  ])('%s ↔ %s is %i (capped at 2 + 1)', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(Math.min(expected, 3));
  });
});

describe('typoClasses', () => {
  it('reads a rare word one edit from a frequent one as that word', () => {
    const vocabulary = new Map([
      ['imprimante', 9],
      ['imprimente', 1],
      ['calendrier', 5],
      ['calendier', 2],
      ['zebra', 3],
      ['zebre', 3],
      ['cle', 1],
      ['clé', 9],
    ]);
    expect([...typoClasses(vocabulary)].sort()).toEqual([
      ['calendier', 'calendrier'],
      ['imprimente', 'imprimante'],
    ]);
  });

  it('gives the same classes whatever the order of the vocabulary', () => {
    const words: Array<[string, number]> = [
      ['partage', 5],
      ['partages', 1],
      ['partager', 5],
      ['partagee', 1],
    ];
    const forward = typoClasses(new Map(words));
    const backward = typoClasses(new Map([...words].reverse()));
    expect([...backward].sort()).toEqual([...forward].sort());
    expect(forward.get('partages')).toBe('partage');
  });
});
