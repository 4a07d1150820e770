/**
 * The reports on the document kit: a report's document and look (its section headings, its
 * tables, its footer with "Page n/N"), read from templates/reports/layout.json.
 */
import { type Chart, drawChart, paperFrame } from '../../documents/charts';
import { decoratePages } from '../../documents/page-decorations';
import {
  openDocument,
  type OpenedDocument,
  roomFor,
  rule,
  type Sheet,
  write,
} from '../../documents/sheet';
import { drawTable, type TableLook } from '../../documents/table';
import { formatDate, type FormatLocale } from '../../common/format';
import { fill, type ReportLayout, type ReportTexts } from '../report-template';

export type ReportSheet = Sheet<ReportLayout>;
export type OpenedReport = OpenedDocument<ReportLayout>;

export function openReport(
  layout: ReportLayout,
  locale: FormatLocale,
  title: string,
): OpenedReport {
  return openDocument(layout, { lang: locale, info: { Title: title } });
}

/** The report's title and, under it in muted type, its subtitle lines; returns the y below. */
export function writeTitle(
  sheet: ReportSheet,
  title: string,
  subtitles: readonly string[],
): number {
  const { fontSizes, colors } = sheet.layout;
  const at = (y: number) => ({ x: sheet.left, y, width: sheet.width });
  const below = write(sheet, title, at(sheet.top), { size: fontSizes.title, bold: true }) + 1;
  const muted = { size: fontSizes.subtitle, color: colors.muted };
  return subtitles.reduce((y, line) => write(sheet, line, at(y + 1), muted), below) + 12;
}

/** A section heading with a rule under it; kept with at least `keep` points of what follows. */
export function heading(sheet: ReportSheet, text: string, y: number, keep = 60): number {
  const size = sheet.layout.fontSizes.heading;
  const top = roomFor(sheet, y, size * 2 + keep);
  const at = { x: sheet.left, y: top, width: sheet.width };
  const below = write(sheet, text, at, { size, bold: true });
  rule(sheet, below + 1, 0.5, sheet.layout.colors.rule);
  return below + 6;
}

export interface ReportColumn {
  /** A table whose headers are all empty (labels and values) has no header row. */
  header: string;
  /** Relative width, scaled to the page width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A table whose rows break across pages, the header repeated on each new page. */
export function table(
  sheet: ReportSheet,
  y: number,
  columns: readonly ReportColumn[],
  rows: readonly (readonly string[])[],
): number {
  const headers = columns.map((c) => c.header);
  const head = headers.some((h) => h !== '') ? headers : null;
  const cells = rows.map((row) => ({ cells: row }));
  return drawTable(sheet, { columns, head, rows: cells, look: tableLook(sheet.layout) }, y) + 8;
}

function tableLook({ colors, fontSizes, table: sizes }: ReportLayout): TableLook {
  return {
    head: { size: fontSizes.table, bold: true },
    headBackground: colors.tableHeaderBackground,
    cell: { size: fontSizes.table },
    detail: { size: fontSizes.small, color: colors.muted },
    cellPadding: sizes.cellPadding,
    detailIndent: 0,
    rowGap: 0,
    rule: { width: 0.3, color: colors.grid },
  };
}

/** A chart under its title, in the report's sizes, and the gap below it. */
export function reportChart(sheet: ReportSheet, y: number, chart: Chart): number {
  const { charts, fontSizes } = sheet.layout;
  const frame = paperFrame(sheet, {
    height: charts.height,
    fontSize: fontSizes.axis,
    band: charts.stackedBarHeight,
    legendRow: charts.legendRowHeight,
  });
  const title = { size: fontSizes.body, bold: true };
  return drawChart(sheet, y, chart, { frame, title }) + charts.gapBelow;
}

export interface Edition {
  locale: FormatLocale;
  practiceName: string;
  /** The practice's local day the report was made. */
  today: string;
}

/** "Edited on <day> · <practice>" and "Page n/N" at the foot of every page, then the PDF's bytes. */
export function finishReport(
  report: OpenedReport,
  texts: ReportTexts,
  { locale, practiceName, today }: Edition,
): Promise<Buffer> {
  decoratePages(report.sheet, {
    footer: fill(texts.generated, { date: formatDate(today, locale), practice: practiceName }),
    pageLabel: (page, pages) => fill(texts.page, { page, pages }),
  });
  return report.close();
}
