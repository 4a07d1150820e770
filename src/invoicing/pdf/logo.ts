import { readFileSync } from 'node:fs';
import type { Sheet } from '../../documents/sheet';
import type { InvoiceLayout } from './invoice-template';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The logo's bytes when the file is a PNG or JPEG we can read; null otherwise. */
function readLogo(logoPath: string): Buffer | null {
  try {
    const bytes = readFileSync(logoPath);
    const known = [PNG_SIGNATURE, JPEG_SIGNATURE].some((sig) =>
      bytes.subarray(0, sig.length).equals(sig),
    );
    return known ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Draws the seller's logo at the top left, scaled to fit the layout's box, and returns the y
 * below it. A missing or broken logo is left out: the invoice matters more than the picture.
 */
export function drawLogo(sheet: Sheet<InvoiceLayout>, logoPath: string | null, y: number): number {
  const bytes = logoPath ? readLogo(logoPath) : null;
  if (!bytes) return y;
  const { maxWidth, maxHeight } = sheet.layout.logo;
  try {
    // Drawn in the document flow (no y given), pdfkit moves doc.y below the scaled image.
    sheet.doc.y = y;
    sheet.doc.image(bytes, sheet.left, undefined, { fit: [maxWidth, maxHeight] });
    return sheet.doc.y + 10;
  } catch {
    return y;
  }
}
