import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Fonts are parsed once per process and the parsed font is handed to every document. Caching
 * only the file's bytes is not enough: pdfkit parses a Buffer again for each document, and that
 * parse is most of the cost of a small invoice (see bench/invoice-pdf.bench.ts).
 */

/** What pdfkit needs of a parsed font (it recognises one by its `layout` method), and its metrics. */
export interface ParsedFont {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

interface Fontkit {
  create(data: Buffer): ParsedFont;
}

// The fontkit pdfkit itself depends on, so the parsed font is of the version pdfkit expects;
// loaded with the first font parsed.
let fontkitModule: Fontkit | undefined;
const fontkit = () =>
  (fontkitModule ??= createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit);

const parsedFonts = new Map<string, ParsedFont>();

/** A file of the DejaVu family shipped in the dejavu-fonts-ttf package. */
export function dejavuFontPath(file: string): string {
  const packageDir = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
  return path.join(packageDir, 'ttf', path.basename(file));
}

/**
 * A template's fonts as absolute paths: a file in the template's own folder, else the DejaVu
 * file of that name.
 */
export function resolveFonts<F extends { regular: string; bold: string }>(
  fonts: F,
  dir: string,
): F {
  const resolve = (file: string) => {
    const own = path.resolve(dir, file);
    return existsSync(own) ? own : dejavuFontPath(file);
  };
  return { ...fonts, regular: resolve(fonts.regular), bold: resolve(fonts.bold) };
}

/** The TrueType font at `filePath`, read and parsed on first use only. */
export function parsedFont(filePath: string): ParsedFont {
  let font = parsedFonts.get(filePath);
  if (!font) {
    font = fontkit().create(readFileSync(filePath));
    parsedFonts.set(filePath, font);
  }
  return font;
}

/** The width of `text` set at `size` in the font at `filePath`, with no document to measure on. */
export function textWidth(filePath: string, text: string, size: number): number {
  const font = parsedFont(filePath);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

/** Puts the font file at `filePath` on the document under `name`. */
export type FontRegistration = (doc: PDFKit.PDFDocument, name: string, filePath: string) => void;

/**
 * Registers `name` with the font parsed once per process. pdfkit 0.20 accepts a fontkit font
 * wherever it takes a font source; its type definitions only list paths and buffers.
 */
export const registerParsedFont: FontRegistration = (doc, name, filePath) => {
  doc.registerFont(name, parsedFont(filePath) as unknown as PDFKit.Mixins.PDFFontSource);
};
