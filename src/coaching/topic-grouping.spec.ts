import { CALENDAR, EXPORT, LABELS, NOISE } from '../../test/fixtures/coaching-requests';
import { synonymTable } from '../knowledge/text-analysis';
import { cosine, groupTopics, type TopicText } from './topic-grouping';

const SCENARIO = [...CALENDAR, ...LABELS, ...EXPORT, ...NOISE];
const texts: TopicText[] = SCENARIO.map((r, k) => ({
  id: `${r.problem}-${String(k).padStart(2, '0')}`,
  title: r.title,
  body: `${r.description} ${r.answer ?? ''}`,
}));

describe('groupTopics', () => {
  it('finds the three recurring problems, whole and alone, biggest first', () => {
    const { groups } = groupTopics(texts);
    const top = groups.slice(0, 3).map((g) => [...new Set(g.ids.map((id) => id.split('-')[0]))]);
    expect(top).toEqual([['calendar'], ['labels'], ['export']]);
    expect(groups.slice(0, 3).map((g) => g.ids.length)).toEqual([8, 7, 6]);
    expect(groups.slice(3).every((g) => g.ids.length < 3)).toBe(true);
  });

  it('explains each topic by the words people wrote', () => {
    const { groups } = groupTopics(texts);
    expect(
      groups[0].terms
        .slice(0, 2)
        .map((t) => t.word)
        .sort(),
    ).toEqual(['calendrier', 'partage']);
    expect(groups[1].terms.map((t) => t.word)).toEqual(
      expect.arrayContaining(['etiquettes', 'zebra']),
    );
    expect(groups[2].terms.map((t) => t.word)).toEqual(
      expect.arrayContaining(['export', 'accents']),
    );
    expect(groups.map((g) => g.key).slice(0, 3)).toEqual([
      'calendri-outlook-partag',
      'etiquet-imprim-zebr',
      'accent-erp-export',
    ]);
  });

  it('gives the same topics whatever the order the requests come in', () => {
    const forward = groupTopics(texts).groups.map((g) => [g.key, [...g.ids].sort()]);
    const backward = groupTopics([...texts].reverse()).groups.map((g) => [
      g.key,
      [...g.ids].sort(),
    ]);
    expect(backward).toEqual(forward);
  });

  it('puts a typo with the word it misses', () => {
    const { corpus } = groupTopics(texts);
    expect(corpus.typos.get('imprimente')).toBe('imprimante');
    expect(corpus.typos.get('calendier')).toBe('calendrier');
  });

  it("reads the consultant's synonyms as one word", () => {
    const agenda: TopicText[] = [
      { id: 'a', title: 'agenda partagé', body: 'ma collegue voit pas mon agenda' },
      { id: 'b', title: 'calendrier partagé', body: 'ma collegue voit pas mon calendrier' },
      { id: 'c', title: 'ecran noir', body: 'ecran noir au demarrage' },
    ];
    expect(groupTopics(agenda, { threshold: 0.9 }).groups).toEqual([]);
    const withSynonyms = groupTopics(agenda, {
      threshold: 0.9,
      synonyms: synonymTable([['calendrier', 'agenda']]),
    });
    expect(withSynonyms.groups.map((g) => g.ids)).toEqual([['a', 'b']]);
  });

  it('finds nothing in nothing, and no topic of one request', () => {
    expect(groupTopics([]).groups).toEqual([]);
    expect(groupTopics([texts[0]]).groups).toEqual([]);
  });
});

describe('cosine', () => {
  it.each([
    [new Map([['a', 1]]), new Map([['a', 1]]), 1],
    [new Map([['a', 1]]), new Map([['b', 1]]), 0],
    [
      new Map([
        ['a', 0.6],
        ['b', 0.8],
      ]),
      new Map([['b', 1]]),
      0.8,
    ],
  ])('of two unit vectors is their dot product', (a, b, expected) => {
    expect(cosine(a, b)).toBeCloseTo(expected);
  });
});
