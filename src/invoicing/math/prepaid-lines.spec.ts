import fc from 'fast-check';
import { hundredthsOfHour } from './lines';
import { prepaidBlockLeft } from './prepaid-lines';

describe('prepaidBlockLeft', () => {
  it.each([
    ['nothing billed yet', 600, [], 600],
    ['March billed 8 h of a 10 h block', 600, [800], 120],
    ['two invoices, 1.67 h (100 min) and 0.17 h (10 min)', 600, [167, 17], 490],
    ['more billed than the block (never below 0)', 600, [800, 800], 0],
  ])('%s', (_, block, consumed, left) => {
    expect(prepaidBlockLeft(block, consumed)).toBe(left);
  });

  it('gives back the exact minutes a prepaid line consumed, whatever they were', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 8 }), (minutes) => {
        const block = 1_000_000;
        const used = minutes.reduce((sum, m) => sum + m, 0);
        expect(prepaidBlockLeft(block, minutes.map(hundredthsOfHour))).toBe(block - used);
      }),
    );
  });
});
