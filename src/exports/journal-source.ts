import type { Invoice } from '../invoicing/invoice.entity';
import type { InvoiceSummary } from '../invoicing/invoice-detail';
import type { JournalDoc } from './invoice-journal';

/**
 * An issued document as the journal and the FEC read it: the buyer as printed on it (the
 * snapshot taken at issue), amounts as stored (negative on a credit note). A credit note owes
 * nothing itself: it already lowers its invoice's balance, so its own balance is 0.
 */
export function toJournalDoc(
  doc: Invoice,
  summary: InvoiceSummary,
  clientName: string,
): JournalDoc {
  if (doc.number === null || doc.issueDate === null) {
    throw new RangeError(`Document ${doc.id} is not issued`);
  }
  return {
    number: doc.number,
    kind: doc.kind,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate ?? doc.issueDate,
    clientId: doc.clientId,
    clientName: doc.buyer?.name ?? clientName,
    clientSiren: doc.buyer ? doc.buyer.siren : null,
    netCents: doc.netCents,
    vatByRate: doc.byRate.map((r) => ({ ...r })),
    grossCents: doc.grossCents,
    paidCents: summary.paidCents,
    balanceCents: doc.kind === 'invoice' ? summary.balanceCents : 0,
    status: summary.status,
    vatRegime: doc.vatRegime,
  };
}
