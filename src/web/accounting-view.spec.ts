import type { InvoiceSummary } from '../invoicing/invoice-detail';
import { issuedOnly, periodPresets, periodTotals } from './accounting-view';

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

describe('the period presets', () => {
  const span = (today: string) => periodPresets(today).map((p) => `${p.kind} ${p.from}…${p.to}`);

  it('offers the month, the quarter and the year of the day, and those before', () => {
    expect(span('2026-12-02')).toEqual([
      'month 2026-12-01…2026-12-31',
      'month 2026-11-01…2026-11-30',
      'quarter 2026-10-01…2026-12-31',
      'quarter 2026-07-01…2026-09-30',
      'year 2026-01-01…2026-12-31',
      'year 2025-01-01…2025-12-31',
    ]);
  });

  it('goes back across the new year, and ends February on its last day', () => {
    expect(span('2028-02-15')).toEqual([
      'month 2028-02-01…2028-02-29',
      'month 2028-01-01…2028-01-31',
      'quarter 2028-01-01…2028-03-31',
      'quarter 2027-10-01…2027-12-31',
      'year 2028-01-01…2028-12-31',
      'year 2027-01-01…2027-12-31',
    ]);
    expect(periodPresets('2027-01-31').filter((p) => p.kind !== 'year')).toEqual([
      expect.objectContaining({ month: '2027-01', year: 2027 }),
      expect.objectContaining({ month: '2026-12', year: 2026 }),
      expect.objectContaining({ quarter: 1, year: 2027 }),
      expect.objectContaining({ quarter: 4, year: 2026 }),
    ]);
  });
});
