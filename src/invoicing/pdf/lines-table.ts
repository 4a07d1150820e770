import type { Sheet } from '../../documents/sheet';
import { drawTable, type Table } from '../../documents/table';
import { type InvoiceLayout, TABLE_COLUMNS, type TableColumn } from './invoice-template';
import type { InvoiceWording } from './invoice-wording';

/**
 * The table of invoice lines, the interventions of a time line listed under it. It breaks
 * across pages between lines and between interventions, its header repeated on each page.
 */

const RIGHT_ALIGNED: readonly TableColumn[] = ['quantity', 'unitPrice', 'vatRate', 'amount'];

/** Draws the table from `y` and returns the y below it (maybe on a later page). */
export function drawLinesTable(
  sheet: Sheet<InvoiceLayout>,
  wording: InvoiceWording,
  y: number,
): number {
  return drawTable(sheet, linesTable(sheet.layout, wording), y);
}

function linesTable(layout: InvoiceLayout, wording: InvoiceWording): Table {
  const { colors, fontSizes, table } = layout;
  return {
    columns: TABLE_COLUMNS.map((key) => ({
      width: table.columnWidths[key],
      align: RIGHT_ALIGNED.includes(key) ? 'right' : 'left',
      // Descriptions wrap; figures shrink rather than wrap, so an amount is never split.
      oneLine: key !== 'description',
    })),
    head: TABLE_COLUMNS.map((key) => wording.columns[key]),
    rows: wording.rows.map((row) => ({
      cells: TABLE_COLUMNS.map((key) => row.cells[key]),
      details: row.details,
    })),
    look: {
      head: { size: fontSizes.tableHeader, color: colors.tableHeaderText, bold: true },
      headBackground: colors.tableHeaderBackground,
      cell: { size: fontSizes.tableRow, color: colors.text },
      detail: { size: fontSizes.detail, color: colors.muted },
      cellPadding: table.cellPadding,
      detailIndent: table.detailIndent,
      rowGap: table.rowGap,
      rule: { width: 0.5, color: colors.rule },
    },
  };
}
