import fc from 'fast-check';
import { hundredthsOfHour } from './lines';
import { prepaidLineMinutes } from './prepaid-lines';

describe('prepaidLineMinutes', () => {
  it.each([
    ['8 h', 800, 480],
    ['1.67 h, drawn from 100 minutes', 167, 100],
    ['0.17 h, drawn from 10 minutes', 17, 10],
    ['nothing', 0, 0],
  ])('%s', (_, hundredths, minutes) => {
    expect(prepaidLineMinutes(hundredths)).toBe(minutes);
  });

  it('gives back the exact minutes a prepaid line drew, whatever they were', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (minutes) => {
        expect(prepaidLineMinutes(hundredthsOfHour(minutes))).toBe(minutes);
      }),
    );
  });
});
