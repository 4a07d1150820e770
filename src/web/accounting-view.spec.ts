import type { InvoiceSummary } from '../invoicing/invoice-detail';
import { issuedOnly, periodTotals } from './accounting-view';

function doc(
  kind: 'invoice' | 'credit_note',
  status: InvoiceSummary['status'],
  netCents: number,
  vatCents: number,
  balanceCents = 0,
): InvoiceSummary {
  return {
    kind,
    status,
    totals: { netCents, vatCents, grossCents: netCents + vatCents, byRate: [] },
    balanceCents,
  } as unknown as InvoiceSummary;
}

describe("the accountant's period totals", () => {
  const docs = [
    doc('invoice', 'paid', 100_00, 20_00),
    doc('invoice', 'partially_paid', 50_00, 10_00, 30_00),
    doc('invoice', 'cancelled', 40_00, 8_00),
    doc('credit_note', 'issued', -40_00, -8_00),
    doc('invoice', 'draft', 999_00, 199_80, 1198_80),
  ];

  it('sums invoices and credit notes apart, and nets them, leaving drafts out', () => {
    expect(periodTotals(docs)).toEqual({
      invoices: { count: 3, netCents: 190_00, vatCents: 38_00, grossCents: 228_00 },
      creditNotes: { count: 1, netCents: -40_00, vatCents: -8_00, grossCents: -48_00 },
      net: { count: 4, netCents: 150_00, vatCents: 30_00, grossCents: 180_00 },
      balanceCents: 30_00,
    });
  });

  it('lists only issued documents', () => {
    expect(issuedOnly(docs).map((d) => d.status)).not.toContain('draft');
    expect(issuedOnly(docs)).toHaveLength(4);
  });

  it('answers zeros for an empty period', () => {
    expect(periodTotals([]).net).toEqual({ count: 0, netCents: 0, vatCents: 0, grossCents: 0 });
  });
});
