import { fitOnOneLine, rule, type Sheet, write } from './sheet';

export interface PageDecorations {
  /** Written at the foot of every page, shrunk to stay on one line. */
  footer: string;
  /** "Page 2/3". */
  pageLabel(page: number, pages: number): string;
  /** Drawn on every page before the footer (a draft's watermark). */
  underlay?(sheet: Sheet): void;
}

const COUNTER_WIDTH = 80;

/**
 * The footer and "Page n/N" on every page, drawn once the content is laid out, when the number
 * of pages is known (the pages are buffered).
 */
export function decoratePages(sheet: Sheet, decorations: PageDecorations): void {
  const { doc, layout } = sheet;
  const { start, count } = doc.bufferedPageRange();
  const style = { size: layout.fontSizes.footer, color: layout.colors.muted };
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    decorations.underlay?.(sheet);
    const y = doc.page.height - layout.footer.distanceFromBottom;
    rule(sheet, y - 5, 0.5, layout.colors.rule);
    const footerWidth = sheet.width - COUNTER_WIDTH;
    const footerStyle = fitOnOneLine(sheet, decorations.footer, footerWidth, style);
    write(sheet, decorations.footer, { x: sheet.left, y, width: footerWidth }, footerStyle);
    const counter = decorations.pageLabel(i - start + 1, count);
    const at = { x: sheet.right - COUNTER_WIDTH, y, width: COUNTER_WIDTH };
    write(sheet, counter, at, style, { align: 'right' });
    doc.page.margins.bottom = margin;
  }
}
