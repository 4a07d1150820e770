import fc from 'fast-check';
import {
  creditNoteLines,
  creditNoteTotals,
  validateCreditAmounts,
  type CreditRequest,
} from './credit-notes';
import type { DraftLine } from './lines';
import { invoiceStatus } from './payment-status';
import { computeTotals, type InvoiceTotals, type InvoiceVatRegime, type RateTotal } from './totals';

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

/** Issues the credit notes one after the other, as the service does; returns their totals. */
function creditInTurn(
  lines: DraftLine[],
  regime: InvoiceVatRegime,
  notes: (CreditRequest[] | null)[],
): InvoiceTotals[] {
  const invoice = computeTotals(lines, regime);
  const already = lines.map(() => 0);
  const earlier: RateTotal[] = [];
  return notes.map((partial) => {
    const credit = creditNoteLines(lines, partial, already);
    const totals = creditNoteTotals(credit, regime, invoice.byRate, earlier);
    (partial ?? lines.map((l, k) => ({ lineIndex: k, amountCents: l.amountCents - already[k] })))
      .filter((r) => r.amountCents > 0)
      .forEach((r) => (already[r.lineIndex] += r.amountCents));
    earlier.push(...totals.byRate);
    return totals;
  });
}

const cents = (
  line: Partial<DraftLine> & { amountCents: number; vatRateBp: number },
): DraftLine => ({
  kind: 'manual',
  description: 'Frais',
  quantity: 1,
  unit: 'unit',
  unitPriceCents: line.amountCents,
  interventionIds: [],
  ...line,
});

describe('creditNoteTotals', () => {
  it('cancels a 0.03 € + 0.01 € VAT invoice with three 1-cent credit notes', () => {
    const lines = [cents({ amountCents: 3, vatRateBp: 2000 })];
    const one = [{ lineIndex: 0, amountCents: 1 }];
    const notes = creditInTurn(lines, 'standard', [one, one, one]);
    // 0.2 and 0.4 cent of VAT round to 0; the last note takes the cent left.
    expect(notes.map((n) => [n.netCents, n.vatCents, n.grossCents])).toEqual([
      [-1, 0, -1],
      [-1, 0, -1],
      [-1, -1, -2],
    ]);
    const credited = notes.reduce((sum, n) => sum + n.grossCents, 0);
    expect(credited).toBe(-4);
    const status = invoiceStatus({
      kind: 'invoice',
      issued: true,
      dueDate: '2026-12-31',
      today: '2026-11-30',
      grossCents: 4,
      paidCents: 0,
      creditedCents: credited,
    });
    expect(status).toBe('cancelled');
  });

  it('rounds VAT on what is credited so far, rate by rate, and leaves the rest to the last note', () => {
    const lines = [
      cents({ amountCents: 1005, vatRateBp: 2000 }),
      cents({ amountCents: 333, vatRateBp: 550 }),
    ];
    const notes = creditInTurn(lines, 'standard', [
      [
        { lineIndex: 0, amountCents: 502 },
        { lineIndex: 1, amountCents: 100 },
      ],
      null,
    ]);
    // Invoice: 201 cents of VAT at 20 %, 18 (18.315) at 5.5 %.
    expect(notes[0].byRate).toEqual([
      { vatRateBp: 550, netCents: -100, vatCents: -6 },
      { vatRateBp: 2000, netCents: -502, vatCents: -100 },
    ]);
    expect(notes[1].byRate).toEqual([
      { vatRateBp: 550, netCents: -233, vatCents: -12 },
      { vatRateBp: 2000, netCents: -503, vatCents: -101 },
    ]);
  });

  it('mirrors the invoice exactly for a first, full credit note', () => {
    const totals = creditNoteTotals(
      creditNoteLines(invoice),
      'standard',
      computeTotals(invoice, 'standard').byRate,
    );
    expect(totals).toEqual({
      netCents: -166_000,
      vatCents: -30_880,
      grossCents: -196_880,
      byRate: [
        { vatRateBp: 550, netCents: -16_000, vatCents: -880 },
        { vatRateBp: 2000, netCents: -150_000, vatCents: -30_000 },
      ],
    });
  });
});

/** An invoice, each positive line cut into up to 4 parts, each part credited by one of 4 notes. */
const creditPlan = fc
  .array(anyLine, { minLength: 1, maxLength: 6 })
  .filter((lines) => lines.some((l) => l.amountCents > 0))
  .chain((lines) =>
    fc.record({
      lines: fc.constant(lines),
      regime: fc.constantFrom<InvoiceVatRegime>('standard', 'franchise', 'reverse_charge'),
      cuts: fc.tuple(
        ...lines.map((l) => fc.array(fc.integer({ min: 0, max: l.amountCents }), { maxLength: 3 })),
      ),
      noteOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 24, maxLength: 24 }),
      finishWithFull: fc.boolean(),
    }),
  )
  .map(({ lines, regime, cuts, noteOf, finishWithFull }) => {
    const notes: CreditRequest[][] = [[], [], [], []];
    lines.forEach((line, k) => {
      const bounds = [0, ...[...cuts[k]].sort((a, b) => a - b), line.amountCents];
      bounds.slice(1).forEach((end, j) => {
        const amountCents = end - bounds[j];
        if (amountCents <= 0) return;
        const note = notes[noteOf[(k * 4 + j) % noteOf.length]];
        const same = note.find((r) => r.lineIndex === k);
        if (same) same.amountCents += amountCents;
        else note.push({ lineIndex: k, amountCents });
      });
    });
    const partial: (CreditRequest[] | null)[] = notes.filter((n) => n.length > 0);
    if (finishWithFull && partial.length > 1) partial[partial.length - 1] = null;
    return { lines, regime, notes: partial };
  });

it('partial credit notes that add up to the invoice equal its totals exactly, rate by rate', () => {
  fc.assert(
    fc.property(creditPlan, ({ lines, regime, notes }) => {
      const invoice = computeTotals(lines, regime);
      const credited = creditInTurn(lines, regime, notes);
      const sum = (pick: (t: InvoiceTotals) => number) =>
        credited.reduce((total, t) => total + pick(t), 0);
      expect(sum((t) => t.netCents) + invoice.netCents).toBe(0);
      expect(sum((t) => t.vatCents) + invoice.vatCents).toBe(0);
      expect(sum((t) => t.grossCents) + invoice.grossCents).toBe(0);
      for (const rate of invoice.byRate) {
        const at = credited.flatMap((t) => t.byRate).filter((r) => r.vatRateBp === rate.vatRateBp);
        expect(at.reduce((total, r) => total + r.vatCents, 0) + rate.vatCents).toBe(0);
      }
      for (const note of credited) expect(note.vatCents).toBeLessThanOrEqual(0);
    }),
  );
});
