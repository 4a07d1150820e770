import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';
import { draftLineOf } from './line-rows';
import type { FrozenDocument, FrozenLine } from './math';

/**
 * What the hash of an issued document covers, rebuilt from its stored columns (never from a
 * stored copy): a direct edit of any of them changes the hash the chain recomputes.
 *
 * A document issued with its PDF stored (it has `pdfSha256`) also hashes everything else the
 * PDF prints: its language, notes, payment terms, the details under each line and the PDF's
 * own digest. One issued before that keeps the shorter content it was hashed with.
 */
export function frozenDocumentOf(
  doc: Invoice,
  lines: InvoiceLine[],
  referencedInvoiceNumber: string | null,
): FrozenDocument {
  if (!doc.number || !doc.issueDate) {
    throw new RangeError('Only an issued document has a number and an issue date');
  }
  const withPdf = doc.pdfSha256 !== null && doc.pdfSha256 !== undefined;
  const ordered = [...lines].sort((a, b) => a.position - b.position);
  const frozenLines: FrozenLine[] = ordered.map((row) =>
    withPdf ? { ...draftLineOf(row), details: [...row.details] } : draftLineOf(row),
  );
  return {
    number: doc.number,
    kind: doc.kind,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    seller: { ...(doc.seller ?? {}), vatRegime: doc.vatRegime },
    buyer: { ...(doc.buyer ?? {}) },
    lines: frozenLines,
    totals: {
      netCents: doc.netCents,
      vatCents: doc.vatCents,
      grossCents: doc.grossCents,
      byRate: doc.byRate,
    },
    previousHash: doc.previousHash,
    referencedInvoiceNumber,
    ...(withPdf
      ? {
          locale: doc.locale,
          notes: doc.notes,
          paymentTermsDays: doc.paymentTermsDays,
          pdfSha256: doc.pdfSha256,
        }
      : {}),
  };
}
