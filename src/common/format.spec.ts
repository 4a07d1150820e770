import fc from 'fast-check';
import {
  formatDate,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatQuantity,
  formatRate,
} from './format';

/** Shows the no-break spaces, so a table row says exactly what is printed. */
const visible = (s: string) => s.replace(/\u202f/g, '⍽').replace(/\u00a0/g, '°');

describe('money', () => {
  it.each([
    [0, 'fr', '0,00°€'],
    [5, 'fr', '0,05°€'],
    [123456, 'fr', '1⍽234,56°€'],
    [100000000, 'fr', '1⍽000⍽000,00°€'],
    [-123456, 'fr', '-1⍽234,56°€'],
    [99999, 'fr', '999,99°€'],
    [0, 'en', '€0.00'],
    [123456, 'en', '€1,234.56'],
    [100000000, 'en', '€1,000,000.00'],
    [-5, 'en', '-€0.05'],
  ] as const)('%d cents in %s reads %s', (cents, locale, expected) => {
    expect(visible(formatMoney(cents, locale))).toBe(expected);
  });

  it.each([1.5, NaN, Infinity, 2 ** 60])('refuses %d, which is not whole cents', (cents) => {
    expect(() => formatMoney(cents, 'fr')).toThrow(RangeError);
  });

  it('reads back the exact cents it was given, in both languages', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        const fr = formatMoney(cents, 'fr')
          .replace(/[\u202f\u00a0€]/g, '')
          .replace(',', '.');
        const en = formatMoney(cents, 'en').replace(/[€,]/g, '');
        expect(BigInt(fr.replace('.', ''))).toBe(BigInt(cents));
        expect(BigInt(en.replace('.', ''))).toBe(BigInt(cents));
      }),
    );
  });

  it('groups the whole euros by three digits exactly', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const euros = formatMoney(cents, 'fr').split(',')[0];
        expect(euros).toMatch(/^\d{1,3}(\u202f\d{3})*$/);
      }),
    );
  });
});

describe('quantities, decimals and percents', () => {
  it.each([
    [1.5, 'fr', '1,50'],
    [1.5, 'en', '1.50'],
    [0.25, 'fr', '0,25'],
    [1.005, 'fr', '1,01'],
    [1234.5, 'fr', '1⍽234,50'],
    [1234.5, 'en', '1,234.50'],
    [-2, 'fr', '-2,00'],
  ] as const)('quantity %d in %s reads %s', (quantity, locale, expected) => {
    expect(visible(formatQuantity(quantity, locale))).toBe(expected);
  });

  it.each([
    [2.5, 0, '3'],
    [-0.004, 2, '0,00'],
    [12.345, 1, '12,3'],
  ])('%d with %d decimals reads %s', (value, digits, expected) => {
    expect(formatDecimal(value, 'fr', digits)).toBe(expected);
  });

  it.each([
    [2000, 'fr', '20°%'],
    [550, 'fr', '5,5°%'],
    [210, 'fr', '2,1°%'],
    [1000, 'fr', '10°%'],
    [0, 'fr', '0°%'],
    [2000, 'en', '20%'],
    [550, 'en', '5.5%'],
    [85, 'en', '0.85%'],
  ] as const)('VAT rate %d bp in %s reads %s', (bp, locale, expected) => {
    expect(visible(formatRate(bp, locale))).toBe(expected);
  });

  it('prints a rate in French unless told otherwise', () => {
    expect(visible(formatRate(2000))).toBe('20°%');
  });

  it.each([
    [12.15, 'fr', '12,15°%'],
    [10, 'en', '10%'],
    [1000, 'en', '1,000%'],
  ] as const)('percent %d in %s reads %s', (percent, locale, expected) => {
    expect(visible(formatPercent(percent, locale))).toBe(expected);
  });

  it('prints any hundredth exactly as it would be typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (hundredths) => {
        const printed = formatDecimal(hundredths / 100, 'en', 2).replace(/,/g, '');
        expect(Math.round(Number(printed) * 100)).toBe(hundredths);
      }),
    );
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-29', 'fr', '29/11/2026'],
    ['2026-01-03', 'fr', '03/01/2026'],
    ['2026-11-29', 'en', '29 Nov 2026'],
    ['2026-01-03', 'en', '3 Jan 2026'],
    ['2028-02-29', 'en', '29 Feb 2028'],
  ] as const)('%s in %s reads %s', (day, locale, expected) => {
    expect(formatDate(day, locale)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '29/11/2026', '2026-11-29T10:00:00Z', ''])(
    'refuses %p, which is not a calendar day',
    (day) => {
      expect(() => formatDate(day, 'fr')).toThrow(RangeError);
    },
  );
});
