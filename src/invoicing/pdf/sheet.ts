import type { InvoiceLayout } from './invoice-template';

/** A pdfkit document with the page geometry of the layout, and text helpers that return heights. */
export interface Sheet {
  doc: PDFKit.PDFDocument;
  layout: InvoiceLayout;
  left: number;
  right: number;
  width: number;
  top: number;
  /** Content stays above this line; the footer lives below it. */
  bottom: number;
}

export const REGULAR_FONT = 'invoice-regular';
export const BOLD_FONT = 'invoice-bold';

export interface TextStyle {
  size: number;
  color: string;
  bold?: boolean;
}

export function openSheet(doc: PDFKit.PDFDocument, layout: InvoiceLayout): Sheet {
  const { margins } = layout.page;
  const left = margins.left;
  const right = doc.page.width - margins.right;
  return {
    doc,
    layout,
    left,
    right,
    width: right - left,
    top: margins.top,
    bottom: doc.page.height - margins.bottom,
  };
}

function applyStyle(sheet: Sheet, style: TextStyle): void {
  sheet.doc
    .font(style.bold ? BOLD_FONT : REGULAR_FONT)
    .fontSize(style.size)
    .fillColor(style.color);
}

/** The height `text` takes when wrapped to `width`. */
export function measure(
  sheet: Sheet,
  text: string,
  width: number,
  style: TextStyle,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  applyStyle(sheet, style);
  return sheet.doc.heightOfString(text, { width, ...options });
}

/** `style`, shrunk if need be so `text` fits on one line of `width`. */
export function fitOnOneLine(
  sheet: Sheet,
  text: string,
  width: number,
  style: TextStyle,
): TextStyle {
  applyStyle(sheet, style);
  const natural = sheet.doc.widthOfString(text);
  // A hair under the exact fit, so rounding never tips the text onto a second line.
  return natural <= width ? style : { ...style, size: (style.size * width * 0.99) / natural };
}

/**
 * Writes `text` wrapped to `width` at (x, y) and returns the y just below it. Text too long for
 * the page continues on the next one, and the y returned is then on that page.
 */
export function write(
  sheet: Sheet,
  text: string,
  at: { x: number; y: number; width: number },
  style: TextStyle,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  applyStyle(sheet, style);
  sheet.doc.text(text, at.x, at.y, { width: at.width, ...options });
  return sheet.doc.y;
}

/** Writes lines one under the other and returns the y below the last one. */
export function writeLines(
  sheet: Sheet,
  lines: string[],
  at: { x: number; y: number; width: number },
  style: TextStyle,
): number {
  return lines.reduce((y, line) => write(sheet, line, { ...at, y }, style), at.y);
}

/** Starts a new page and returns the y where content begins on it. */
export function newPage(sheet: Sheet): number {
  sheet.doc.addPage();
  return sheet.top;
}

/** The y to draw a block of `height` at: `y` if it fits on this page, else the top of a new one. */
export function roomFor(sheet: Sheet, y: number, height: number): number {
  const fitsOnEmptyPage = height <= sheet.bottom - sheet.top;
  return y + height > sheet.bottom && fitsOnEmptyPage ? newPage(sheet) : y;
}
