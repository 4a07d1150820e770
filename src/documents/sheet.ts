import type * as Pdfkit from 'pdfkit';
import { onFirstUse } from '../common/on-first-use';
import { type FontRegistration, registerParsedFont } from './fonts';

const pdfkit = onFirstUse<typeof Pdfkit>('pdfkit');

/**
 * A pdfkit document with its page geometry and text helpers that return heights: the page every
 * document (invoice, credit note, report) is drawn on.
 */

/** What a document's layout file says of its pages, whatever else it holds. */
export interface PageLayout {
  page: { size: string; margins: { top: number; right: number; bottom: number; left: number } };
  /** Absolute paths of the two TrueType files. */
  fonts: { regular: string; bold: string };
  colors: { text: string; muted: string; rule: string; tableHeaderBackground: string };
  fontSizes: { footer: number };
  footer: { distanceFromBottom: number };
}

export interface Sheet<Layout extends PageLayout = PageLayout> {
  doc: PDFKit.PDFDocument;
  layout: Layout;
  left: number;
  right: number;
  width: number;
  top: number;
  /** Content stays above this line; the footer lives below it. */
  bottom: number;
}

/** The names the two fonts are registered under on every document. */
export const REGULAR_FONT = 'regular';
export const BOLD_FONT = 'bold';

export interface TextStyle {
  size: number;
  /** The layout's text colour when left out. */
  color?: string;
  bold?: boolean;
}

export interface DocumentSettings {
  lang: string;
  info: PDFKit.DocumentInfo;
  /** PDF/A-3b on PDF 1.7 (with its sRGB output intent): the base of a Factur-X invoice. */
  archival?: boolean;
  /** How the font files reach the document: parsed once per process unless told otherwise. */
  registerFont?: FontRegistration;
}

export interface OpenedDocument<Layout extends PageLayout> {
  sheet: Sheet<Layout>;
  /** Ends the document (draw the page decorations first) and resolves with its bytes. */
  close: () => Promise<Buffer>;
}

/** A new document on the layout's pages, its fonts embedded, its pages buffered. */
export function openDocument<Layout extends PageLayout>(
  layout: Layout,
  settings: DocumentSettings,
): OpenedDocument<Layout> {
  const doc = new (pdfkit().default)({
    size: layout.page.size,
    margins: layout.page.margins,
    bufferPages: true,
    ...(settings.archival ? { pdfVersion: '1.7', subset: 'PDF/A-3b' } : {}),
    lang: settings.lang,
    info: settings.info,
  });
  escapeInfoInXmp(doc);
  const pdf = collect(doc);
  const registerFont = settings.registerFont ?? registerParsedFont;
  registerFont(doc, REGULAR_FONT, layout.fonts.regular);
  registerFont(doc, BOLD_FONT, layout.fonts.bold);
  const { margins } = layout.page;
  const right = doc.page.width - margins.right;
  const sheet = {
    doc,
    layout,
    left: margins.left,
    right,
    width: right - margins.left,
    top: margins.top,
    bottom: doc.page.height - margins.bottom,
  };
  return {
    sheet,
    close: () => {
      doc.end();
      return pdf;
    },
  };
}

/** Text as XML element content: "Dupont &amp; Fils &lt;IT&gt;". */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * pdfkit copies the document's info (Title, Author…) into its XMP as it is, so a seller named
 * "Dupont & Fils <IT>" would make the XMP no XML at all. At its end, pdfkit writes the Info
 * dictionary first, then the XMP from the same info: the XMP is written from an escaped copy,
 * and the Info dictionary keeps the words as they read.
 */
function escapeInfoInXmp(doc: PDFKit.PDFDocument): void {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info;
    doc.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [
        key,
        typeof value === 'string' ? xmlText(value) : value,
      ]),
    );
    try {
      endMetadata();
    } finally {
      doc.info = info;
    }
  };
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function applyStyle(sheet: Sheet, style: TextStyle): PDFKit.PDFDocument {
  return sheet.doc
    .font(style.bold ? BOLD_FONT : REGULAR_FONT)
    .fontSize(style.size)
    .fillColor(style.color ?? sheet.layout.colors.text);
}

/** The height `text` takes when wrapped to `width`. */
export function measure(
  sheet: Sheet,
  text: string,
  width: number,
  style: TextStyle,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  return applyStyle(sheet, style).heightOfString(text, { width, ...options });
}

/** The width of `text` on one line. */
function widthOf(sheet: Sheet, text: string, style: TextStyle): number {
  return applyStyle(sheet, style).widthOfString(text);
}

/** `style`, shrunk if need be so `text` fits on one line of `width`. */
export function fitOnOneLine(
  sheet: Sheet,
  text: string,
  width: number,
  style: TextStyle,
): TextStyle {
  const natural = widthOf(sheet, text, style);
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
  applyStyle(sheet, style).text(text, at.x, at.y, { width: at.width, ...options });
  return sheet.doc.y;
}

/** Writes lines one under the other and returns the y below the last one. */
export function writeLines(
  sheet: Sheet,
  lines: readonly string[],
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

/** A horizontal rule across the sheet at `y`. */
export function rule(sheet: Sheet, y: number, lineWidth: number, color: string): void {
  sheet.doc
    .moveTo(sheet.left, y)
    .lineTo(sheet.right, y)
    .lineWidth(lineWidth)
    .strokeColor(color)
    .stroke();
}
