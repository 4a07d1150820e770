/**
 * A pdfkit document with the reports' page geometry, and the writing helpers every report
 * page uses: text that returns the y below it, headings, tables that break across pages with
 * their header repeated, and "Page n/N" once the pages are known.
 */
import PDFDocument from 'pdfkit';
import type { FormatLocale } from '../../common/format';
import { registerParsedFont } from '../../documents/fonts';
import { fill, type ReportLayout, type ReportTexts } from '../report-template';

export const REGULAR = 'report-regular';
export const BOLD = 'report-bold';

export interface Sheet {
  doc: PDFKit.PDFDocument;
  layout: ReportLayout;
  left: number;
  right: number;
  width: number;
  top: number;
  /** Content stays above this line; the footer lives below it. */
  bottom: number;
}

export interface TextStyle {
  size: number;
  color?: string;
  bold?: boolean;
}

export interface OpenedSheet {
  sheet: Sheet;
  /** Resolves with the PDF bytes once `finish` has been called. */
  pdf: Promise<Buffer>;
}

export function openSheet(layout: ReportLayout, locale: FormatLocale, title: string): OpenedSheet {
  const doc = new PDFDocument({
    size: layout.page.size,
    margins: layout.page.margins,
    bufferPages: true,
    lang: locale,
    info: { Title: title },
  });
  const pdf = collect(doc);
  // The fonts are parsed once per process (src/documents/fonts), not once per report.
  registerParsedFont(doc, REGULAR, layout.fonts.regular);
  registerParsedFont(doc, BOLD, layout.fonts.bold);
  const { margins } = layout.page;
  const right = doc.page.width - margins.right;
  const sheet: Sheet = {
    doc,
    layout,
    left: margins.left,
    right,
    width: right - margins.left,
    top: margins.top,
    bottom: doc.page.height - margins.bottom,
  };
  return { sheet, pdf };
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export function style(sheet: Sheet, s: TextStyle): PDFKit.PDFDocument {
  return sheet.doc
    .font(s.bold ? BOLD : REGULAR)
    .fontSize(s.size)
    .fillColor(s.color ?? sheet.layout.colors.text);
}

/** Writes `text` wrapped to `width` at (x, y) and returns the y just below it. */
export function write(
  sheet: Sheet,
  text: string,
  at: { x: number; y: number; width: number },
  s: TextStyle,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  style(sheet, s).text(text, at.x, at.y, { width: at.width, ...options });
  return sheet.doc.y;
}

export function measure(sheet: Sheet, text: string, width: number, s: TextStyle): number {
  return style(sheet, s).heightOfString(text, { width });
}

export function newPage(sheet: Sheet): number {
  sheet.doc.addPage();
  return sheet.top;
}

/** `y` if a block of `height` fits below it on this page, else the top of a new page. */
export function roomFor(sheet: Sheet, y: number, height: number): number {
  return y + height > sheet.bottom ? newPage(sheet) : y;
}

/** A section heading with a rule under it; kept with at least `keep` points of what follows. */
export function heading(sheet: Sheet, text: string, y: number, keep = 60): number {
  const size = sheet.layout.fontSizes.heading;
  const top = roomFor(sheet, y, size * 2 + keep);
  const below = write(
    sheet,
    text,
    { x: sheet.left, y: top, width: sheet.width },
    { size, bold: true },
  );
  sheet.doc
    .moveTo(sheet.left, below + 1)
    .lineTo(sheet.right, below + 1)
    .lineWidth(0.5)
    .strokeColor(sheet.layout.colors.rule)
    .stroke();
  return below + 6;
}

export interface TableColumn {
  header: string;
  /** Relative width, scaled to the page width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A table whose rows break across pages, the header repeated on each new page. */
export function table(
  sheet: Sheet,
  y: number,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
): number {
  const { layout } = sheet;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * sheet.width);
  const pad = layout.table.cellPadding;
  const size = layout.fontSizes.table;
  const rowHeight = (cells: readonly string[], bold: boolean) =>
    Math.max(...cells.map((cell, i) => measure(sheet, cell, widths[i] - 2 * pad, { size, bold }))) +
    2 * pad;
  const drawRow = (cells: readonly string[], top: number, header: boolean): number => {
    const height = rowHeight(cells, header);
    if (header) {
      sheet.doc
        .rect(sheet.left, top, sheet.width, height)
        .fill(layout.colors.tableHeaderBackground);
    }
    let x = sheet.left;
    cells.forEach((cell, i) => {
      const at = { x: x + pad, y: top + pad, width: widths[i] - 2 * pad };
      write(sheet, cell, at, { size, bold: header }, { align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    const bottom = top + height;
    sheet.doc
      .moveTo(sheet.left, bottom)
      .lineTo(sheet.right, bottom)
      .lineWidth(0.3)
      .strokeColor(layout.colors.grid)
      .stroke();
    return bottom;
  };
  const headers = columns.map((c) => c.header);
  // A table of labels and values has no header to draw or repeat.
  const hasHeader = headers.some((h) => h !== '');
  const start = roomFor(sheet, y, rowHeight(headers, true) * 2);
  let cursor = hasHeader ? drawRow(headers, start, true) : start;
  for (const row of rows) {
    if (cursor + rowHeight(row, false) > sheet.bottom) {
      cursor = hasHeader ? drawRow(headers, newPage(sheet), true) : newPage(sheet);
    }
    cursor = drawRow(row, cursor, false);
  }
  return cursor + 8;
}

/** Footer line and "Page n/N" on every page, drawn once the pages are laid out. */
export function finish(sheet: Sheet, texts: ReportTexts, footer: string): void {
  const { doc, layout } = sheet;
  const { start, count } = doc.bufferedPageRange();
  const s = { size: layout.fontSizes.footer, color: layout.colors.muted };
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - layout.footer.distanceFromBottom;
    doc
      .moveTo(sheet.left, y - 4)
      .lineTo(sheet.right, y - 4)
      .lineWidth(0.5)
      .strokeColor(layout.colors.rule)
      .stroke();
    write(sheet, footer, { x: sheet.left, y, width: sheet.width - 80 }, s, { lineBreak: false });
    const counter = fill(texts.page, { page: i - start + 1, pages: count });
    write(sheet, counter, { x: sheet.right - 80, y, width: 80 }, s, { align: 'right' });
    doc.page.margins.bottom = margin;
  }
  doc.end();
}
