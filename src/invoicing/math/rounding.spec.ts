import { amountForMinutes, hoursFromMinutes, roundHalfUpDiv } from './rounding';

it.each([
  [90, 1.5],
  [10, 0.17],
  [20, 0.33],
  [1, 0.02],
  [0, 0],
  [780, 13],
])('%i minutes show as %p h', (minutes, hours) => {
  expect(hoursFromMinutes(minutes)).toBe(hours);
});

it.each([
  // The hours to the hundredth × the rate: 7 min = 0.12 h, 1 min = 0.02 h.
  [7, 7000, 840],
  [1, 25, 1],
  [1, 24, 0],
  [100, 9000, 15_030],
  [45, 8000, 6000],
])('%i minutes at %i cents an hour cost %i cents', (minutes, rate, amount) => {
  expect(amountForMinutes(minutes, rate)).toBe(amount);
});

it('rounds credit-note halves away from zero, like invoice halves', () => {
  expect(roundHalfUpDiv(-5, 2)).toBe(-3);
  expect(roundHalfUpDiv(5, 2)).toBe(3);
});
