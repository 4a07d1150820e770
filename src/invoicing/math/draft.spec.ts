/** Prepaid and time-and-materials drafts, and their surcharge and over-quota lines. */
import { priceIntervention } from '../../interventions/pricing';
import { buildDraft, buildDraftLines, contractMonthsOfPeriod, monthsOfPeriod } from './draft';
import { draftInput, intervention, may } from '../../../test/fixtures/draft-inputs';

describe('prepaid drafts', () => {
  const work = [
    intervention({ id: 'a', startedAt: may(4), billableMinutes: 180 }),
    intervention({ id: 'b', startedAt: may(5), billableMinutes: 240 }),
    intervention({
      id: 'c',
      startedAt: may(6),
      billableMinutes: 60,
      activityName: 'Training',
      hourlyRateCents: 12_000,
    }),
  ];

  it('consumes the block at 0 and bills the minutes beyond it by the hour, per rate', () => {
    const draft = buildDraft(
      draftInput({ mode: 'prepaid', prepaidRemainingMinutes: 300, interventions: work }),
    );
    expect(draft.lines).toEqual([
      {
        kind: 'prepaid',
        description: 'Prepaid block: 5 h consumed, 0 h left',
        quantity: 5,
        unit: 'hour',
        unitPriceCents: 0,
        vatRateBp: 2000,
        amountCents: 0,
        interventionIds: ['a', 'b'],
      },
      {
        kind: 'prepaid_overrun',
        description: 'Hours beyond the prepaid block',
        quantity: 2,
        unit: 'hour',
        unitPriceCents: 8000,
        vatRateBp: 2000,
        amountCents: 16_000,
        interventionIds: ['b'],
      },
      {
        kind: 'prepaid_overrun',
        description: 'Hours beyond the prepaid block',
        quantity: 1,
        unit: 'hour',
        unitPriceCents: 12_000,
        vatRateBp: 2000,
        amountCents: 12_000,
        interventionIds: ['c'],
      },
    ]);
    expect(draft.prepaidRemainingMinutesAfter).toBe(0);
  });

  it('says in French what is left of the block when it is not used up', () => {
    const draft = buildDraft(
      draftInput({
        mode: 'prepaid',
        locale: 'fr',
        prepaidRemainingMinutes: 600,
        interventions: [work[0]],
      }),
    );
    expect(draft.lines.map((l) => l.description)).toEqual([
      'Forfait prépayé\u00a0: 3 h consommées, 7 h restantes',
    ]);
    expect(draft.prepaidRemainingMinutesAfter).toBe(420);
  });

  it('bills everything by the hour once the block is used up', () => {
    const lines = buildDraftLines(
      draftInput({ mode: 'prepaid', prepaidRemainingMinutes: 0, interventions: [work[0]] }),
    );
    expect(lines.map((l) => [l.kind, l.amountCents])).toEqual([['prepaid_overrun', 24_000]]);
  });
});

describe('time and materials drafts', () => {
  it('groups by activity, urgency and rate, listing the interventions', () => {
    const lines = buildDraftLines(
      draftInput({
        interventions: [
          intervention({ id: 's1', startedAt: may(2), billableMinutes: 50 }),
          intervention({
            id: 'c1',
            startedAt: may(3),
            billableMinutes: 20,
            activityId: 'consulting',
            activityName: 'Consulting',
            hourlyRateCents: 10_000,
          }),
          intervention({ id: 's2', startedAt: may(4), billableMinutes: 25 }),
          intervention({ id: 'h1', startedAt: may(5), billableMinutes: 10, urgency: 'high' }),
        ],
      }),
    );
    expect(
      lines.map((l) => [
        l.description,
        l.quantity,
        l.unitPriceCents,
        l.amountCents,
        l.interventionIds,
      ]),
    ).toEqual([
      ['Support, normal urgency', 1.25, 8000, 10_000, ['s1', 's2']],
      // 20 min = 0.33 h and 10 min = 0.17 h: the amount is the printed hours × the rate.
      ['Consulting, normal urgency', 0.33, 10_000, 3300, ['c1']],
      ['Support, high urgency', 0.17, 8000, 1360, ['h1']],
    ]);
  });

  it('is the sum of its interventions, each priced as it stores its amount', () => {
    // Three 7-minute calls at 70 €/h: 0.12 h = 8.40 € each, as each intervention stores it;
    // the line prints 0.36 h (the 0.12 h listed under it, three times) and 25.20 €.
    const calls = ['x', 'y', 'z'].map((id, k) =>
      intervention({ id, startedAt: may(k + 1), billableMinutes: 7, hourlyRateCents: 7000 }),
    );
    const [line] = buildDraftLines(draftInput({ interventions: calls }));
    const stored = calls.map(
      (c) =>
        priceIntervention({
          durationMinutes: c.billableMinutes,
          afterHoursMinutes: 0,
          billable: true,
          roundingMinutes: 1,
          minimumBillableMinutes: 0,
          hourlyRateCents: c.hourlyRateCents,
          urgencySurchargePercent: 0,
          afterHoursSurchargePercent: 0,
        }).baseAmountCents,
    );
    expect(stored).toEqual([840, 840, 840]);
    expect(line).toMatchObject({ quantity: 0.36, amountCents: 2520 });
  });

  it('keeps apart two rates of the same activity', () => {
    const lines = buildDraftLines(
      draftInput({
        interventions: [
          intervention({ id: 'old', startedAt: may(2) }),
          intervention({ id: 'new', startedAt: may(3), hourlyRateCents: 9000 }),
        ],
      }),
    );
    expect(lines.map((l) => [l.unitPriceCents, l.interventionIds])).toEqual([
      [8000, ['old']],
      [9000, ['new']],
    ]);
  });
});

describe('surcharge and over-quota lines', () => {
  const surcharged = [
    intervention({
      id: 'a',
      startedAt: may(2),
      urgency: 'high',
      urgencySurchargePercent: 50,
      urgencySurchargeCents: 1000,
      afterHoursSurchargePercent: 50,
      afterHoursSurchargeCents: 700,
      afterHoursBillableMinutes: 30,
    }),
    intervention({
      id: 'b',
      startedAt: may(3),
      urgency: 'high',
      urgencySurchargePercent: 50,
      urgencySurchargeCents: 500,
    }),
    intervention({
      id: 'c',
      startedAt: may(4),
      urgency: 'critical',
      urgencySurchargePercent: 100,
      urgencySurchargeCents: 3000,
      afterHoursSurchargePercent: 50,
      afterHoursSurchargeCents: 300,
      afterHoursBillableMinutes: 20,
    }),
    intervention({
      id: 'd',
      startedAt: may(5),
      urgency: 'high',
      urgencySurchargePercent: 25,
      urgencySurchargeCents: 200,
    }),
    intervention({
      id: 'e',
      startedAt: may(6),
      afterHoursSurchargePercent: 100,
      afterHoursSurchargeCents: 400,
      afterHoursBillableMinutes: 15,
    }),
  ];

  it('sums urgency surcharges per level and percent, then after-hours per percent', () => {
    const lines = buildDraftLines(draftInput({ interventions: surcharged })).filter(
      (l) => l.kind !== 'time',
    );
    expect(
      lines.map((l) => [
        l.kind,
        l.description,
        l.quantity,
        l.unitPriceCents,
        l.amountCents,
        l.interventionIds,
      ]),
    ).toEqual([
      ['urgency_surcharge', 'Urgency surcharge, high (+25 %)', 1, 200, 200, ['d']],
      ['urgency_surcharge', 'Urgency surcharge, high (+50 %)', 1, 1500, 1500, ['a', 'b']],
      ['urgency_surcharge', 'Urgency surcharge, critical (+100 %)', 1, 3000, 3000, ['c']],
      [
        'after_hours_surcharge',
        'After-hours surcharge (+50 %, 0.83 h after hours)',
        1,
        1000,
        1000,
        ['a', 'c'],
      ],
      [
        'after_hours_surcharge',
        'After-hours surcharge (+100 %, 0.25 h after hours)',
        1,
        400,
        400,
        ['e'],
      ],
    ]);
  });

  it('bills one over-quota line per level, quantity = events, and skips free events', () => {
    const lines = buildDraftLines(
      draftInput({
        overageEvents: [
          { urgency: 'critical', feeCents: 5000, title: 'ERP down', requestId: 'r1' },
          { urgency: 'high', feeCents: 3000, title: 'VPN slow' },
          { urgency: 'critical', feeCents: 5000, title: 'Backup failed' },
          { urgency: 'normal', feeCents: 0, title: 'Printer' },
        ],
      }),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        kind: 'over_quota_fee',
        description: 'Over-quota fee, high urgency: VPN slow',
        quantity: 1,
        unit: 'event',
        unitPriceCents: 3000,
        amountCents: 3000,
      }),
      expect.objectContaining({
        kind: 'over_quota_fee',
        description: 'Over-quota fee, critical urgency: ERP down; Backup failed',
        quantity: 2,
        unit: 'event',
        unitPriceCents: 5000,
        amountCents: 10_000,
      }),
    ]);
  });

  it('takes the practice’s own wording over the default one', () => {
    const lines = buildDraftLines(
      draftInput({
        interventions: [surcharged[1]],
        labels: { urgencySurcharge: 'Express ({percent}%)' },
      }),
    );
    expect(lines[1].description).toBe('Express (50%)');
  });
});

it.each([
  [{ start: '2026-05-01', end: '2026-05-31' }, ['2026-05']],
  [{ start: '2025-11-15', end: '2026-02-10' }, ['2025-11', '2025-12', '2026-01', '2026-02']],
])('the period %o covers the months %o', (period, months) => {
  expect(monthsOfPeriod(period)).toEqual(months);
});

it.each([
  [
    'a period inside the contract',
    { start: '2026-03-01', end: '2026-04-30' },
    null,
    ['2026-03', '2026-04'],
  ],
  ['a period before the start', { start: '2026-01-01', end: '2026-03-31' }, null, ['2026-03']],
  ['a period after the end', { start: '2026-05-01', end: '2026-07-31' }, '2026-05-15', ['2026-05']],
  ['a period outside the contract', { start: '2026-01-01', end: '2026-02-28' }, null, []],
])('%s bills the fee of the contract’s months only', (_, period, endDate, months) => {
  expect(contractMonthsOfPeriod(period, { startDate: '2026-03-10', endDate })).toEqual(months);
});

it('bills 100 minutes at 90.00 € as 1.67 h × 90.00 € = 150.30 €, the line multiplying out', () => {
  const [line] = buildDraftLines(
    draftInput({
      interventions: [intervention({ id: 'a', billableMinutes: 100, hourlyRateCents: 9000 })],
    }),
  );
  expect(line).toMatchObject({ quantity: 1.67, unitPriceCents: 9000, amountCents: 15_030 });
});
