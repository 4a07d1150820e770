/** What holds for every draft, whatever its contract and work (fast-check). */
import fc from 'fast-check';
import { URGENCY_LEVELS } from '../../common/domain';
import { buildDraftLines } from './draft';
import type { DraftInput } from './draft-input';
import { creditNoteLines } from './credit-notes';
import { roundHalfUpDiv } from './rounding';
import { computeTotals } from './totals';
import { draftInput, intervention } from '../../../test/fixtures/draft-inputs';

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
