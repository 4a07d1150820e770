import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';
import { draftLineOf } from './line-rows';
import type { FrozenDocument } from './math';

/**
 * What the hash of an issued document covers, rebuilt from its stored columns (never from a
 * stored copy): a direct edit of any of them changes the hash the chain recomputes.
 */
export function frozenDocumentOf(
  doc: Invoice,
  lines: InvoiceLine[],
  referencedInvoiceNumber: string | null,
): FrozenDocument {
  if (!doc.number || !doc.issueDate) {
    throw new RangeError('Only an issued document has a number and an issue date');
  }
  return {
    number: doc.number,
    kind: doc.kind,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    seller: { ...(doc.seller ?? {}), vatRegime: doc.vatRegime },
    buyer: { ...(doc.buyer ?? {}) },
    lines: [...lines].sort((a, b) => a.position - b.position).map(draftLineOf),
    totals: {
      netCents: doc.netCents,
      vatCents: doc.vatCents,
      grossCents: doc.grossCents,
      byRate: doc.byRate,
    },
    previousHash: doc.previousHash,
    referencedInvoiceNumber,
  };
}
