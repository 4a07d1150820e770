import { fitOnOneLine, measure, newPage, rule, type Sheet, type TextStyle, write } from './sheet';

/**
 * A table spanning the sheet between its margins. It breaks across pages between rows (and
 * between the detail lines listed under a row), with its header row repeated at the top of
 * each page.
 */

export interface TableColumn {
  /** Relative: the widths are scaled so the table spans the page between the margins. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Its cells shrink rather than wrap, so a figure is never split. */
  oneLine?: boolean;
}

export interface TableRow {
  cells: readonly string[];
  /** Smaller lines under the row, indented, across the whole table. */
  details?: readonly string[];
}

export interface TableLook {
  head: TextStyle;
  headBackground: string;
  cell: TextStyle;
  detail: TextStyle;
  cellPadding: number;
  detailIndent: number;
  /** Below each row's rule. */
  rowGap: number;
  /** The rule under each row. */
  rule: { width: number; color: string };
}

export interface Table {
  columns: readonly TableColumn[];
  /** No header row (a table of labels and values) when null. */
  head: readonly string[] | null;
  rows: readonly TableRow[];
  look: TableLook;
}

interface Placed {
  x: number;
  width: number;
  align: 'left' | 'right' | 'center';
  oneLine: boolean;
}

type CellStyle = (column: Placed, text: string) => TextStyle;

/** Draws the table from `y` (on a new page unless its header and first row fit) and returns the y below it. */
export function drawTable(sheet: Sheet, table: Table, y: number): number {
  const columns = placeColumns(sheet, table.columns);
  const firstRow = table.rows[0];
  const opening =
    headHeight(sheet, columns, table) + (firstRow ? rowHeight(sheet, columns, table, firstRow) : 0);
  let cursor = drawHead(sheet, columns, table, y + opening > sheet.bottom ? newPage(sheet) : y);
  for (const row of table.rows) cursor = drawRow(sheet, columns, table, row, cursor);
  return cursor;
}

function placeColumns(sheet: Sheet, columns: readonly TableColumn[]): Placed[] {
  const scale = sheet.width / columns.reduce((sum, column) => sum + column.width, 0);
  let x = sheet.left;
  return columns.map((column) => {
    const placed: Placed = {
      x,
      width: column.width * scale,
      align: column.align ?? 'left',
      oneLine: column.oneLine ?? false,
    };
    x += placed.width;
    return placed;
  });
}

const headCellStyle =
  (table: Table): CellStyle =>
  () =>
    table.look.head;

const bodyCellStyle =
  (sheet: Sheet, table: Table): CellStyle =>
  (column, text) => {
    const { cell, cellPadding } = table.look;
    return column.oneLine ? fitOnOneLine(sheet, text, column.width - 2 * cellPadding, cell) : cell;
  };

/** The height of a row of cells: its tallest wrapped cell plus padding. */
function cellsHeight(
  sheet: Sheet,
  columns: Placed[],
  cells: readonly string[],
  pad: number,
  styleOf: CellStyle,
): number {
  const heights = columns.map((c, i) =>
    measure(sheet, cells[i], c.width - 2 * pad, styleOf(c, cells[i])),
  );
  return Math.max(...heights) + 2 * pad;
}

function headHeight(sheet: Sheet, columns: Placed[], table: Table): number {
  if (!table.head) return 0;
  return cellsHeight(sheet, columns, table.head, table.look.cellPadding, headCellStyle(table));
}

function rowHeight(sheet: Sheet, columns: Placed[], table: Table, row: TableRow): number {
  const pad = table.look.cellPadding;
  return cellsHeight(sheet, columns, row.cells, pad, bodyCellStyle(sheet, table));
}

function drawCells(
  sheet: Sheet,
  columns: Placed[],
  cells: readonly string[],
  y: number,
  pad: number,
  styleOf: CellStyle,
): void {
  columns.forEach((c, i) => {
    const at = { x: c.x + pad, y: y + pad, width: c.width - 2 * pad };
    write(sheet, cells[i], at, styleOf(c, cells[i]), { align: c.align });
  });
}

function drawHead(sheet: Sheet, columns: Placed[], table: Table, y: number): number {
  if (!table.head) return y;
  const height = headHeight(sheet, columns, table);
  sheet.doc.rect(sheet.left, y, sheet.width, height).fill(table.look.headBackground);
  drawCells(sheet, columns, table.head, y, table.look.cellPadding, headCellStyle(table));
  return y + height;
}

/** A new page when `height` does not fit below `y`, with the header row repeated. */
function roomInTable(
  sheet: Sheet,
  columns: Placed[],
  table: Table,
  y: number,
  height: number,
): number {
  return y + height > sheet.bottom ? drawHead(sheet, columns, table, newPage(sheet)) : y;
}

function drawRow(sheet: Sheet, columns: Placed[], table: Table, row: TableRow, y: number): number {
  const { cellPadding: pad, detailIndent, detail, rowGap } = table.look;
  const height = rowHeight(sheet, columns, table, row);
  let cursor = roomInTable(sheet, columns, table, y, height);
  drawCells(sheet, columns, row.cells, cursor, pad, bodyCellStyle(sheet, table));
  cursor += height;
  const x = sheet.left + pad + detailIndent;
  const width = sheet.right - pad - x;
  const details = row.details ?? [];
  for (const line of details) {
    cursor = roomInTable(sheet, columns, table, cursor, measure(sheet, line, width, detail));
    cursor = write(sheet, line, { x, y: cursor, width }, detail);
  }
  if (details.length > 0) cursor += pad;
  rule(sheet, cursor, table.look.rule.width, table.look.rule.color);
  return cursor + rowGap;
}
