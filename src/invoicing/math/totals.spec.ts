import fc from 'fast-check';
import type { DraftLine } from './lines';
import { computeTotals, type InvoiceVatRegime } from './totals';
import { EU_COUNTRY_CODES, vatMention, vatRegimeFor } from './vat-regime';

const line = (amountCents: number, vatRateBp: number): DraftLine => ({
  kind: 'manual',
  description: 'Audit',
  quantity: 1,
  unit: 'unit',
  unitPriceCents: amountCents,
  vatRateBp,
  amountCents,
  interventionIds: [],
});

// Per line, 20 % of 10.02 € is 2.004 € → 2.00 € twice (4.00 €); on the rate's net of 20.04 € it is 4.008 € → 4.01 €.
const twoRates = [line(1002, 2000), line(1002, 2000), line(5003, 550)];

describe('computeTotals', () => {
  it.each<[InvoiceVatRegime, object]>([
    [
      'standard',
      {
        netCents: 7007,
        vatCents: 676,
        grossCents: 7683,
        byRate: [
          { vatRateBp: 550, netCents: 5003, vatCents: 275 },
          { vatRateBp: 2000, netCents: 2004, vatCents: 401 },
        ],
      },
    ],
    [
      'franchise',
      {
        netCents: 7007,
        vatCents: 0,
        grossCents: 7007,
        byRate: [{ vatRateBp: 0, netCents: 7007, vatCents: 0 }],
      },
    ],
    [
      'reverse_charge',
      {
        netCents: 7007,
        vatCents: 0,
        grossCents: 7007,
        byRate: [{ vatRateBp: 0, netCents: 7007, vatCents: 0 }],
      },
    ],
  ])('under %s, two VAT rates give %j', (regime, expected) => {
    expect(computeTotals(twoRates, regime)).toEqual(expected);
  });

  it('gives zero totals for an empty invoice', () => {
    expect(computeTotals([], 'standard')).toEqual({
      netCents: 0,
      vatCents: 0,
      grossCents: 0,
      byRate: [],
    });
  });

  it('refuses an amount that is not whole cents', () => {
    expect(() => computeTotals([line(10.5, 2000)], 'standard')).toThrow(RangeError);
  });

  const anyLines = fc.array(
    fc.record({
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      rate: fc.constantFrom(0, 210, 550, 1000, 2000),
    }),
    { maxLength: 20 },
  );

  it('has a net equal to the sum of the lines, and gross = net + VAT', () => {
    fc.assert(
      fc.property(
        anyLines,
        fc.constantFrom<InvoiceVatRegime>('standard', 'franchise', 'reverse_charge'),
        (rows, regime) => {
          const totals = computeTotals(
            rows.map((r) => line(r.amount, r.rate)),
            regime,
          );
          expect(totals.netCents).toBe(rows.reduce((s, r) => s + r.amount, 0));
          expect(totals.grossCents).toBe(totals.netCents + totals.vatCents);
          expect(totals.byRate.reduce((s, r) => s + r.netCents, 0)).toBe(totals.netCents);
        },
      ),
    );
  });

  it('rounds VAT once per rate: half-up of the rate’s net × rate', () => {
    fc.assert(
      fc.property(anyLines, (rows) => {
        const totals = computeTotals(
          rows.map((r) => line(r.amount, r.rate)),
          'standard',
        );
        for (const rate of new Set(rows.map((r) => r.rate))) {
          const net = rows.filter((r) => r.rate === rate).reduce((s, r) => s + r.amount, 0);
          // Half-up on non-negative integers, written independently: floor((2·net·bp + 10000) / 20000).
          const vat = Number((2n * BigInt(net) * BigInt(rate) + 10_000n) / 20_000n);
          expect(totals.byRate.find((r) => r.vatRateBp === rate)).toEqual({
            vatRateBp: rate,
            netCents: net,
            vatCents: vat,
          });
        }
        expect(totals.vatCents).toBe(totals.byRate.reduce((s, r) => s + r.vatCents, 0));
      }),
    );
  });
});

describe('vatRegimeFor', () => {
  it.each([
    ['franchise', 'DE', 'DE123456789', 'franchise'],
    ['franchise', 'FR', null, 'franchise'],
    ['standard', 'FR', 'FR12345678901', 'standard'],
    ['standard', 'MC', 'FR12345678901', 'standard'],
    ['standard', 'DE', 'DE123456789', 'reverse_charge'],
    ['standard', 'be', 'BE0123456789', 'reverse_charge'],
    ['standard', 'GR', 'EL123456789', 'reverse_charge'],
    ['standard', 'DE', null, 'standard'],
    ['standard', 'DE', '  ', 'standard'],
    // Art. 259-1 CGI: a business outside the EU is billed outside the scope of French VAT.
    ['standard', 'CH', 'CHE-123.456.789', 'export'],
    ['standard', 'GB', 'GB123456789', 'export'],
    ['standard', 'US', '12-3456789', 'export'],
    ['standard', 'CH', null, 'standard'],
    ['franchise', 'CH', 'CHE-123.456.789', 'franchise'],
  ] as const)(
    'a %s practice billing a client in %s with VAT number %p uses %s',
    (practiceRegime, clientCountry, clientVatNumber, expected) => {
      expect(vatRegimeFor({ practiceRegime, clientCountry, clientVatNumber })).toBe(expected);
    },
  );

  it('knows the 27 member states', () => {
    expect(new Set(EU_COUNTRY_CODES.filter((c) => c !== 'EL')).size).toBe(27);
  });

  it.each([
    ['franchise', 'TVA non applicable, art. 293 B du CGI'],
    ['reverse_charge', 'Autoliquidation'],
    ['export', 'TVA non applicable – art. 259-1 du CGI'],
    ['standard', null],
  ] as const)('prints the %s mention %p', (regime, mention) => {
    expect(vatMention(regime)).toBe(mention);
  });
});
