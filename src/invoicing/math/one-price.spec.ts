import fc from 'fast-check';
import { priceIntervention } from '../../interventions/pricing';
import { buildDraftLines } from './draft';
import type { DraftInput, DraftIntervention } from './draft-input';

/**
 * One price: whatever the minutes and the rate, a time-and-materials line is the sum of the
 * amounts its interventions store (priced on save), and its quantity the sum of the hours
 * printed under it.
 */
describe('one price for the same minutes', () => {
  it('makes every time line the sum of its interventions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.array(fc.integer({ min: 1, max: 24 * 60 }), { minLength: 1, maxLength: 30 }),
        (rate, durations) => {
          const work: DraftIntervention[] = durations.map((minutes, k) => {
            const price = priceIntervention({
              durationMinutes: minutes,
              afterHoursMinutes: 0,
              billable: true,
              roundingMinutes: 1,
              minimumBillableMinutes: 0,
              hourlyRateCents: rate,
              urgencySurchargePercent: 0,
              afterHoursSurchargePercent: 0,
            });
            return {
              id: `w${k}`,
              startedAt: new Date(Date.UTC(2026, 10, 2 + (k % 27), 9)),
              activityId: 'a',
              activityName: 'Support',
              urgency: 'normal',
              billableMinutes: price.billableMinutes,
              hourlyRateCents: rate,
              baseAmountCents: price.baseAmountCents,
              urgencySurchargeCents: 0,
              afterHoursSurchargeCents: 0,
              afterHoursBillableMinutes: 0,
              urgencySurchargePercent: 0,
              afterHoursSurchargePercent: 0,
              description: 'Work',
            };
          });
          const input: DraftInput = {
            mode: 'time_and_materials',
            period: { start: '2026-11-01', end: '2026-11-30' },
            months: [],
            hourlyRateCents: rate,
            vatRateBp: 2000,
            interventions: work,
            overageEvents: [],
          };
          const [line] = buildDraftLines(input);
          const stored = work.reduce((sum, w) => sum + w.baseAmountCents, 0);
          expect(line.amountCents).toBe(stored);
          expect(line.interventionIds).toHaveLength(work.length);
        },
      ),
    );
  });
});
