import fc from 'fast-check';
import {
  priceIntervention,
  resolveHourlyRate,
  roundHalfUpDiv,
  type InterventionPricingInput,
} from './pricing';

const remoteSupport: InterventionPricingInput = {
  durationMinutes: 50,
  afterHoursMinutes: 0,
  billable: true,
  roundingMinutes: 15,
  minimumBillableMinutes: 30,
  hourlyRateCents: 9000,
  urgencySurchargePercent: 0,
  afterHoursSurchargePercent: 0,
};

describe('roundHalfUpDiv', () => {
  it.each([
    [10, 2, 5],
    [5, 2, 3],
    [7, 3, 2],
    [8, 3, 3],
    [1, 2, 1],
    [1, 3, 0],
    [0, 60, 0],
    [-5, 2, -3],
    [-7, 3, -2],
    [-1, 2, -1],
    [-1, 3, 0],
    [5, -2, -3],
    [30030, 60, 501],
    [29, 60, 0],
    [30, 60, 1],
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(roundHalfUpDiv(numerator, denominator)).toBe(expected);
  });

  it('never answers negative zero', () => {
    expect(Object.is(roundHalfUpDiv(-1, 3), 0)).toBe(true);
  });

  it.each([
    [1, 0],
    [1.5, 2],
    [3, 1.5],
  ])('refuses %p / %p', (numerator, denominator) => {
    expect(() => roundHalfUpDiv(numerator, denominator)).toThrow(RangeError);
  });
});

describe('resolveHourlyRate', () => {
  const rates = [
    { activityId: 'training', hourlyRateCents: 12000 },
    { activityId: 'consulting', hourlyRateCents: 11000 },
  ];
  it.each([
    {
      case: 'an activity with its own rate',
      activityRates: rates,
      activityId: 'training',
      rate: 12000,
    },
    { case: 'an activity without one', activityRates: rates, activityId: 'support', rate: 9000 },
    {
      case: 'a contract with no activity rates',
      activityRates: undefined,
      activityId: 'training',
      rate: 9000,
    },
    {
      case: 'a contract with null activity rates',
      activityRates: null,
      activityId: 'training',
      rate: 9000,
    },
    { case: 'an empty list', activityRates: [], activityId: 'training', rate: 9000 },
  ])('$case → $rate', ({ activityRates, activityId, rate }) => {
    expect(resolveHourlyRate(9000, activityRates, activityId)).toBe(rate);
  });
});

describe('priceIntervention', () => {
  it.each([
    {
      case: '50-minute remote call at 90 €/h, 15-min increments, 30-min minimum',
      input: {},
      billableMinutes: 60,
      amountCents: 9000,
    },
    {
      case: '10 minutes rises to the 30-minute minimum',
      input: { durationMinutes: 10 },
      billableMinutes: 30,
      amountCents: 4500,
    },
    {
      case: 'exactly one increment stays as is',
      input: { durationMinutes: 45 },
      billableMinutes: 45,
      amountCents: 6750,
    },
    {
      case: 'one minute over an increment takes the next',
      input: { durationMinutes: 46 },
      billableMinutes: 60,
      amountCents: 9000,
    },
    {
      case: 'not billable',
      input: { billable: false, urgencySurchargePercent: 50 },
      billableMinutes: 0,
      amountCents: 0,
    },
    {
      case: 'minimum not on an increment (20 min = 0.33 h, as the invoice prints it)',
      input: { durationMinutes: 5, minimumBillableMinutes: 20 },
      billableMinutes: 20,
      amountCents: 2970,
    },
    {
      case: 'a zero-length billable intervention bills the minimum',
      input: { durationMinutes: 0 },
      billableMinutes: 30,
      amountCents: 4500,
    },
    {
      case: '7 minutes at 100.01 €/h by the minute (0.12 h: 1200.12 → 1200)',
      input: {
        durationMinutes: 7,
        roundingMinutes: 1,
        minimumBillableMinutes: 0,
        hourlyRateCents: 10001,
      },
      billableMinutes: 7,
      amountCents: 1200,
    },
    {
      case: 'an exact half cent rounds up (3 min at 100.10 €/h = 500.5)',
      input: {
        durationMinutes: 3,
        roundingMinutes: 1,
        minimumBillableMinutes: 0,
        hourlyRateCents: 10010,
      },
      billableMinutes: 3,
      amountCents: 501,
    },
    {
      case: 'below half a cent rounds down (1 min = 0.02 h at 0.24 €/h = 0.48)',
      input: {
        durationMinutes: 1,
        roundingMinutes: 1,
        minimumBillableMinutes: 0,
        hourlyRateCents: 24,
      },
      billableMinutes: 1,
      amountCents: 0,
    },
  ])('$case', ({ input, billableMinutes, amountCents }) => {
    const pricing = priceIntervention({ ...remoteSupport, ...input });
    expect(pricing.billableMinutes).toBe(billableMinutes);
    expect(pricing.amountCents).toBe(amountCents);
  });

  it('charges the after-hours surcharge on the after-hours part only (17:00–19:00)', () => {
    const pricing = priceIntervention({
      ...remoteSupport,
      durationMinutes: 120,
      afterHoursMinutes: 60,
      afterHoursSurchargePercent: 50,
    });
    expect(pricing).toEqual({
      billableMinutes: 120,
      baseAmountCents: 18000,
      urgencySurchargeCents: 0,
      afterHoursSurchargeCents: 4500,
      amountCents: 22500,
      surchargePercent: 0,
      afterHoursBillableMinutes: 60,
    });
  });

  it('adds the urgency surcharge as a percent of the base', () => {
    const pricing = priceIntervention({
      ...remoteSupport,
      durationMinutes: 120,
      urgencySurchargePercent: 25,
    });
    expect(pricing).toMatchObject({
      baseAmountCents: 18000,
      urgencySurchargeCents: 4500,
      amountCents: 22500,
      surchargePercent: 25,
    });
  });

  it('stacks both surcharges on an urgent evening call', () => {
    const pricing = priceIntervention({
      ...remoteSupport,
      durationMinutes: 120,
      afterHoursMinutes: 60,
      urgencySurchargePercent: 25,
      afterHoursSurchargePercent: 50,
    });
    expect(pricing.amountCents).toBe(18000 + 4500 + 4500);
  });

  it.each([
    {
      case: 'all after hours, rounded up: the surcharge covers the billed minutes',
      input: { durationMinutes: 50, afterHoursMinutes: 50, afterHoursSurchargePercent: 100 },
      afterHoursBillableMinutes: 60,
      afterHoursSurchargeCents: 9000,
    },
    {
      case: 'after-hours share of a minimum (10 of 20 min worked → 15 of 30 billed)',
      input: { durationMinutes: 20, afterHoursMinutes: 10, afterHoursSurchargePercent: 50 },
      afterHoursBillableMinutes: 15,
      afterHoursSurchargeCents: 1125,
    },
    {
      case: 'half-minute share rounds up (1 of 2 min worked, 15 min billed → 8)',
      input: {
        durationMinutes: 2,
        afterHoursMinutes: 1,
        minimumBillableMinutes: 0,
        afterHoursSurchargePercent: 50,
      },
      afterHoursBillableMinutes: 8,
      afterHoursSurchargeCents: 600,
    },
    {
      case: 'one division for the surcharge: 7 min at 100.01 €/h, 50 % → 583.39 → 583 (not 50 % of 1167 → 584)',
      input: {
        durationMinutes: 7,
        afterHoursMinutes: 7,
        roundingMinutes: 1,
        minimumBillableMinutes: 0,
        hourlyRateCents: 10001,
        afterHoursSurchargePercent: 50,
      },
      afterHoursBillableMinutes: 7,
      afterHoursSurchargeCents: 583,
    },
    {
      case: 'not billable: no after-hours minutes billed',
      input: {
        billable: false,
        durationMinutes: 60,
        afterHoursMinutes: 60,
        afterHoursSurchargePercent: 50,
      },
      afterHoursBillableMinutes: 0,
      afterHoursSurchargeCents: 0,
    },
  ])('$case', ({ input, afterHoursBillableMinutes, afterHoursSurchargeCents }) => {
    const pricing = priceIntervention({ ...remoteSupport, ...input });
    expect(pricing.afterHoursBillableMinutes).toBe(afterHoursBillableMinutes);
    expect(pricing.afterHoursSurchargeCents).toBe(afterHoursSurchargeCents);
  });

  it('refuses a billing increment below one minute', () => {
    expect(() => priceIntervention({ ...remoteSupport, roundingMinutes: 0 })).toThrow(RangeError);
  });

  it('keeps the total the sum of whole, non-negative parts on the billing grid', () => {
    const input = fc
      .record({
        durationMinutes: fc.integer({ min: 0, max: 24 * 60 }),
        afterHoursPercentOfDuration: fc.integer({ min: 0, max: 100 }),
        billable: fc.boolean(),
        roundingMinutes: fc.integer({ min: 1, max: 60 }),
        minimumBillableMinutes: fc.integer({ min: 0, max: 120 }),
        hourlyRateCents: fc.integer({ min: 0, max: 100_000 }),
        urgencySurchargePercent: fc.integer({ min: 0, max: 500 }),
        afterHoursSurchargePercent: fc.integer({ min: 0, max: 500 }),
      })
      .map(({ afterHoursPercentOfDuration, ...rest }) => ({
        ...rest,
        afterHoursMinutes: Math.floor((rest.durationMinutes * afterHoursPercentOfDuration) / 100),
      }));
    fc.assert(
      fc.property(input, (i) => {
        const p = priceIntervention(i);
        const parts = [p.baseAmountCents, p.urgencySurchargeCents, p.afterHoursSurchargeCents];
        expect(p.amountCents).toBe(parts[0] + parts[1] + parts[2]);
        for (const value of [
          ...parts,
          p.amountCents,
          p.billableMinutes,
          p.afterHoursBillableMinutes,
        ]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        expect(p.afterHoursBillableMinutes).toBeLessThanOrEqual(p.billableMinutes);
        if (!i.billable) {
          expect(p.billableMinutes).toBe(0);
        } else {
          const onGrid = p.billableMinutes % i.roundingMinutes === 0;
          expect(onGrid || p.billableMinutes === i.minimumBillableMinutes).toBe(true);
          expect(p.billableMinutes).toBeGreaterThanOrEqual(i.durationMinutes);
          expect(p.billableMinutes).toBeLessThan(
            Math.max(i.minimumBillableMinutes, i.durationMinutes) + i.roundingMinutes,
          );
        }
      }),
    );
  });
});
