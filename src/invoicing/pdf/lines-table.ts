import { TABLE_COLUMNS, type TableColumn } from './invoice-template';
import type { InvoiceWording } from './invoice-wording';
import { fitOnOneLine, measure, newPage, type Sheet, type TextStyle, write } from './sheet';

/**
 * The table of invoice lines. It breaks across pages between lines (and between the
 * interventions listed under a line), with the header row repeated at the top of each page.
 */

interface Column {
  key: TableColumn;
  x: number;
  width: number;
  align: 'left' | 'right';
}

type Row = InvoiceWording['rows'][number];
type Heads = InvoiceWording['columns'];

const RIGHT_ALIGNED: readonly TableColumn[] = ['quantity', 'unitPrice', 'vatRate', 'amount'];

/** Draws the table from `y` and returns the y below it (maybe on a later page). */
export function drawLinesTable(sheet: Sheet, wording: InvoiceWording, y: number): number {
  const columns = tableColumns(sheet);
  const firstRow = wording.rows[0];
  const opening =
    headerHeight(sheet, columns, wording.columns) +
    (firstRow ? rowHeight(sheet, columns, firstRow) : 0);
  let cursor = drawHeader(
    sheet,
    columns,
    wording.columns,
    y + opening > sheet.bottom ? newPage(sheet) : y,
  );
  for (const row of wording.rows) cursor = drawRow(sheet, columns, wording.columns, row, cursor);
  return cursor;
}

/** The layout's widths are relative: scaled so the table spans the page between margins. */
function tableColumns(sheet: Sheet): Column[] {
  const widths = sheet.layout.table.columnWidths;
  const scale = sheet.width / TABLE_COLUMNS.reduce((sum, key) => sum + widths[key], 0);
  let x = sheet.left;
  return TABLE_COLUMNS.map((key) => {
    const column: Column = {
      key,
      x,
      width: widths[key] * scale,
      align: RIGHT_ALIGNED.includes(key) ? 'right' : 'left',
    };
    x += column.width;
    return column;
  });
}

function headStyle(sheet: Sheet): TextStyle {
  return {
    size: sheet.layout.fontSizes.tableHeader,
    color: sheet.layout.colors.tableHeaderText,
    bold: true,
  };
}

function cellStyle(sheet: Sheet): TextStyle {
  return { size: sheet.layout.fontSizes.tableRow, color: sheet.layout.colors.text };
}

function detailStyle(sheet: Sheet): TextStyle {
  return { size: sheet.layout.fontSizes.detail, color: sheet.layout.colors.muted };
}

type CellStyle = (column: Column, text: string) => TextStyle;

const headCellStyle =
  (sheet: Sheet): CellStyle =>
  () =>
    headStyle(sheet);

/** Descriptions wrap; figures shrink rather than wrap, so an amount is never split. */
const lineCellStyle =
  (sheet: Sheet): CellStyle =>
  (column, text) => {
    const style = cellStyle(sheet);
    if (column.key === 'description') return style;
    return fitOnOneLine(sheet, text, column.width - 2 * sheet.layout.table.cellPadding, style);
  };

/** The height of a row of cells: its tallest wrapped cell plus padding. */
function cellsHeight(
  sheet: Sheet,
  columns: Column[],
  cells: Record<TableColumn, string>,
  styleOf: CellStyle,
): number {
  const pad = sheet.layout.table.cellPadding;
  const heights = columns.map((c) =>
    measure(sheet, cells[c.key], c.width - 2 * pad, styleOf(c, cells[c.key])),
  );
  return Math.max(...heights) + 2 * pad;
}

function headerHeight(sheet: Sheet, columns: Column[], heads: Heads): number {
  return cellsHeight(sheet, columns, heads, headCellStyle(sheet));
}

function rowHeight(sheet: Sheet, columns: Column[], row: Row): number {
  return cellsHeight(sheet, columns, row.cells, lineCellStyle(sheet));
}

function drawCells(
  sheet: Sheet,
  columns: Column[],
  cells: Record<TableColumn, string>,
  y: number,
  styleOf: CellStyle,
): void {
  const pad = sheet.layout.table.cellPadding;
  for (const c of columns) {
    const at = { x: c.x + pad, y: y + pad, width: c.width - 2 * pad };
    write(sheet, cells[c.key], at, styleOf(c, cells[c.key]), { align: c.align });
  }
}

function drawHeader(sheet: Sheet, columns: Column[], heads: Heads, y: number): number {
  const height = headerHeight(sheet, columns, heads);
  sheet.doc
    .rect(sheet.left, y, sheet.width, height)
    .fill(sheet.layout.colors.tableHeaderBackground);
  drawCells(sheet, columns, heads, y, headCellStyle(sheet));
  return y + height;
}

/** A new page when `height` does not fit below `y`, with the header row repeated. */
function roomInTable(
  sheet: Sheet,
  columns: Column[],
  heads: Heads,
  y: number,
  height: number,
): number {
  return y + height > sheet.bottom ? drawHeader(sheet, columns, heads, newPage(sheet)) : y;
}

function drawRow(sheet: Sheet, columns: Column[], heads: Heads, row: Row, y: number): number {
  const { cellPadding: pad, detailIndent, rowGap } = sheet.layout.table;
  const height = rowHeight(sheet, columns, row);
  let cursor = roomInTable(sheet, columns, heads, y, height);
  drawCells(sheet, columns, row.cells, cursor, lineCellStyle(sheet));
  cursor += height;
  const x = sheet.left + pad + detailIndent;
  const width = sheet.right - pad - x;
  for (const detail of row.details) {
    const detailHeight = measure(sheet, detail, width, detailStyle(sheet));
    cursor = roomInTable(sheet, columns, heads, cursor, detailHeight);
    cursor = write(sheet, detail, { x, y: cursor, width }, detailStyle(sheet));
  }
  if (row.details.length > 0) cursor += pad;
  sheet.doc
    .moveTo(sheet.left, cursor)
    .lineTo(sheet.right, cursor)
    .lineWidth(0.5)
    .strokeColor(sheet.layout.colors.rule)
    .stroke();
  return cursor + rowGap;
}
