import PDFDocument from 'pdfkit';
import { type FontRegistration, registerParsedFont } from './fonts';
import {
  DEFAULT_TEMPLATES_DIR,
  type InvoiceTemplate,
  loadInvoiceTemplate,
} from './invoice-template';
import type { InvoiceView } from './invoice-view';
import { invoiceWording } from './invoice-wording';
import { drawLinesTable } from './lines-table';
import { decoratePages } from './page-decorations';
import { drawParties } from './parties';
import { BOLD_FONT, openSheet, REGULAR_FONT } from './sheet';
import { drawSummary } from './summary';

export interface RenderInvoiceOptions {
  /** A folder holding layout.json and texts.<locale>.json; the shipped one by default. */
  templatesDir?: string;
  /** The creation date in the PDF's properties (the issue instant); now by default. */
  createdAt?: Date;
}

/**
 * The invoice or credit note as a PDF (A4 unless the layout says otherwise) with its fonts
 * embedded. It declares PDF/A-3b on PDF 1.7, with an sRGB output intent: the base a Factur-X
 * invoice builds on by attaching its XML.
 */
export async function renderInvoicePdf(
  view: InvoiceView,
  opts: RenderInvoiceOptions = {},
): Promise<Buffer> {
  const template = loadInvoiceTemplate(view.locale, opts.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  return renderInvoicePdfWith(view, template, registerParsedFont, opts.createdAt);
}

/** The same rendering with fonts put on the document another way; the benchmark compares ways. */
export async function renderInvoicePdfWith(
  view: InvoiceView,
  { layout, texts }: InvoiceTemplate,
  registerFont: FontRegistration,
  createdAt: Date = new Date(),
): Promise<Buffer> {
  const wording = invoiceWording(view, texts);
  const doc = new PDFDocument({
    size: layout.page.size,
    margins: layout.page.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: view.locale,
    info: { Title: wording.documentTitle, Author: wording.sellerName, CreationDate: createdAt },
  });
  const pdf = collect(doc);
  registerFont(doc, REGULAR_FONT, layout.fonts.regular);
  registerFont(doc, BOLD_FONT, layout.fonts.bold);
  const sheet = openSheet(doc, layout);
  const y = drawParties(sheet, wording, view.seller.logoPath ?? null);
  const belowTable = drawLinesTable(sheet, wording, y) + layout.table.gapBelow;
  drawSummary(sheet, wording, belowTable);
  decoratePages(sheet, wording, texts);
  doc.end();
  return pdf;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
