/** Retainer drafts: the fee, and the work beyond what the allowance ledger covers. */
import fc from 'fast-check';
import { buildDraft, buildDraftLines } from './draft';
import type { DraftInput } from './draft-input';
import { hoursFromMinutes } from './rounding';
import { allowanceLedger, type AllowanceTerms, type MonthUse } from '../../allowance/ledger';
import { draftInput, intervention, may } from '../../../test/fixtures/draft-inputs';

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
