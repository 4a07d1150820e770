import type { DraftLine } from './lines';
import { roundHalfUpDiv } from './rounding';

export const VAT_REGIMES = ['franchise', 'standard', 'reverse_charge', 'export'] as const;
/**
 * The regime of one invoice: the practice's, turned to reverse charge for a business in another
 * EU country and to export for a business outside the EU.
 */
export type InvoiceVatRegime = (typeof VAT_REGIMES)[number];

export interface RateTotal {
  vatRateBp: number;
  netCents: number;
  vatCents: number;
}

export interface InvoiceTotals {
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** One entry per VAT rate, lowest rate first. */
  byRate: RateTotal[];
}

/**
 * Totals HT / TVA / TTC. VAT is rounded once per rate, on the sum of that rate's nets (what
 * the PDF shows per rate), not per line. Without VAT (franchise, reverse charge, export)
 * every line counts at rate 0.
 */
export function computeTotals(lines: DraftLine[], vatRegime: InvoiceVatRegime): InvoiceTotals {
  const netByRate = new Map<number, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountCents)) {
      throw new RangeError(`A line amount must be whole cents: ${line.amountCents}`);
    }
    const rate = vatRegime === 'standard' ? line.vatRateBp : 0;
    netByRate.set(rate, (netByRate.get(rate) ?? 0) + line.amountCents);
  }
  const byRate = [...netByRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([vatRateBp, netCents]) => ({
      vatRateBp,
      netCents,
      vatCents: roundHalfUpDiv(netCents * vatRateBp, 10_000),
    }));
  const netCents = byRate.reduce((sum, r) => sum + r.netCents, 0);
  const vatCents = byRate.reduce((sum, r) => sum + r.vatCents, 0);
  return { netCents, vatCents, grossCents: netCents + vatCents, byRate };
}
