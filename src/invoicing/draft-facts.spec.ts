import fc from 'fast-check';
import { interventionDetail, lineDetails, rolloverInto, type BilledWork } from './draft-facts';
import { hourLine, monthNumber, type DraftLine } from './math';

const work = (overrides: Partial<BilledWork> = {}): BilledWork => ({
  id: 'w1',
  startedAt: new Date('2026-11-03T08:00:00Z'),
  endedAt: new Date('2026-11-03T09:30:00Z'),
  activityId: 'a',
  urgency: 'normal',
  description: 'Serveur mail HS',
  billableMinutes: 90,
  hourlyRateCents: 9000,
  baseAmountCents: 13500,
  urgencySurchargePercent: 0,
  urgencySurchargeCents: 0,
  afterHoursSurchargePercent: 0,
  afterHoursSurchargeCents: 0,
  afterHoursBillableMinutes: 0,
  ...overrides,
});

describe('interventionDetail', () => {
  it.each([
    ['fr, local Paris time', {}, 'fr', '03/11/2026 09:00–10:30 · Serveur mail HS · 1,50 h'],
    ['en', {}, 'en', '3 Nov 2026 09:00–10:30 · Serveur mail HS · 1.50 h'],
    [
      'an end on the next day shows its date',
      { startedAt: new Date('2026-11-03T22:30:00Z'), endedAt: new Date('2026-11-04T00:15:00Z') },
      'fr',
      '03/11/2026 23:30–04/11/2026 01:15 · Serveur mail HS · 1,50 h',
    ],
    [
      'summer time before the October change',
      { startedAt: new Date('2026-10-24T07:00:00Z'), endedAt: new Date('2026-10-24T08:00:00Z') },
      'fr',
      '24/10/2026 09:00–10:00 · Serveur mail HS · 1,50 h',
    ],
    [
      'billable minutes, not the duration (rounded up to the increment)',
      { billableMinutes: 100 },
      'fr',
      '03/11/2026 09:00–10:30 · Serveur mail HS · 1,67 h',
    ],
    [
      'whitespace of a description folded',
      { description: '  Imprimante\n  réseau   HS ' },
      'fr',
      '03/11/2026 09:00–10:30 · Imprimante réseau HS · 1,50 h',
    ],
  ] as const)('%s', (_, overrides, locale, expected) => {
    expect(interventionDetail(work(overrides), 'Europe/Paris', locale)).toBe(expected);
  });

  it('cuts a long description to keep one printed line readable', () => {
    const detail = interventionDetail(work({ description: 'x'.repeat(400) }), 'Europe/Paris', 'fr');
    expect(detail).toMatch(/^03\/11\/2026 09:00–10:30 · x{159}… · 1,50 h$/);
  });
});

describe('lineDetails', () => {
  const works = new Map([
    ['late', work({ id: 'late', startedAt: new Date('2026-11-20T08:00:00Z'), endedAt: null })],
    ['early', work({ id: 'early' })],
  ]);
  const line = (kind: DraftLine['kind']): DraftLine => ({
    ...hourLine(kind, 'x', 90, 9000, 2000, ['late', 'unknown', 'early']),
  });

  it('lists the interventions of a line that bills work, oldest first', () => {
    expect(lineDetails(line('time'), works, 'Europe/Paris', 'fr')).toEqual([
      '03/11/2026 09:00–10:30 · Serveur mail HS · 1,50 h',
      '20/11/2026 · Serveur mail HS · 1,50 h',
    ]);
  });

  it.each(['urgency_surcharge', 'after_hours_surcharge', 'over_quota_fee', 'manual'] as const)(
    'lists nothing under a %s line (its interventions are listed above)',
    (kind) => {
      expect(lineDetails(line(kind), works, 'Europe/Paris', 'fr')).toEqual([]);
    },
  );
});

describe('rolloverInto', () => {
  const history = (used: Record<string, number>, rolloverMonths = 1, firstMonth = '2026-09') => ({
    firstMonth,
    includedMinutes: 600,
    rolloverMonths,
    minutesUsedByMonth: new Map(Object.entries(used)),
  });

  it.each([
    [
      '8 h of 10 used the month before: 2 h carried',
      { '2026-09': 480 },
      1,
      '2026-09',
      [['2026-09', 120]],
    ],
    ['roll-over off: nothing carried', { '2026-09': 480 }, 0, '2026-09', []],
    ['the contract starts this month: nothing to carry', {}, 1, '2026-10', []],
    [
      'an idle month carries its 10 h, the older ones expire after 1 month',
      {},
      1,
      '2026-07',
      [['2026-09', 600]],
    ],
    [
      'two months kept: August’s 5 h left are used before September’s own',
      { '2026-08': 300, '2026-09': 700 },
      2,
      '2026-08',
      [['2026-09', 200]],
    ],
    [
      'an overrun month eats the carried minutes, nothing left',
      { '2026-08': 0, '2026-09': 1200 },
      1,
      '2026-08',
      [],
    ],
  ] as const)('%s', (_, used, months, first, expected) => {
    const entries = rolloverInto('2026-10', history(used, months, first));
    expect(entries.map((e) => [e.month, e.minutes])).toEqual(expected);
  });

  it('never carries more than the included minutes of the kept months, all of them recent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 0, maxLength: 14 }),
        fc.integer({ min: 0, max: 6 }),
        (usage, rolloverMonths) => {
          const used = new Map(usage.map((m, k) => [`2025-${String(k + 1).padStart(2, '0')}`, m]));
          const firstMonth = '2025-01';
          const entries = rolloverInto('2026-03', {
            firstMonth,
            includedMinutes: 600,
            rolloverMonths,
            minutesUsedByMonth: used,
          });
          const total = entries.reduce((sum, e) => sum + e.minutes, 0);
          expect(total).toBeLessThanOrEqual(600 * rolloverMonths);
          for (const e of entries) {
            const age = monthNumber('2026-03') - monthNumber(e.month);
            expect(e.minutes).toBeGreaterThan(0);
            expect(age >= 1 && age <= rolloverMonths).toBe(true);
          }
        },
      ),
    );
  });
});
