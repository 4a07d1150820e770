/**
 * What a timesheet file as a whole is read with: its layout's columns located in the header,
 * the order of its slashed dates, its zone; or why the file cannot be read at all.
 */
import { onFirstUse } from '../../common/on-first-use';
import type * as CsvParse from 'csv-parse';
import type { CsvError } from 'csv-parse';
import type { CsvTable } from './csv-table';
import type {
  DateOrder,
  ParsedTimesheet,
  ParseTimesheetOptions,
  UnreadableFile,
} from './import-row';
import {
  dateOrderEvidence,
  datePart,
  localClock,
  type DatedCell,
  type LocalClock,
  type LocalDay,
  type LocalTime,
} from './local-datetime';
import {
  locateColumns,
  missingColumns,
  timeColumns,
  type ImportField,
  type SourceLayout,
  type TimeColumns,
} from './sources';

export const csvParse = onFirstUse<typeof CsvParse>('csv-parse');

/** Where a day's work begins when the import is not told (durations without times of day). */
export const DEFAULT_DAY_START: LocalTime = { hour: 9, minute: 0, second: 0 };

/** What every row of one file is read with. */
export interface FileContext {
  layout: SourceLayout;
  header: string[];
  columns: Partial<Record<ImportField, number>>;
  times: TimeColumns;
  dateOrder: DateOrder | null;
  timezone: string;
  clock: LocalClock;
  dayStart: (day: LocalDay) => LocalTime;
  /** Durations only: the local second of each day where its next entry begins. */
  dayCursors: Map<string, number>;
}

/** Why csv-parse could not read the file, for logs. */
export function unreadableCsv(error: CsvError): string {
  return `the file is not readable as CSV: ${error.message}`;
}

/** The line csv-parse stopped on, when it says. */
export function csvErrorLine(error: CsvError): number | null {
  const lines = error.lines;
  return typeof lines === 'number' && lines > 0 ? lines : null;
}

/** What every row is read with, or why the file as a whole cannot be read. */
export function fileContext(
  layout: SourceLayout,
  table: CsvTable,
  { timezone, dateFormat, dayStart }: ParseTimesheetOptions,
): FileContext | UnreadableFile {
  if (table.header.length === 0) {
    return { field: 'file', reason: 'the file is empty', refusal: { code: 'empty' } };
  }
  const columns = locateColumns(layout, table.header);
  const missing = missingColumns(layout, columns);
  if (missing.length > 0) {
    const names = missing.join(', ');
    return {
      field: 'file',
      reason: `missing columns for a ${layout.label} export: ${names}`,
      refusal: { code: 'missing_columns', source: layout.label, columns: names },
    };
  }
  const order = dateFormat ?? readDateOrder(table, columns);
  if (typeof order === 'object' && order !== null) return order;
  return {
    layout,
    header: table.header,
    columns,
    times: timeColumns(columns),
    dateOrder: order,
    timezone,
    clock: localClock(timezone),
    dayStart: (day) => ({ second: 0, ...(dayStart?.(day) ?? DEFAULT_DAY_START) }),
    dayCursors: new Map(),
  };
}

/**
 * The order of the file's slashed dates, when some date proves it (a part above 12); null when
 * it has none. Refused when no date tells (the order is then the user's to choose), or when the
 * file is written in both orders.
 */
function readDateOrder(
  table: CsvTable,
  columns: Partial<Record<ImportField, number>>,
): DateOrder | null | UnreadableFile {
  const evidence = dateOrderEvidence(dateCells(table, columns));
  const { order, firstSlashed, dayFirst, monthFirst } = evidence;
  if (order !== null || firstSlashed === null) return order;
  if (dayFirst && monthFirst) {
    return {
      field: 'file',
      reason: `dates are written day first (${dayFirst.value}, line ${dayFirst.line}) and month first (${monthFirst.value}, line ${monthFirst.line})`,
      refusal: {
        code: 'mixed_dates',
        column: dayFirst.column,
        dayFirst: dayFirst.value,
        dayFirstLine: dayFirst.line,
        monthFirst: monthFirst.value,
        monthFirstLine: monthFirst.line,
      },
    };
  }
  const { column, value, line } = firstSlashed;
  return {
    field: 'dateFormat',
    reason: `dates such as ${value} (${column}, line ${line}) could be day/month or month/day, and no date of the file tells; choose the date format (DMY or MDY)`,
    refusal: { code: 'ambiguous_dates', column, value, line },
  };
}

export function fileRefused(unreadable: UnreadableFile): ParsedTimesheet {
  return { rows: [], errors: [{ row: 1, ...unreadable.refusal }], unreadable };
}

/** The date of each date cell, with its line and its column's name. */
function* dateCells(
  table: CsvTable,
  columns: Partial<Record<ImportField, number>>,
): Generator<DatedCell> {
  const fields = (['startDate', 'endDate', 'startAt', 'endAt'] as const).filter(
    (field) => columns[field] !== undefined,
  );
  for (const { line, values } of table.records) {
    for (const field of fields) {
      const index = columns[field]!;
      const value = values[index];
      if (value !== undefined) {
        yield { value: datePart(value), line, column: table.header[index] };
      }
    }
  }
}
