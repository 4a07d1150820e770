import { interventionDetail, lineDetails, type BilledWork } from './draft-facts';
import { hourLine, type DraftLine } from './math';

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
