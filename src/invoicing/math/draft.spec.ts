import { priceIntervention } from '../../interventions/pricing';
import fc from 'fast-check';
import { URGENCY_LEVELS } from '../../common/domain';
import { buildDraft, buildDraftLines, contractMonthsOfPeriod, monthsOfPeriod } from './draft';
import type { DraftInput, DraftIntervention } from './draft-input';
import { creditNoteLines } from './credit-notes';
import { hoursFromMinutes, roundHalfUpDiv } from './rounding';
import { allowanceLedger, type AllowanceTerms, type MonthUse } from '../../allowance/ledger';
import { computeTotals } from './totals';

/** An hour of normal-urgency support at 80 €/h in May 2026, unless told otherwise. */
function intervention(overrides: Partial<DraftIntervention> & { id: string }): DraftIntervention {
  return {
    startedAt: new Date('2026-05-04T08:00:00Z'),
    activityId: 'support',
    activityName: 'Support',
    urgency: 'normal',
    billableMinutes: 60,
    hourlyRateCents: 8000,
    baseAmountCents: 8000,
    urgencySurchargeCents: 0,
    afterHoursSurchargeCents: 0,
    afterHoursBillableMinutes: 0,
    urgencySurchargePercent: 0,
    afterHoursSurchargePercent: 0,
    description: 'Mail server down',
    ...overrides,
  };
}

/** A time-and-materials draft for May 2026 at 80 €/h and 20 % VAT, unless told otherwise. */
function draftInput(overrides: Partial<DraftInput>): DraftInput {
  return {
    mode: 'time_and_materials',
    period: { start: '2026-05-01', end: '2026-05-31' },
    months: ['2026-05'],
    hourlyRateCents: 8000,
    vatRateBp: 2000,
    interventions: [],
    overageEvents: [],
    ...overrides,
  };
}

const may = (day: number, hour = 8): Date =>
  new Date(`2026-05-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);

const retainer = (overrides: Partial<DraftInput>): DraftInput =>
  draftInput({
    mode: 'retainer',
    monthlyFeeCents: 150_000,
    overageRateCents: 9000,
    ...overrides,
  });

/**
 * The allowance ledger's months as the service loads them for a draft: 10 h included a month
 * from the first month of `use`, roll-over kept `rolloverMonths` months.
 */
function ledgerOf(use: MonthUse[], through: string, rolloverMonths = 3, included = 600) {
  const terms: AllowanceTerms = {
    mode: 'retainer',
    includedMinutesPerMonth: included,
    rolloverMonths,
    startDate: `${use[0]?.month ?? through}-01`,
    endDate: null,
  };
  return allowanceLedger(terms, use, through);
}

describe('retainer drafts', () => {
  const thirteenHours = [
    intervention({ id: 'a', startedAt: may(4), billableMinutes: 300 }),
    intervention({ id: 'b', startedAt: may(12), billableMinutes: 360 }),
    intervention({ id: 'c', startedAt: may(20), billableMinutes: 120 }),
  ];
  const mayAlone = ledgerOf([{ month: '2026-05', minutes: 780 }], '2026-05');

  it('bills the fee and only the hour beyond 10 h included + 2 h rolled over', () => {
    // April, billed, used 8 h of its 10: 2 h carried into May.
    const allowance = ledgerOf(
      [
        { month: '2026-04', minutes: 480, billedMinutes: 480 },
        { month: '2026-05', minutes: 780 },
      ],
      '2026-05',
    );
    const draft = buildDraft(retainer({ allowance, interventions: thirteenHours }));
    expect(draft.lines).toEqual([
      {
        kind: 'retainer_fee',
        description: 'Monthly retainer, May 2026 (10 h included + 2 h carried over, 13 h used)',
        quantity: 1,
        unit: 'month',
        unitPriceCents: 150_000,
        vatRateBp: 2000,
        amountCents: 150_000,
        interventionIds: ['a', 'b', 'c'],
      },
      {
        kind: 'retainer_overage',
        description: 'Hours beyond the retainer, May 2026',
        quantity: 1,
        unit: 'hour',
        unitPriceCents: 9000,
        vatRateBp: 2000,
        amountCents: 9000,
        interventionIds: ['c'],
      },
    ]);
  });

  it('lists the spilling interventions in consumption order, whatever the input order', () => {
    const shuffled = [thirteenHours[2], thirteenHours[0], thirteenHours[1]];
    const lines = buildDraftLines(retainer({ allowance: mayAlone, interventions: shuffled }));
    // 600 included: a (0–300) and b (300–660) cross the line, c is entirely beyond it.
    expect(lines[1]).toMatchObject({ kind: 'retainer_overage', quantity: 3, amountCents: 27_000 });
    expect(lines[1].interventionIds).toEqual(['b', 'c']);
  });

  it('covers the work not billed yet with what the month’s billed work left', () => {
    // 9 h of May are on another invoice: 1 h of the 10 included is left for the 2 h drafted.
    const allowance = ledgerOf([{ month: '2026-05', minutes: 660, billedMinutes: 540 }], '2026-05');
    const lines = buildDraftLines(
      retainer({ allowance, interventions: [intervention({ id: 'a', billableMinutes: 120 })] }),
    );
    expect(lines.map((l) => [l.kind, l.quantity, l.interventionIds])).toEqual([
      ['retainer_fee', 1, ['a']],
      ['retainer_overage', 1, ['a']],
    ]);
  });

  it('covers nothing in a month the ledger does not give', () => {
    const lines = buildDraftLines(
      retainer({ allowance: [], interventions: [intervention({ id: 'a', billableMinutes: 90 })] }),
    );
    expect(lines.map((l) => [l.kind, l.quantity])).toEqual([
      ['retainer_fee', 1],
      ['retainer_overage', 1.5],
    ]);
  });

  it('bills a fee line per month and consumes April leftovers in May', () => {
    const draft = buildDraft(
      retainer({
        period: { start: '2026-04-01', end: '2026-05-31' },
        months: ['2026-04', '2026-05'],
        allowance: ledgerOf(
          [
            { month: '2026-04', minutes: 480 },
            { month: '2026-05', minutes: 660 },
          ],
          '2026-05',
          1,
        ),
        interventions: [
          intervention({
            id: 'apr',
            startedAt: new Date('2026-04-10T08:00:00Z'),
            billableMinutes: 480,
          }),
          // 00:30 on 1 May in Paris: a May intervention.
          intervention({
            id: 'may',
            startedAt: new Date('2026-04-30T22:30:00Z'),
            billableMinutes: 660,
          }),
        ],
      }),
    );
    expect(draft.lines.map((l) => [l.kind, l.amountCents, l.interventionIds])).toEqual([
      ['retainer_fee', 150_000, ['apr']],
      ['retainer_fee', 150_000, ['may']],
    ]);
    expect(draft.lines[1].description).toContain('2 h carried over');
  });

  it('bills over several months the overage the ledger counts in each, nothing more', () => {
    const work = fc.record({
      month: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: 1, max: 28 }),
      minutes: fc.integer({ min: 0, max: 900 }),
    });
    fc.assert(
      fc.property(
        fc.array(work, { maxLength: 10 }),
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 3 }),
        (logged, included, rolloverMonths) => {
          const months = ['2026-04', '2026-05', '2026-06'];
          const interventions = logged.map((w, k) =>
            intervention({
              id: `w${k}`,
              startedAt: new Date(Date.UTC(2026, 3 + w.month, w.day, 8)),
              billableMinutes: w.minutes,
            }),
          );
          const use = months.map((month, k) => ({
            month,
            minutes: logged.filter((w) => w.month === k).reduce((s, w) => s + w.minutes, 0),
          }));
          const ledger = ledgerOf(use, '2026-06', rolloverMonths, included);
          const lines = buildDraftLines(
            retainer({
              period: { start: '2026-04-01', end: '2026-06-30' },
              months,
              allowance: ledger,
              interventions,
            }),
          );
          const overage = months.map(() => 0);
          let month = -1;
          for (const line of lines) {
            if (line.kind === 'retainer_fee') month += 1;
            if (line.kind === 'retainer_overage') overage[month] += line.quantity;
          }
          expect(month).toBe(2);
          expect(overage).toEqual(ledger.map((l) => hoursFromMinutes(l.overageMinutes)));
        },
      ),
    );
  });

  it('still bills surcharges on covered minutes: the retainer covers the base only', () => {
    const lines = buildDraftLines(
      retainer({
        allowance: mayAlone,
        interventions: [
          intervention({
            id: 'a',
            urgency: 'critical',
            urgencySurchargePercent: 100,
            urgencySurchargeCents: 8000,
          }),
        ],
      }),
    );
    expect(lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['retainer_fee', 150_000],
      ['urgency_surcharge', 8000],
    ]);
  });

  it('bills overage at the hourly rate when the contract names no overage rate', () => {
    const lines = buildDraftLines(
      retainer({
        allowance: mayAlone,
        overageRateCents: undefined,
        interventions: [intervention({ id: 'a', billableMinutes: 630 })],
      }),
    );
    expect(lines[1]).toMatchObject({
      kind: 'retainer_overage',
      quantity: 0.5,
      unitPriceCents: 8000,
      amountCents: 4000,
    });
  });
});

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

const anyIntervention = fc.record({
  id: fc.uuid(),
  startedAt: fc.date({
    min: new Date('2026-05-01T00:00:00Z'),
    max: new Date('2026-05-30T00:00:00Z'),
    noInvalidDate: true,
  }),
  activity: fc.constantFrom('support', 'training'),
  urgency: fc.constantFrom(...URGENCY_LEVELS),
  billableMinutes: fc.integer({ min: 0, max: 600 }),
  hourlyRateCents: fc.integer({ min: 0, max: 30_000 }),
  urgencySurchargeCents: fc.integer({ min: 0, max: 20_000 }),
  afterHoursSurchargeCents: fc.integer({ min: 0, max: 20_000 }),
  percent: fc.constantFrom(0, 25, 50, 100),
});

const anyDraftInput: fc.Arbitrary<DraftInput> = fc
  .record({
    mode: fc.constantFrom('retainer' as const, 'prepaid' as const, 'time_and_materials' as const),
    monthlyFeeCents: fc.integer({ min: 0, max: 500_000 }),
    includedMinutesPerMonth: fc.integer({ min: 0, max: 3000 }),
    prepaidRemainingMinutes: fc.integer({ min: 0, max: 3000 }),
    rolloverMinutes: fc.integer({ min: 0, max: 600 }),
    billedMinutes: fc.integer({ min: 0, max: 3000 }),
    vatRateBp: fc.constantFrom(0, 550, 1000, 2000),
    interventions: fc.array(anyIntervention, { maxLength: 12 }),
    fees: fc.array(
      fc.record({
        urgency: fc.constantFrom(...URGENCY_LEVELS),
        feeCents: fc.integer({ min: 0, max: 10_000 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map((r) =>
    draftInput({
      mode: r.mode,
      monthlyFeeCents: r.monthlyFeeCents,
      prepaidRemainingMinutes: r.prepaidRemainingMinutes,
      allowance: [
        {
          month: '2026-05',
          includedMinutes: r.includedMinutesPerMonth,
          rolloverIn: [{ month: '2026-04', minutes: r.rolloverMinutes }],
          unbilledCoverMinutes: Math.max(
            0,
            r.includedMinutesPerMonth + r.rolloverMinutes - r.billedMinutes,
          ),
        },
      ],
      vatRateBp: r.vatRateBp,
      interventions: r.interventions.map((i) =>
        intervention({
          id: i.id,
          startedAt: i.startedAt,
          activityId: i.activity,
          activityName: i.activity,
          urgency: i.urgency,
          billableMinutes: i.billableMinutes,
          hourlyRateCents: i.hourlyRateCents,
          urgencySurchargeCents: i.urgencySurchargeCents,
          urgencySurchargePercent: i.percent,
          afterHoursSurchargeCents: i.afterHoursSurchargeCents,
          afterHoursSurchargePercent: i.percent,
        }),
      ),
      overageEvents: r.fees.map((f, k) => ({ ...f, title: `Request ${k}` })),
    }),
  );

describe('every draft', () => {
  it('has no negative line, and whole cents everywhere', () => {
    fc.assert(
      fc.property(anyDraftInput, (input) => {
        for (const line of buildDraftLines(input)) {
          expect(line.amountCents).toBeGreaterThanOrEqual(0);
          expect(line.unitPriceCents).toBeGreaterThanOrEqual(0);
          expect(line.quantity).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(line.amountCents)).toBe(true);
          expect(Math.round(line.quantity * 100) / 100).toBe(line.quantity);
        }
      }),
    );
  });

  it('has lines whose quantity × unit price is the amount, rounded half-up to the cent', () => {
    fc.assert(
      fc.property(anyDraftInput, (input) => {
        const lines = buildDraftLines(input);
        const credit = lines.some((l) => l.amountCents > 0) ? creditNoteLines(lines) : [];
        for (const line of [...lines, ...credit]) {
          const hundredths = Math.round(line.quantity * 100);
          const exact = (hundredths * line.unitPriceCents) / 100;
          // A product ending in exactly half a cent cannot come closer than 0.5 cent.
          expect(Math.abs(exact - line.amountCents)).toBeLessThanOrEqual(0.5);
          expect(line.amountCents).toBe(roundHalfUpDiv(hundredths * line.unitPriceCents, 100));
        }
      }),
    );
  });

  it('has a net total equal to the sum of its lines', () => {
    fc.assert(
      fc.property(anyDraftInput, (input) => {
        const lines = buildDraftLines(input);
        const sum = lines.reduce((s, l) => s + l.amountCents, 0);
        expect(computeTotals(lines, 'standard').netCents).toBe(sum);
      }),
    );
  });

  it('lists every intervention with billable minutes on a line of work', () => {
    const workKinds = ['retainer_fee', 'retainer_overage', 'prepaid', 'prepaid_overrun', 'time'];
    fc.assert(
      fc.property(anyDraftInput, (input) => {
        const listed = new Set(
          buildDraftLines(input)
            .filter((l) => workKinds.includes(l.kind))
            .flatMap((l) => l.interventionIds),
        );
        for (const i of input.interventions.filter((i) => i.billableMinutes > 0)) {
          expect(listed.has(i.id)).toBe(true);
        }
      }),
    );
  });
});
