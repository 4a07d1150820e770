import type { InvoiceLine } from '../invoice-line.entity';
import type { Invoice } from '../invoice.entity';
import { loadInvoiceTemplate } from '../pdf/invoice-template';
import { ciiViewOf, type IssuedDocument, type IssuedLine } from './cii-view';
import { buildCiiXml } from './cii-xml';

/** The row and lines of an issued document, and the invoice a credit note corrects. */
export interface IssuedRows {
  doc: Invoice;
  lines: InvoiceLine[];
  credited: Pick<Invoice, 'number' | 'issueDate'> | null;
}

/**
 * An issued document as its Factur-X XML reads it, from the columns and snapshots frozen at
 * issue only: the row being sealed at issue and the row read back later give the same view.
 */
export function issuedDocumentOf({ doc, lines, credited }: IssuedRows): IssuedDocument {
  if (!doc.number || !doc.issueDate || !doc.seller || !doc.buyer) {
    throw new RangeError('Only an issued document has a Factur-X XML');
  }
  return {
    kind: doc.kind,
    number: doc.number,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    locale: doc.locale,
    vatRegime: doc.vatRegime,
    paymentTermsDays: doc.paymentTermsDays,
    notes: doc.notes,
    seller: doc.seller,
    buyer: doc.buyer,
    totals: {
      netCents: doc.netCents,
      vatCents: doc.vatCents,
      grossCents: doc.grossCents,
      byRate: doc.byRate,
    },
    lines: [...lines].sort((a, b) => a.position - b.position).map(issuedLineOf),
    creditedInvoice:
      credited?.number && credited.issueDate
        ? { number: credited.number, issueDate: credited.issueDate }
        : null,
  };
}

function issuedLineOf(row: InvoiceLine): IssuedLine {
  return {
    description: row.description,
    quantityHundredths: row.quantityHundredths,
    unit: row.unit,
    unitPriceCents: row.unitPriceCents,
    vatRateBp: row.vatRateBp,
    amountCents: row.amountCents,
    vatExemption: row.vatExemption ?? null,
  };
}

/**
 * The Factur-X XML of an issued document: the one attached to its PDF at issue, and the one
 * GET /api/invoices/:id/facturx.xml answers (the same bytes, from the same frozen data). Its
 * notes use the words the PDF prints, in the document's language.
 */
export function facturxXmlOf(rows: IssuedRows): string {
  const doc = issuedDocumentOf(rows);
  return buildCiiXml(ciiViewOf(doc, loadInvoiceTemplate(doc.locale).texts));
}
