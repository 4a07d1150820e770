import type { Invoice } from '../invoicing/invoice.entity';
import type { InvoiceSummary } from '../invoicing/invoice-detail';
import type { JournalDoc, JournalPayment } from './invoice-journal';
import type { PaymentRow } from './journal-queries';

/** The client as it is today, for what a document issued long ago did not record. */
export interface CurrentClient {
  name: string;
  accountCode: string;
}

/**
 * An issued document as the journal and the FEC read it: the buyer as printed on it (the
 * snapshot taken at issue, with its account code), amounts as stored (negative on a credit
 * note). A credit note owes nothing itself: it already lowers its invoice's balance, so its
 * own balance is 0.
 */
export function toJournalDoc(
  doc: Invoice,
  summary: InvoiceSummary,
  client: CurrentClient,
): JournalDoc {
  if (doc.number === null || doc.issueDate === null || doc.chainSeq === null) {
    throw new RangeError(`Document ${doc.id} is not issued`);
  }
  return {
    number: doc.number,
    kind: doc.kind,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate ?? doc.issueDate,
    chainSeq: doc.chainSeq,
    clientId: doc.clientId,
    clientName: doc.buyer?.name ?? client.name,
    clientAccountCode: doc.buyer?.accountCode ?? client.accountCode,
    clientSiren: doc.buyer ? doc.buyer.siren : null,
    netCents: doc.netCents,
    vatByRate: doc.byRate.map((r) => ({ ...r })),
    grossCents: doc.grossCents,
    paidCents: summary.paidCents,
    balanceCents: summary.balanceCents,
    status: summary.status,
    vatRegime: doc.vatRegime,
    id: doc.id,
    creditedInvoiceId: doc.creditedInvoiceId,
  };
}

/** A payment as the bank journal reads it: the client as printed on the invoice it settles. */
export function toJournalPayment(row: PaymentRow, client: CurrentClient): JournalPayment {
  return {
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
    paidOn: row.paidOn,
    amountCents: row.amountCents,
    clientName: row.buyer?.name ?? client.name,
    clientAccountCode: row.buyer?.accountCode ?? client.accountCode,
  };
}
