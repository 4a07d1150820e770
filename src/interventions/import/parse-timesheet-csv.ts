import { CsvError } from 'csv-parse';
import { IANAZone } from 'luxon';
import { CsvTable, NotUtf8, readCsvTable } from './csv-table';
import {
  DateOrder,
  ImportError,
  ImportRefusal,
  ImportRow,
  ParsedTimesheet,
  ParseTimesheetOptions,
  TimesheetSource,
  UnreadableFile,
} from './import-row';
import {
  LocalDay,
  LocalTime,
  detectDateOrder,
  isSlashedDate,
  localDateTime,
  localWallClock,
  nextDay,
  durationReadings,
  parseLocalDay,
  parseLocalTime,
  secondsOfDay,
  LocalClock,
  localClock,
} from './local-datetime';
import { ImportField, SOURCE_LAYOUTS, SourceLayout, locateColumns } from './sources';
import { append, inTurns } from './turns';

const MAX_ENTRY_MS = 24 * 3600 * 1000;
/** Kimai rounds its durations; a minute of slack still tells a night entry from a typo. */
const DURATION_SLACK_SECONDS = 60;
const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'ja', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'nein', '']);

/** What every row of one file is read with. */
interface FileContext {
  layout: SourceLayout;
  header: string[];
  columns: Partial<Record<ImportField, number>>;
  dateOrder: DateOrder | null;
  timezone: string;
  clock: LocalClock;
}

/** A refusal thrown while reading one row, turned into an error entry for that row. */
class RowRefusal extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.code);
  }
}

/**
 * Reads a CSV export of Toggl Track, Clockify or Kimai into time entries, local times read in
 * `opts.timezone`: the table read from the request (`readCsvTable`), or the file's text. Every
 * refused line is reported with a code and its figures; a file that cannot be read at all
 * (missing columns, undecidable date format, broken quoting, not UTF-8) gives one on line 1. Rows are read a slice at
 * a time, the event loop running between slices.
 */
export async function parseTimesheetCsv(
  source: TimesheetSource,
  csv: CsvTable | string | Buffer,
  opts: ParseTimesheetOptions,
): Promise<ParsedTimesheet> {
  if (!IANAZone.isValidZone(opts.timezone)) {
    return fileRefused({
      field: 'file',
      reason: `unknown time zone ${opts.timezone}`,
      refusal: { code: 'timezone', timezone: opts.timezone },
    });
  }
  let table: CsvTable;
  try {
    table = typeof csv === 'string' || Buffer.isBuffer(csv) ? await readCsvTable(csv) : csv;
  } catch (error) {
    if (error instanceof NotUtf8) {
      return fileRefused({
        field: 'file',
        reason: error.message,
        refusal: { code: 'encoding', line: error.line },
      });
    }
    if (!(error instanceof CsvError)) throw error;
    return fileRefused({
      field: 'file',
      reason: unreadableCsv(error),
      refusal: { code: 'not_csv', line: csvErrorLine(error) },
    });
  }
  const context = fileContext(SOURCE_LAYOUTS[source], table, opts);
  return 'reason' in context ? fileRefused(context) : readRecords(table, context);
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
function fileContext(
  layout: SourceLayout,
  table: CsvTable,
  { timezone, dateFormat }: ParseTimesheetOptions,
): FileContext | UnreadableFile {
  if (table.header.length === 0) {
    return { field: 'file', reason: 'the file is empty', refusal: { code: 'empty' } };
  }
  const columns = locateColumns(layout, table.header);
  const missing = layout.required.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    const names = missing.map((field) => layout.columns[field]?.[0]).join(', ');
    return {
      field: 'file',
      reason: `missing columns for a ${layout.label} export: ${names}`,
      refusal: { code: 'missing_columns', source: layout.label, columns: names },
    };
  }
  const dateOrder = dateFormat ?? detectDateOrder(dateCells(table, columns));
  if (dateOrder === null && [...dateCells(table, columns)].some(isSlashedDate)) {
    return {
      field: 'dateFormat',
      reason:
        'dates such as 03/04/2026 could be day/month or month/day; choose the date format (DMY or MDY)',
      refusal: { code: 'ambiguous_dates' },
    };
  }
  const clock = localClock(timezone);
  return { layout, header: table.header, columns, dateOrder, timezone, clock };
}

function fileRefused(unreadable: UnreadableFile): ParsedTimesheet {
  return { rows: [], errors: [{ row: 1, ...unreadable.refusal }], unreadable };
}

function* dateCells(table: CsvTable, columns: Partial<Record<ImportField, number>>) {
  for (const { values } of table.records) {
    for (const index of [columns.startDate, columns.endDate]) {
      if (index !== undefined && values[index] !== undefined) yield values[index];
    }
  }
}

async function readRecords(table: CsvTable, context: FileContext): Promise<ParsedTimesheet> {
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  for await (const records of inTurns(table.records)) {
    const read = readSlice(records, context);
    append(rows, read.rows);
    append(errors, read.errors);
  }
  return { rows, errors };
}

function readSlice(records: CsvTable['records'], context: FileContext): ParsedTimesheet {
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  for (const { line, values } of records) {
    try {
      rows.push(readEntry(line, values, context));
    } catch (error) {
      if (!(error instanceof RowRefusal)) throw error;
      errors.push({ row: line, ...error.refusal });
    }
  }
  return { rows, errors };
}

function readEntry(line: number, values: string[], context: FileContext): ImportRow {
  const { start, end } = readInterval(values, context);
  const activity = optionalCell(values, context, 'activity');
  return {
    row: line,
    clientName: requiredCell(values, context, 'client'),
    projectName: requiredCell(values, context, 'project'),
    activityName: activity === '' ? null : activity,
    description: optionalCell(values, context, 'description'),
    start,
    end,
    billable: readBillable(values, context),
    tags: readTags(optionalCell(values, context, 'tags')),
    userName: optionalCell(values, context, 'userName') || null,
    userEmail: optionalCell(values, context, 'userEmail') || null,
  };
}

/** The file's own name of a column, so the words match what the user sees in the header. */
function columnName(context: FileContext, field: ImportField): string {
  const index = context.columns[field];
  return index === undefined
    ? (context.layout.columns[field]?.[0] ?? field)
    : context.header[index];
}

function requiredCell(values: string[], context: FileContext, field: ImportField): string {
  const index = context.columns[field];
  if (index === undefined || index >= values.length) {
    throw new RowRefusal({ code: 'missing_column', column: columnName(context, field) });
  }
  return values[index].trim();
}

/** Optional columns read as empty when absent from the header or cut short on the row. */
function optionalCell(values: string[], context: FileContext, field: ImportField): string {
  const index = context.columns[field];
  return index === undefined ? '' : (values[index] ?? '').trim();
}

function readBillable(values: string[], context: FileContext): boolean {
  // Kimai 1 exports have no billable column: everything it exports was recorded for billing.
  if (context.columns.billable === undefined) return true;
  const value = optionalCell(values, context, 'billable');
  const folded = value.toLowerCase();
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  throw new RowRefusal({ code: 'not_yes_or_no', column: columnName(context, 'billable'), value });
}

function readTags(value: string): string[] {
  const tags = value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

function readDay(values: string[], context: FileContext, field: ImportField): LocalDay {
  const value = filledCell(values, context, field);
  const day = parseLocalDay(value, context.dateOrder);
  if (!day) {
    const column = columnName(context, field);
    const expected = context.dateOrder ?? 'ISO';
    throw new RowRefusal({ code: 'not_a_date', column, value, expected });
  }
  return day;
}

function readTime(values: string[], context: FileContext, field: ImportField): LocalTime {
  const value = filledCell(values, context, field);
  const time = parseLocalTime(value);
  if (!time)
    throw new RowRefusal({ code: 'not_a_time', column: columnName(context, field), value });
  return time;
}

function filledCell(values: string[], context: FileContext, field: ImportField): string {
  const value = requiredCell(values, context, field);
  if (value === '')
    throw new RowRefusal({ code: 'empty_cell', column: columnName(context, field) });
  return value;
}

function readInterval(values: string[], context: FileContext): { start: Date; end: Date } {
  const startDay = readDay(values, context, 'startDate');
  const startTime = readTime(values, context, 'startTime');
  const endTime = readTime(values, context, 'endTime');
  const endDay =
    context.columns.endDate !== undefined
      ? readDay(values, context, 'endDate')
      : endDayFromDuration(values, context, startDay, startTime, endTime);
  const start = instant(startDay, startTime, context, 'startTime');
  const end = instant(endDay, endTime, context, 'endTime');
  checkInterval(start, end, context);
  return { start, end };
}

/**
 * Without an end date (Kimai), an end time before the start time means the entry ran past
 * midnight only when the exported duration agrees; otherwise it is a typo worth refusing.
 */
function endDayFromDuration(
  values: string[],
  context: FileContext,
  startDay: LocalDay,
  startTime: LocalTime,
  endTime: LocalTime,
): LocalDay {
  const sameDaySeconds = secondsOfDay(endTime) - secondsOfDay(startTime);
  if (sameDaySeconds > 0) return startDay;
  const overnight = sameDaySeconds + 24 * 3600;
  const readings = durationReadings(optionalCell(values, context, 'duration'));
  if (readings.some((seconds) => Math.abs(seconds - overnight) <= DURATION_SLACK_SECONDS)) {
    return nextDay(startDay);
  }
  throw new RowRefusal({
    code: 'overnight_unclear',
    startColumn: columnName(context, 'startTime'),
    startTime: optionalCell(values, context, 'startTime'),
    endColumn: columnName(context, 'endTime'),
    endTime: optionalCell(values, context, 'endTime'),
    durationColumn: columnName(context, 'duration'),
    duration: optionalCell(values, context, 'duration'),
  });
}

function instant(day: LocalDay, time: LocalTime, context: FileContext, field: ImportField): Date {
  const result = context.clock(day, time);
  if (result) return result;
  throw new RowRefusal({
    code: 'clocks_forward',
    column: columnName(context, field),
    at: localDateTime(day, time),
    timezone: context.timezone,
  });
}

function checkInterval(start: Date, end: Date, context: FileContext): void {
  const lasted = end.getTime() - start.getTime();
  if (lasted <= 0) {
    throw new RowRefusal({
      code: 'end_not_after_start',
      startColumn: `${columnName(context, 'startDate')}/${columnName(context, 'startTime')}`,
      endColumn:
        context.columns.endDate !== undefined
          ? `${columnName(context, 'endDate')}/${columnName(context, 'endTime')}`
          : columnName(context, 'endTime'),
      start: localWallClock(start, context.timezone),
      end: localWallClock(end, context.timezone),
    });
  }
  if (lasted > MAX_ENTRY_MS) {
    throw new RowRefusal({
      code: 'too_long',
      minutes: Math.round(lasted / 60000),
      maxMinutes: MAX_ENTRY_MS / 60000,
    });
  }
}
