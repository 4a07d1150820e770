import {
  autonomyMonth,
  rate,
  ratesAround,
  repeatsOf,
  sessionMinutes,
  suggestionFor,
  trendDirection,
} from './coaching-rules';

const client = (clientId: string, requests: number, staff: number, minutes = 30 * requests) => ({
  clientId,
  requests,
  staff,
  minutes,
});

describe('suggestionFor', () => {
  it.each([
    ['too few requests', { requests: 2, articleIds: [], clients: [client('a', 2, 2)] }, 'none'],
    [
      'recurs, no article',
      { requests: 5, articleIds: [], clients: [client('a', 3, 2), client('b', 2, 1)] },
      'write_article',
    ],
    [
      'an article exists, people still file',
      { requests: 4, articleIds: ['art'], clients: [client('a', 4, 2)] },
      'improve_article',
    ],
    [
      'several staff of one client',
      { requests: 6, articleIds: ['art'], clients: [client('a', 5, 3), client('b', 1, 1)] },
      'offer_training',
    ],
  ])('%s → %s', (_case, topic, kind) => {
    expect(suggestionFor(topic).kind).toBe(kind);
  });

  it('offers the training to the client that files most, with what it cost and the session', () => {
    const suggestion = suggestionFor({
      requests: 9,
      articleIds: [],
      clients: [client('b', 3, 3, 90), client('a', 6, 4, 150)],
    });
    expect(suggestion).toEqual({
      kind: 'offer_training',
      clientId: 'a',
      minutesCost: 150,
      sessionMinutes: 120,
    });
  });

  it('names the article to improve', () => {
    expect(suggestionFor({ requests: 3, articleIds: ['x', 'y'], clients: [] })).toEqual({
      kind: 'improve_article',
      articleId: 'x',
    });
  });
});

describe('sessionMinutes', () => {
  it.each([
    [0, 60],
    [1, 90],
    [3, 120],
    [4, 120],
    [5, 150],
    [12, 180],
  ])('%i attendees → %i minutes', (attendees, minutes) => {
    expect(sessionMinutes(attendees)).toBe(minutes);
  });
});

describe('trendDirection', () => {
  it.each([
    [[], 'steady'],
    [[3], 'steady'],
    [[1, 1, 2, 3], 'rising'],
    [[4, 3, 9, 1, 1], 'falling'],
    [[2, 2, 2, 2], 'steady'],
    [[4, 0, 5], 'steady'],
  ] as const)('%j → %s', (counts, expected) => {
    expect(trendDirection(counts)).toBe(expected);
  });
});

describe('rate and autonomyMonth', () => {
  it.each([
    [1, 3, 0.333],
    [0, 0, null],
    [2, 2, 1],
  ])('%i of %i is %p', (part, whole, expected) => expect(rate(part, whole)).toBe(expected));

  it('figures a month: rates over requests, deflections over both, minutes saved', () => {
    expect(
      autonomyMonth(
        { month: '2026-07', requests: 6, deflections: 4, falseUrgencies: 3, repeats: 2 },
        25,
      ),
    ).toEqual({
      month: '2026-07',
      requests: 6,
      deflections: 4,
      falseUrgencies: 3,
      repeats: 2,
      deflectionRate: 0.4,
      falseUrgencyRate: 0.5,
      repeatRate: 0.333,
      minutesSaved: 100,
    });
  });

  it('has no rates in a month with nothing', () => {
    const month = autonomyMonth(
      { month: '2026-08', requests: 0, deflections: 0, falseUrgencies: 0, repeats: 0 },
      30,
    );
    expect([month.deflectionRate, month.falseUrgencyRate, month.repeatRate]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('repeatsOf', () => {
  it('counts a request filed once an earlier one of the topic was answered', () => {
    const repeats = repeatsOf([
      { id: 'c', createdAt: '2026-01-20T09:00:00.000Z', respondedAt: null },
      { id: 'a', createdAt: '2026-01-05T09:00:00.000Z', respondedAt: '2026-01-10T09:00:00.000Z' },
      { id: 'b', createdAt: '2026-01-07T09:00:00.000Z', respondedAt: '2026-01-07T10:00:00.000Z' },
      { id: 'd', createdAt: '2026-01-07T09:30:00.000Z', respondedAt: null },
    ]);
    expect([...repeats].sort()).toEqual(['c']);
  });

  it('counts none when no request was ever answered', () => {
    expect(
      repeatsOf([
        { id: 'a', createdAt: '2026-01-05T09:00:00.000Z', respondedAt: null },
        { id: 'b', createdAt: '2026-02-05T09:00:00.000Z', respondedAt: null },
      ]).size,
    ).toBe(0);
  });
});

describe('ratesAround', () => {
  const at = '2026-07-01T08:00:00.000Z';
  it('gives requests per 30 days before and after', () => {
    const instants = [
      '2026-04-10T08:00:00.000Z',
      '2026-05-10T08:00:00.000Z',
      '2026-06-10T08:00:00.000Z',
      '2026-07-20T08:00:00.000Z',
      '2025-01-01T08:00:00.000Z',
    ];
    expect(ratesAround(instants, at, '2026-10-01T08:00:00.000Z')).toEqual({
      before: 1,
      after: 0.33,
      beforeRequests: 3,
      afterRequests: 1,
    });
  });

  it('has no rate after a session given today', () => {
    expect(ratesAround([], at, at).after).toBeNull();
  });
});
