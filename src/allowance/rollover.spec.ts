import fc from 'fast-check';
import { addMonths, consumeRetainer, monthNumber, usableRollover } from './rollover';

const leftovers = [
  { month: '2026-01', minutes: 60 },
  { month: '2026-02', minutes: 60 },
  { month: '2026-04', minutes: 60 },
];

describe('consumeRetainer', () => {
  it('covers 13 h with 2 h rolled over first, then 10 h included: 1 h overage', () => {
    expect(
      consumeRetainer({
        includedMinutes: 600,
        rollover: [{ month: '2026-04', minutes: 120 }],
        minutesUsed: 780,
        month: '2026-05',
        rolloverMonths: 3,
      }),
    ).toEqual({
      coveredFromRollover: 120,
      coveredFromIncluded: 600,
      overageMinutes: 60,
      rolloverAfter: [],
    });
  });

  // In May, minutes of January are 4 months old, of February 3, of April 1.
  it.each([
    [0, 0, 600, 120],
    [1, 60, 600, 60],
    [3, 120, 600, 0],
    [4, 180, 540, 0],
  ])(
    'with rolloverMonths %i, 12 h in May use %i roll-over minutes, %i included, %i overage',
    (rolloverMonths, fromRollover, fromIncluded, overage) => {
      const result = consumeRetainer({
        includedMinutes: 600,
        rollover: leftovers,
        minutesUsed: 720,
        month: '2026-05',
        rolloverMonths,
      });
      expect(result.coveredFromRollover).toBe(fromRollover);
      expect(result.coveredFromIncluded).toBe(fromIncluded);
      expect(result.overageMinutes).toBe(overage);
    },
  );

  it.each([
    // rolloverMonths, what June inherits from a quiet May (100 minutes used)
    [0, []],
    [1, [{ month: '2026-05', minutes: 560 }]],
    [
      3,
      [
        { month: '2026-04', minutes: 20 },
        { month: '2026-05', minutes: 600 },
      ],
    ],
  ])('with rolloverMonths %i, June inherits %j', (rolloverMonths, expected) => {
    const result = consumeRetainer({
      includedMinutes: 600,
      rollover: leftovers,
      minutesUsed: 100,
      month: '2026-05',
      rolloverMonths,
    });
    expect(result.rolloverAfter).toEqual(expected);
  });

  it('consumes the oldest roll-over first, so the minutes about to expire are used', () => {
    const result = consumeRetainer({
      includedMinutes: 600,
      rollover: [
        { month: '2026-04', minutes: 60 },
        { month: '2026-02', minutes: 60 },
      ],
      minutesUsed: 90,
      month: '2026-05',
      rolloverMonths: 3,
    });
    expect(result.rolloverAfter).toEqual([
      { month: '2026-04', minutes: 30 },
      { month: '2026-05', minutes: 600 },
    ]);
  });

  it('ignores roll-over from the month itself or later', () => {
    const result = consumeRetainer({
      includedMinutes: 0,
      rollover: [{ month: '2026-05', minutes: 60 }],
      minutesUsed: 60,
      month: '2026-05',
      rolloverMonths: 3,
    });
    expect(result.overageMinutes).toBe(60);
  });

  it('refuses negative or fractional minutes', () => {
    expect(() =>
      consumeRetainer({
        includedMinutes: 600,
        rollover: [],
        minutesUsed: -5,
        month: '2026-05',
        rolloverMonths: 1,
      }),
    ).toThrow(RangeError);
    expect(() =>
      consumeRetainer({
        includedMinutes: 1.5,
        rollover: [],
        minutesUsed: 5,
        month: '2026-05',
        rolloverMonths: 1,
      }),
    ).toThrow(RangeError);
  });

  it('accounts for every minute: used = rolled over + included + overage, and nothing is created', () => {
    const entry = fc.record({
      month: fc.integer({ min: 0, max: 11 }).map((k) => addMonths('2025-06', k)),
      minutes: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.array(entry, { maxLength: 6 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 12 }),
        (includedMinutes, rollover, minutesUsed, rolloverMonths) => {
          const month = '2026-06';
          const r = consumeRetainer({
            includedMinutes,
            rollover,
            minutesUsed,
            month,
            rolloverMonths,
          });
          expect(r.coveredFromRollover + r.coveredFromIncluded + r.overageMinutes).toBe(
            minutesUsed,
          );
          const available = usableRollover(rollover, month, rolloverMonths).reduce(
            (s, e) => s + e.minutes,
            0,
          );
          const carried = r.rolloverAfter.reduce((s, e) => s + e.minutes, 0);
          expect(carried).toBeLessThanOrEqual(
            available + includedMinutes - r.coveredFromRollover - r.coveredFromIncluded,
          );
          if (r.overageMinutes > 0) expect(r.coveredFromIncluded).toBe(includedMinutes);
          if (rolloverMonths === 0) expect(r.rolloverAfter).toEqual([]);
        },
      ),
    );
  });
});

it.each([
  ['2026-11', 2, '2027-01'],
  ['2026-01', -1, '2025-12'],
  ['2026-05', 0, '2026-05'],
])('%s plus %i months is %s', (month, count, expected) => {
  expect(addMonths(month, count)).toBe(expected);
});

describe('monthNumber', () => {
  it.each([
    ['0000-01', 0],
    ['2026-01', 2026 * 12],
    ['2026-12', 2026 * 12 + 11],
    ['9999-12', 9999 * 12 + 11],
  ])('%s is month %i', (month, expected) => {
    expect(monthNumber(month)).toBe(expected);
  });

  it.each([
    '2026-00',
    '2026-13',
    '2026-1',
    '2026-011',
    '202-01',
    '2026/01',
    '2a26-01',
    ' 2026-01',
    '',
  ])('refuses "%s", which is no YYYY-MM month', (month) => {
    expect(() => monthNumber(month)).toThrow(RangeError);
  });

  it('reads every YYYY-MM as its year and month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
        expect(monthNumber(text)).toBe(y * 12 + m - 1);
      }),
    );
  });
});
