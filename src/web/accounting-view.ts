/**
 * The accountant's period at a glance: the issued invoices and credit notes the services
 * return, counted and summed per kind. Drafts are not accounting documents and are left out.
 * Pure; amounts are the documents' own integer cents (credit notes negative, as stored).
 */
import type { InvoiceSummary } from '../invoicing/invoice-detail';

export interface KindTotals {
  count: number;
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export interface PeriodTotals {
  invoices: KindTotals;
  creditNotes: KindTotals;
  /** Invoices less credit notes. */
  net: KindTotals;
  /** What clients still owe on the period's invoices. */
  balanceCents: number;
}

const none = (): KindTotals => ({ count: 0, netCents: 0, vatCents: 0, grossCents: 0 });

function add(into: KindTotals, doc: InvoiceSummary): void {
  into.count += 1;
  into.netCents += doc.totals.netCents;
  into.vatCents += doc.totals.vatCents;
  into.grossCents += doc.totals.grossCents;
}

export function issuedOnly(docs: readonly InvoiceSummary[]): InvoiceSummary[] {
  return docs.filter((doc) => doc.status !== 'draft');
}

export function periodTotals(docs: readonly InvoiceSummary[]): PeriodTotals {
  const totals: PeriodTotals = {
    invoices: none(),
    creditNotes: none(),
    net: none(),
    balanceCents: 0,
  };
  for (const doc of issuedOnly(docs)) {
    add(doc.kind === 'invoice' ? totals.invoices : totals.creditNotes, doc);
    add(totals.net, doc);
    totals.balanceCents += doc.balanceCents;
  }
  return totals;
}
