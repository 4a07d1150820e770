import fc from 'fast-check';
import type { BillingTerms } from '../contracts/contract.entity';
import {
  consumptionIn,
  contractConsumptionIn,
  monthsBetween,
  type MonthMinutes,
} from './usage-figures';

const retainer = (rolloverMonths: number): BillingTerms => ({
  mode: 'retainer',
  monthlyFeeCents: 60000,
  includedMinutesPerMonth: 600,
  hourlyRateCents: 9000,
  roundingMinutes: 15,
  minimumBillableMinutes: 15,
  rolloverMonths,
});

const history = (...minutes: number[]): MonthMinutes[] =>
  minutes.map((billableMinutes, k) => ({ month: `2026-0${k + 1}`, billableMinutes }));

describe('monthsBetween', () => {
  it.each([
    { first: '2026-11', last: '2027-02', months: ['2026-11', '2026-12', '2027-01', '2027-02'] },
    { first: '2026-05', last: '2026-05', months: ['2026-05'] },
    { first: '2026-05', last: '2026-04', months: [] },
  ])('$first to $last', ({ first, last, months }) => {
    expect(monthsBetween(first, last)).toEqual(months);
  });
});

describe('consumptionIn: retainer', () => {
  it.each([
    {
      case: 'no roll-over: March stands alone',
      rollover: 0,
      minutes: [100, 200, 450],
      expected: { usedMinutes: 450, rolloverMinutes: 0, remainingMinutes: 150, overageMinutes: 0 },
    },
    {
      // February's 200 minutes came out of January's leftovers first, so all 600 of February roll.
      case: '1 month of roll-over: February, untouched, joins March',
      rollover: 1,
      minutes: [100, 200, 450],
      expected: {
        usedMinutes: 450,
        rolloverMinutes: 600,
        remainingMinutes: 750,
        overageMinutes: 0,
      },
    },
    {
      case: '2 months: what January left after February (300) and February (600)',
      rollover: 2,
      minutes: [100, 200, 450],
      expected: {
        usedMinutes: 450,
        rolloverMinutes: 900,
        remainingMinutes: 1050,
        overageMinutes: 0,
      },
    },
    {
      case: 'over the included minutes with nothing rolled over',
      rollover: 0,
      minutes: [600, 600, 700],
      expected: { usedMinutes: 700, rolloverMinutes: 0, remainingMinutes: 0, overageMinutes: 100 },
    },
    {
      case: 'roll-over absorbs what would have been overage',
      rollover: 3,
      minutes: [500, 600, 700],
      expected: { usedMinutes: 700, rolloverMinutes: 100, remainingMinutes: 0, overageMinutes: 0 },
    },
  ])('$case', ({ rollover, minutes, expected }) => {
    expect(consumptionIn(retainer(rollover), '2026-03', history(...minutes))).toEqual({
      includedMinutes: 600,
      ...expected,
    });
  });

  it('counts months without work as unused (they roll over)', () => {
    const figures = consumptionIn(retainer(1), '2026-03', [
      { month: '2026-01', billableMinutes: 0 },
    ]);
    expect(figures).toMatchObject({ usedMinutes: 0, rolloverMinutes: 600, remainingMinutes: 1200 });
  });

  it('never leaves negative minutes, and what is used is remaining-or-overage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 0, max: 12 }),
        (minutes, rolloverMonths) => {
          const last = `2026-0${minutes.length}`;
          const f = consumptionIn(retainer(rolloverMonths), last, history(...minutes));
          expect(f.remainingMinutes).toBeGreaterThanOrEqual(0);
          expect(
            f.includedMinutes + f.rolloverMinutes - f.remainingMinutes + f.overageMinutes,
          ).toBe(f.usedMinutes);
        },
      ),
    );
  });
});

describe('consumptionIn: prepaid and time and materials', () => {
  const prepaid: BillingTerms = { ...retainer(0), mode: 'prepaid', prepaidMinutes: 1200 };

  it.each([
    { month: '2026-01', remaining: 900, used: 300, overage: 0 },
    { month: '2026-02', remaining: 200, used: 700, overage: 0 },
    { month: '2026-03', remaining: 0, used: 500, overage: 300 },
  ])('a 1200-minute block after $month: $remaining left', ({ month, remaining, used, overage }) => {
    expect(consumptionIn(prepaid, month, history(300, 700, 500))).toEqual({
      includedMinutes: 1200,
      usedMinutes: used,
      remainingMinutes: remaining,
      prepaidRemainingMinutes: remaining,
      rolloverMinutes: 0,
      overageMinutes: overage,
    });
  });

  it('has nothing included under time and materials', () => {
    const tm: BillingTerms = { ...retainer(0), mode: 'time_and_materials' };
    expect(consumptionIn(tm, '2026-02', history(300, 700))).toEqual({
      includedMinutes: 0,
      usedMinutes: 700,
      remainingMinutes: 0,
      rolloverMinutes: 0,
      overageMinutes: 0,
    });
  });
});

describe('contractConsumptionIn: months outside the contract', () => {
  const period = { startDate: '2026-02-15', endDate: '2026-04-10' };
  const prepaid: BillingTerms = { ...retainer(0), mode: 'prepaid', prepaidMinutes: 1200 };
  const hourly: BillingTerms = { ...retainer(0), mode: 'time_and_materials' };

  it.each([
    ['a retainer, the month before it starts', retainer(0), '2026-01', 0],
    ['a retainer, its first (partial) month', retainer(0), '2026-02', 600],
    ['a retainer, its last (partial) month', retainer(0), '2026-04', 600],
    ['a retainer, the month after it ends', retainer(0), '2026-05', 0],
    ['a prepaid block, before it starts', prepaid, '2026-01', 0],
    ['a prepaid block, while it runs', prepaid, '2026-03', 1200],
    ['a prepaid block, after it ends', prepaid, '2026-06', 0],
  ] as const)('%s', (_, billing, month, included) => {
    const figures = contractConsumptionIn(period, billing, month, []);
    expect(figures.includedMinutes).toBe(included);
    if (included === 0) expect(figures.remainingMinutes).toBe(0);
  });

  it('counts work logged after the end as beyond the contract, not against included minutes', () => {
    const late = [{ month: '2026-05', billableMinutes: 90 }];
    expect(contractConsumptionIn(period, retainer(3), '2026-05', late)).toEqual({
      includedMinutes: 0,
      usedMinutes: 90,
      remainingMinutes: 0,
      rolloverMinutes: 0,
      overageMinutes: 90,
    });
    expect(contractConsumptionIn(period, hourly, '2026-05', late).overageMinutes).toBe(0);
  });

  it('agrees with consumptionIn in every month the contract runs', () => {
    const months = fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(months, fc.array(fc.nat(2000), { minLength: 12, maxLength: 12 }), (month, m) => {
        const past = m.map((billableMinutes, k) => ({
          month: `2026-${String(k + 1).padStart(2, '0')}`,
          billableMinutes,
        }));
        const running = month >= '2026-02' && month <= '2026-04';
        const figures = contractConsumptionIn(period, retainer(1), month, past);
        // Before its first day a contract includes nothing, so nothing rolls over from then.
        const since = past.filter((p) => p.month >= '2026-02');
        if (running) expect(figures).toEqual(consumptionIn(retainer(1), month, since));
        else expect(figures.includedMinutes).toBe(0);
      }),
    );
  });
});
