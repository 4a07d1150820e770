import fc from 'fast-check';
import { creditNoteLines, validateCreditAmounts } from './credit-notes';
import type { DraftLine } from './lines';
import { computeTotals, type InvoiceVatRegime } from './totals';

const invoice: DraftLine[] = [
  {
    kind: 'retainer_fee',
    description: 'Monthly retainer, May 2026',
    quantity: 1,
    unit: 'month',
    unitPriceCents: 150_000,
    vatRateBp: 2000,
    amountCents: 150_000,
    interventionIds: ['a'],
  },
  {
    kind: 'time',
    description: 'Training, normal urgency',
    quantity: 1.33,
    unit: 'hour',
    unitPriceCents: 12_000,
    vatRateBp: 550,
    amountCents: 16_000,
    interventionIds: ['t'],
  },
  {
    kind: 'prepaid',
    description: 'Prepaid block: 2 h consumed, 8 h left',
    quantity: 2,
    unit: 'hour',
    unitPriceCents: 0,
    vatRateBp: 2000,
    amountCents: 0,
    interventionIds: ['p'],
  },
];

describe('creditNoteLines', () => {
  it('mirrors every line with negative amounts for a full credit note', () => {
    const lines = creditNoteLines(invoice);
    expect(lines.map((l) => [l.kind, l.quantity, l.unitPriceCents, l.amountCents])).toEqual([
      ['retainer_fee', 1, -150_000, -150_000],
      ['time', 1.33, -12_000, -16_000],
      ['prepaid', 2, 0, 0],
    ]);
    expect(computeTotals(lines, 'standard')).toEqual({
      netCents: -166_000,
      vatCents: -30_880,
      grossCents: -196_880,
      byRate: [
        { vatRateBp: 550, netCents: -16_000, vatCents: -880 },
        { vatRateBp: 2000, netCents: -150_000, vatCents: -30_000 },
      ],
    });
  });

  it('credits chosen amounts as single negative lines described like the original', () => {
    const lines = creditNoteLines(invoice, [{ lineIndex: 0, amountCents: 50_000 }]);
    expect(lines).toEqual([
      {
        kind: 'retainer_fee',
        description: 'Monthly retainer, May 2026',
        quantity: 1,
        unit: 'unit',
        unitPriceCents: -50_000,
        vatRateBp: 2000,
        amountCents: -50_000,
        interventionIds: ['a'],
      },
    ]);
  });

  it('credits only what is left after an earlier partial credit note', () => {
    const lines = creditNoteLines(invoice, null, [50_000]);
    expect(lines.map((l) => l.amountCents)).toEqual([-100_000, -16_000, 0]);
  });

  it('refuses to credit more than a line has left', () => {
    expect(() => creditNoteLines(invoice, [{ lineIndex: 1, amountCents: 16_001 }])).toThrow(
      'Line 1 has 160.00 EUR left to credit.',
    );
  });
});

describe('validateCreditAmounts', () => {
  it.each([
    ['a valid partial credit', [{ lineIndex: 1, amountCents: 16_000 }], [], []],
    [
      'more than the line',
      [{ lineIndex: 1, amountCents: 16_001 }],
      [],
      ['lines[0].amountCents:exceeds_remaining'],
    ],
    [
      'more than what is left',
      [{ lineIndex: 0, amountCents: 100_001 }],
      [50_000],
      ['lines[0].amountCents:exceeds_remaining'],
    ],
    [
      'a line that does not exist',
      [{ lineIndex: 3, amountCents: 100 }],
      [],
      ['lines[0].lineIndex:unknown_line'],
    ],
    ['a zero amount', [{ lineIndex: 0, amountCents: 0 }], [], ['lines[0].amountCents:amount']],
    [
      'a fraction of a cent',
      [{ lineIndex: 0, amountCents: 10.5 }],
      [],
      ['lines[0].amountCents:amount'],
    ],
    [
      'the same line twice',
      [
        { lineIndex: 0, amountCents: 10 },
        { lineIndex: 0, amountCents: 10 },
      ],
      [],
      ['lines[1].lineIndex:duplicate_line'],
    ],
    ['an empty partial list', [], [], ['lines:required']],
    [
      'a full credit of a fully credited invoice',
      null,
      [150_000, 16_000],
      ['lines:nothing_to_credit'],
    ],
    ['a full credit of a fresh invoice', null, [], []],
  ])('%s', (_, partial, alreadyCredited, expected) => {
    const problems = validateCreditAmounts(invoice, partial, alreadyCredited);
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(expected);
  });
});

const anyLine: fc.Arbitrary<DraftLine> = fc
  .record({
    minutes: fc.integer({ min: 0, max: 6000 }),
    unitPriceCents: fc.integer({ min: 0, max: 50_000 }),
    vatRateBp: fc.constantFrom(0, 550, 1000, 2000),
  })
  .map(({ minutes, unitPriceCents, vatRateBp }) => ({
    kind: 'time' as const,
    description: 'Support',
    quantity: Math.round((minutes * 100) / 60) / 100,
    unit: 'hour' as const,
    unitPriceCents,
    vatRateBp,
    amountCents: Math.round((minutes * unitPriceCents) / 60),
    interventionIds: ['x'],
  }));

it('a full credit note mirrors its invoice exactly: totals are the exact negation', () => {
  fc.assert(
    fc.property(
      fc
        .array(anyLine, { minLength: 1, maxLength: 12 })
        .filter((lines) => lines.some((l) => l.amountCents > 0)),
      fc.constantFrom<InvoiceVatRegime>('standard', 'franchise', 'reverse_charge'),
      (lines, regime) => {
        const credit = creditNoteLines(lines);
        expect(credit).toHaveLength(lines.length);
        credit.forEach((c, k) => {
          expect(c.amountCents).toBe(lines[k].amountCents === 0 ? 0 : -lines[k].amountCents);
          expect(c.quantity).toBe(lines[k].quantity);
        });
        const invoiceTotals = computeTotals(lines, regime);
        const creditTotals = computeTotals(credit, regime);
        const negated = (n: number) => (n === 0 ? 0 : -n);
        expect(creditTotals).toEqual({
          netCents: negated(invoiceTotals.netCents),
          vatCents: negated(invoiceTotals.vatCents),
          grossCents: negated(invoiceTotals.grossCents),
          byRate: invoiceTotals.byRate.map((r) => ({
            vatRateBp: r.vatRateBp,
            netCents: negated(r.netCents),
            vatCents: negated(r.vatCents),
          })),
        });
      },
    ),
  );
});
