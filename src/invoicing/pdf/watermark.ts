import { fitOnOneLine, type Sheet, write } from '../../documents/sheet';
import type { InvoiceLayout } from './invoice-template';

/** A draft's watermark across the page centre, shrunk when the text would run off the page. */
export function drawWatermark(sheet: Sheet<InvoiceLayout>, text: string): void {
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
