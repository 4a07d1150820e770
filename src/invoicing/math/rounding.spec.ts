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
  [7, 7000, 817],
  [1, 30, 1],
  [1, 29, 0],
  [45, 8000, 6000],
])('%i minutes at %i cents an hour cost %i cents', (minutes, rate, amount) => {
  expect(amountForMinutes(minutes, rate)).toBe(amount);
});

it('rounds credit-note halves away from zero, like invoice halves', () => {
  expect(roundHalfUpDiv(-5, 2)).toBe(-3);
  expect(roundHalfUpDiv(5, 2)).toBe(3);
});
