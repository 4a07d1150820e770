import type { FontRegistration } from '../../documents/fonts';
import { decoratePages } from '../../documents/page-decorations';
import { openDocument } from '../../documents/sheet';
import { embedFacturx } from '../facturx/facturx-pdf';
import {
  DEFAULT_TEMPLATES_DIR,
  type InvoiceTemplate,
  loadInvoiceTemplate,
} from './invoice-template';
import type { InvoiceView } from './invoice-view';
import { invoiceWording, pageLabel } from './invoice-wording';
import { drawLinesTable } from './lines-table';
import { drawParties } from './parties';
import { drawSummary } from './summary';
import { drawWatermark } from './watermark';

export interface RenderInvoiceOptions {
  /** A folder holding layout.json and texts.<locale>.json; the shipped one by default. */
  templatesDir?: string;
  /** The creation date in the PDF's properties (the issue instant); now by default. */
  createdAt?: Date;
  /** An issued document's CII XML: the PDF becomes its Factur-X (a draft has none). */
  facturxXml?: string;
}

/**
 * The invoice or credit note as a PDF (A4 unless the layout says otherwise) with its fonts
 * embedded. It declares PDF/A-3b on PDF 1.7, with an sRGB output intent; given the document's
 * CII XML, it carries it as factur-x.xml with the Factur-X XMP: a Factur-X PDF.
 */
export async function renderInvoicePdf(
  view: InvoiceView,
  opts: RenderInvoiceOptions = {},
): Promise<Buffer> {
  const template = loadInvoiceTemplate(view.locale, opts.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  return renderInvoicePdfWith(view, template, undefined, opts.createdAt, opts.facturxXml);
}

/** The same rendering with fonts put on the document another way; the benchmark compares ways. */
export async function renderInvoicePdfWith(
  view: InvoiceView,
  { layout, texts }: InvoiceTemplate,
  registerFont?: FontRegistration,
  createdAt: Date = new Date(),
  facturxXml?: string,
): Promise<Buffer> {
  const wording = invoiceWording(view, texts);
  const { sheet, close } = openDocument(layout, {
    lang: view.locale,
    info: { Title: wording.documentTitle, Author: wording.sellerName, CreationDate: createdAt },
    archival: true,
    registerFont,
  });
  const y = drawParties(sheet, wording, view.seller.logoPath ?? null);
  const belowTable = drawLinesTable(sheet, wording, y) + layout.table.gapBelow;
  drawSummary(sheet, wording, belowTable);
  const { watermark } = wording;
  decoratePages(sheet, {
    footer: wording.footer,
    pageLabel: (page, pages) => pageLabel(texts, page, pages),
    underlay: watermark ? () => drawWatermark(sheet, watermark) : undefined,
  });
  if (facturxXml !== undefined) embedFacturx(sheet.doc, facturxXml, createdAt);
  return close();
}
