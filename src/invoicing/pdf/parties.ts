import type { InvoiceWording } from './invoice-wording';
import { drawLogo } from './logo';
import { type Sheet, write, writeLines } from '../../documents/sheet';
import type { InvoiceLayout } from './invoice-template';

/**
 * The top of the first page: logo and seller on the left; title, number and dates on the
 * right with the buyer boxed below them, where a window envelope shows it; then, on a credit
 * note, the invoice it corrects. Returns the y below.
 */
export function drawParties(
  sheet: Sheet<InvoiceLayout>,
  wording: InvoiceWording,
  logoPath: string | null,
): number {
  const { colors, fontSizes, parties } = sheet.layout;
  const sellerBottom = drawSeller(sheet, wording, logoPath);
  const buyerBottom = drawBuyer(sheet, wording, drawTitle(sheet, wording) + 14);
  const y = Math.max(sellerBottom, buyerBottom) + parties.gapBelow;
  if (!wording.reference) return y;
  const style = { size: fontSizes.meta + 0.5, color: colors.text, bold: true };
  return (
    write(sheet, wording.reference, { x: sheet.left, y, width: sheet.width }, style) +
    parties.gapBelow / 2
  );
}

function drawSeller(
  sheet: Sheet<InvoiceLayout>,
  wording: InvoiceWording,
  logoPath: string | null,
): number {
  const { colors, fontSizes, parties } = sheet.layout;
  const at = { x: sheet.left, width: sheet.width - parties.buyerBoxWidth - 20 };
  const top = drawLogo(sheet, logoPath, sheet.top);
  const nameStyle = { size: fontSizes.partyName, color: colors.text, bold: true };
  const below = write(sheet, wording.sellerName, { ...at, y: top }, nameStyle);
  return writeLines(
    sheet,
    wording.sellerLines,
    { ...at, y: below },
    { size: fontSizes.party, color: colors.muted },
  );
}

function drawTitle(sheet: Sheet<InvoiceLayout>, wording: InvoiceWording): number {
  const { colors, fontSizes, parties } = sheet.layout;
  const box = { x: sheet.right - parties.buyerBoxWidth, width: parties.buyerBoxWidth };
  const right = { align: 'right' } as const;
  const titleStyle = { size: fontSizes.title, color: colors.accent, bold: true };
  let y = write(sheet, wording.title, { ...box, y: sheet.top }, titleStyle, right);
  const numberStyle = { size: fontSizes.meta + 1.5, color: colors.text, bold: true };
  y = write(sheet, wording.numberLine, { ...box, y: y + 2 }, numberStyle, right);
  const metaStyle = { size: fontSizes.meta, color: colors.text };
  return wording.metaLines.reduce(
    (lineY, line) => write(sheet, line, { ...box, y: lineY }, metaStyle, right),
    y + 4,
  );
}

function drawBuyer(sheet: Sheet<InvoiceLayout>, wording: InvoiceWording, y: number): number {
  const { colors, fontSizes, parties } = sheet.layout;
  const pad = 8;
  const at = {
    x: sheet.right - parties.buyerBoxWidth + pad,
    width: parties.buyerBoxWidth - 2 * pad,
  };
  const headingStyle = { size: fontSizes.heading, color: colors.muted, bold: true };
  let cursor = write(
    sheet,
    wording.buyerHeading.toUpperCase(),
    { ...at, y: y + pad },
    headingStyle,
  );
  const nameStyle = { size: fontSizes.partyName, color: colors.text, bold: true };
  cursor = write(sheet, wording.buyerName, { ...at, y: cursor + 2 }, nameStyle);
  cursor = writeLines(
    sheet,
    wording.buyerLines,
    { ...at, y: cursor },
    { size: fontSizes.party, color: colors.text },
  );
  cursor += pad;
  const frame = { x: at.x - pad, width: parties.buyerBoxWidth, height: cursor - y };
  sheet.doc
    .roundedRect(frame.x, y, frame.width, frame.height, 3)
    .lineWidth(0.75)
    .strokeColor(colors.rule)
    .stroke();
  return cursor;
}
