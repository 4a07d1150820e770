import type { InvoiceWording } from './invoice-wording';
import {
  fitOnOneLine,
  measure,
  roomFor,
  type Sheet,
  type TextStyle,
  write,
} from '../../documents/sheet';
import type { InvoiceLayout } from './invoice-template';

/**
 * What follows the table: the legal mentions (VAT regime, operation category, payment terms)
 * on the left beside the totals on the right, kept together on one page; then the notes.
 */

interface Block {
  heading: string | null;
  lines: string[];
  style: TextStyle;
}

const COLUMN_GAP = 20;

/** Draws the summary from `y` and returns the y below it. */
export function drawSummary(
  sheet: Sheet<InvoiceLayout>,
  wording: InvoiceWording,
  y: number,
): number {
  const { colors, fontSizes, totals } = sheet.layout;
  const body = { size: fontSizes.mentions, color: colors.text };
  const mentions: Block[] = [
    { heading: null, lines: wording.vatMentions, style: body },
    { heading: wording.paymentHeading, lines: wording.paymentLines, style: body },
  ].filter((block) => block.lines.length > 0);
  const left = { x: sheet.left, width: sheet.width - totals.width - COLUMN_GAP };
  const height = Math.max(blocksHeight(sheet, mentions, left.width), totalsHeight(sheet, wording));
  const top = roomFor(sheet, y, height);
  const bottom = Math.max(
    drawBlocks(sheet, mentions, { ...left, y: top }),
    drawTotals(sheet, wording, top),
  );
  if (!wording.notes) return bottom;
  const notes = [
    {
      heading: wording.notes.heading,
      lines: [wording.notes.text],
      style: { ...body, size: fontSizes.notes },
    },
  ];
  const at = { x: sheet.left, width: sheet.width };
  return drawBlocks(sheet, notes, {
    ...at,
    y: roomFor(sheet, bottom + totals.gapBelow, blocksHeight(sheet, notes, at.width)),
  });
}

function headingStyle(sheet: Sheet<InvoiceLayout>): TextStyle {
  return { size: sheet.layout.fontSizes.heading, color: sheet.layout.colors.muted, bold: true };
}

const HEADING_GAP = 2;

function blocksHeight(sheet: Sheet<InvoiceLayout>, blocks: Block[], width: number): number {
  const { lineGap, paragraphGap } = sheet.layout.mentions;
  return blocks.reduce((sum, block) => {
    const heading = block.heading
      ? measure(sheet, block.heading.toUpperCase(), width, headingStyle(sheet)) + HEADING_GAP
      : 0;
    const lines = block.lines.reduce(
      (h, line) => h + measure(sheet, line, width, block.style, { lineGap }),
      0,
    );
    return sum + heading + lines + paragraphGap;
  }, 0);
}

function drawBlocks(
  sheet: Sheet<InvoiceLayout>,
  blocks: Block[],
  at: { x: number; y: number; width: number },
): number {
  const { lineGap, paragraphGap } = sheet.layout.mentions;
  return blocks.reduce((y, block) => {
    let cursor = y;
    if (block.heading)
      cursor =
        write(sheet, block.heading.toUpperCase(), { ...at, y: cursor }, headingStyle(sheet)) +
        HEADING_GAP;
    cursor = block.lines.reduce(
      (lineY, line) => write(sheet, line, { ...at, y: lineY }, block.style, { lineGap }),
      cursor,
    );
    return cursor + paragraphGap;
  }, at.y);
}

const TOTALS_PADDING = 3.5;

function totalStyle(sheet: Sheet<InvoiceLayout>, grand: boolean): TextStyle {
  const { colors, fontSizes } = sheet.layout;
  return { size: grand ? fontSizes.grandTotal : fontSizes.totals, color: colors.text, bold: grand };
}

function totalRowHeights(sheet: Sheet<InvoiceLayout>, wording: InvoiceWording): number[] {
  const { labelWidth } = sheet.layout.totals;
  return wording.totals.map(
    (row) =>
      measure(sheet, row.label, labelWidth - TOTALS_PADDING, totalStyle(sheet, row.grand)) +
      2 * TOTALS_PADDING,
  );
}

function totalsHeight(sheet: Sheet<InvoiceLayout>, wording: InvoiceWording): number {
  return totalRowHeights(sheet, wording).reduce((sum, h) => sum + h, 0);
}

/** Totals HT, VAT per rate, TTC (and what is paid and due), right-aligned amounts. */
function drawTotals(sheet: Sheet<InvoiceLayout>, wording: InvoiceWording, y: number): number {
  const { colors, totals } = sheet.layout;
  const pad = TOTALS_PADDING;
  const x = sheet.right - totals.width;
  const heights = totalRowHeights(sheet, wording);
  return wording.totals.reduce((cursor, row, i) => {
    const style = totalStyle(sheet, row.grand);
    if (row.grand)
      sheet.doc.rect(x, cursor, totals.width, heights[i]).fill(colors.totalsBackground);
    write(sheet, row.label, { x: x + pad, y: cursor + pad, width: totals.labelWidth - pad }, style);
    const amountAt = {
      x: x + totals.labelWidth,
      y: cursor + pad,
      width: totals.width - totals.labelWidth - pad,
    };
    const amountStyle = fitOnOneLine(sheet, row.amount, amountAt.width, style);
    write(sheet, row.amount, amountAt, amountStyle, { align: 'right' });
    return cursor + heights[i];
  }, y);
}
