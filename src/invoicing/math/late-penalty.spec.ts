import { daysLate, lateAmounts, latePenaltyCents, RECOVERY_INDEMNITY_CENTS } from './late-penalty';

describe('days late', () => {
  it.each([
    ['2026-03-31', '2026-03-31', 0],
    ['2026-03-31', '2026-03-30', 0],
    ['2026-03-31', '2026-04-01', 1],
    ['2026-03-31', '2026-04-15', 15],
    // Across the spring change of hour and a leap day: calendar days, not 24-hour spans.
    ['2026-03-28', '2026-03-30', 2],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-30', 30],
  ])('due %s, on %s: %d days late', (due, asOf, days) => {
    expect(daysLate(due, asOf)).toBe(days);
  });
});

describe('late-payment penalties: balance × rate × days / 365, whole cents, half-up', () => {
  it.each([
    // balance, rate %, days, penalty cents
    [120000, 12.15, 15, 599], // 1 200 € × 12.15 % × 15 / 365 = 5.9918… € → 5.99 €
    [120000, 12.15, 1, 40], // 0.39945… € → 0.40 €
    [120000, 12.15, 30, 1198], // 11.9835… € → 11.98 €
    [100000, 9.48, 365, 9480], // a whole year: the rate itself
    [73000, 10, 1, 20], // 7.30 € × 10 / 365 × 100 = exactly 20 cents
    [36500, 10, 1, 10], // exactly 10 cents
    [18250, 10, 1, 5], // exactly 5 cents
    [1825, 10, 1, 1], // 0.5 cent → 1 (half-up)
    [1824, 10, 1, 0], // 0.4997… cent → 0
    [0, 12.15, 30, 0], // nothing owed
    [-5000, 12.15, 30, 0], // owed back: no penalty
    [120000, 12.15, 0, 0], // not late yet
    [120000, 0, 30, 0],
  ])('%d cents at %d %% for %d days: %d cents', (balance, rate, days, penalty) => {
    expect(latePenaltyCents(balance, rate, days)).toBe(penalty);
  });

  it('stays exact beyond 2^53 in the product', () => {
    // 90 000 000 000 cents × 1215 × 36 500 days passes 2^53; 100 years at 12.15 %: 1215 % of it.
    expect(latePenaltyCents(90_000_000_000, 12.15, 36_500)).toBe(1_093_500_000_000);
  });

  it('refuses fractions of a cent or of a day', () => {
    expect(() => latePenaltyCents(10.5, 12, 3)).toThrow(RangeError);
    expect(() => latePenaltyCents(1000, 12, 1.5)).toThrow(RangeError);
  });
});

describe('what a reminder states', () => {
  it.each([
    // business, due, asOf, balance, penalty, indemnity, total
    [true, '2026-03-31', '2026-04-15', 120000, 599, RECOVERY_INDEMNITY_CENTS, 124599],
    [false, '2026-03-31', '2026-04-15', 120000, 599, 0, 120599],
    [true, '2026-03-31', '2026-03-31', 120000, 0, 0, 120000],
    [true, '2026-03-31', '2026-04-15', 0, 0, 0, 0],
  ])(
    'business %s, due %s, on %s, %d owed: %d penalties, %d indemnity, %d in all',
    (business, dueDate, asOf, balance, penalty, indemnity, total) => {
      const amounts = lateAmounts({
        balanceCents: balance,
        ratePercent: 12.15,
        dueDate,
        asOf,
        business,
      });
      expect(amounts).toMatchObject({
        penaltyCents: penalty,
        indemnityCents: indemnity,
        totalCents: total,
      });
    },
  );
});
