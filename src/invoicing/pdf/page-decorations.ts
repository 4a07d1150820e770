import type { InvoiceTexts } from './invoice-template';
import { pageLabel, type InvoiceWording } from './invoice-wording';
import { fitOnOneLine, type Sheet, write } from './sheet';

/**
 * Footer and "Page n/N" on every page, and the draft watermark across each page. Drawn once
 * the content is laid out, when the number of pages is known (the pages are buffered).
 */
export function decoratePages(sheet: Sheet, wording: InvoiceWording, texts: InvoiceTexts): void {
  const { doc, layout } = sheet;
  const { start, count } = doc.bufferedPageRange();
  const style = { size: layout.fontSizes.footer, color: layout.colors.muted };
  const counterWidth = 80;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (wording.watermark) drawWatermark(sheet, wording.watermark);
    const y = doc.page.height - layout.footer.distanceFromBottom;
    doc
      .moveTo(sheet.left, y - 5)
      .lineTo(sheet.right, y - 5)
      .lineWidth(0.5)
      .strokeColor(layout.colors.rule)
      .stroke();
    const footerWidth = sheet.width - counterWidth;
    const footerStyle = fitOnOneLine(sheet, wording.footer, footerWidth, style);
    write(sheet, wording.footer, { x: sheet.left, y, width: footerWidth }, footerStyle);
    const counter = pageLabel(texts, i - start + 1, count);
    write(sheet, counter, { x: sheet.right - counterWidth, y, width: counterWidth }, style, {
      align: 'right',
    });
    doc.page.margins.bottom = margin;
  }
}

/** The watermark across the page centre, shrunk when the text would run off the page. */
function drawWatermark(sheet: Sheet, text: string): void {
  const { doc, layout } = sheet;
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  const width = Math.hypot(doc.page.width, doc.page.height) * 0.7;
  const wanted = { size: layout.fontSizes.watermark, color: layout.colors.watermark, bold: true };
  const style = fitOnOneLine(sheet, text, width, wanted);
  doc.save();
  doc.rotate(layout.watermark.angle, { origin: [cx, cy] });
  doc.fillOpacity(layout.watermark.opacity);
  write(sheet, text, { x: cx - width / 2, y: cy - style.size / 2, width }, style, {
    align: 'center',
  });
  doc.restore();
}
