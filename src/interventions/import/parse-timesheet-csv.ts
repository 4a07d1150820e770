import { onFirstUse } from '../../common/on-first-use';
import type * as CsvParse from 'csv-parse';
import type { CsvError } from 'csv-parse';
import { IANAZone } from 'luxon';
import { CsvTable, readCsvTable } from './csv-table';
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
  DatedCell,
  LocalDay,
  LocalTime,
  dateOrderEvidence,
  datePart,
  localDateTime,
  localWallClock,
  nextDay,
  durationReadings,
  hoursToSeconds,
  parseLocalDateTime,
  parseLocalDay,
  parseLocalTime,
  secondsOfDay,
  LocalClock,
  localClock,
} from './local-datetime';
import {
  ImportField,
  SOURCE_LAYOUTS,
  SourceLayout,
  TimeColumns,
  foldHeader,
  locateColumns,
  missingColumns,
  timeColumns,
} from './sources';
import { NotText, NotUtf8 } from './text-encoding';
import { append, inTurns } from './turns';

const csvParse = onFirstUse<typeof CsvParse>('csv-parse');

const MAX_ENTRY_MS = 24 * 3600 * 1000;
/** Kimai rounds its durations; a minute of slack still tells a night entry from a typo. */
const DURATION_SLACK_SECONDS = 60;
/**
 * Yes and no as the tools write them in the languages they export in (compared folded: without
 * case or accents, so "Sí" and "Não" are "si" and "nao").
 */
const YES = foldedSet([
  ...['yes', 'y', 'true', '1', 'x', 'oui', 'vrai', 'ja', 'wahr', 'sí', 'sì', 'sim', 'verdadero'],
  ...['tak', 'ano', 'igen', 'kyllä', 'evet', 'да', 'はい', '是', '是的', '예', '네', '✓', '✔'],
]);
const NO = foldedSet([
  ...['no', 'n', 'false', '0', '', 'non', 'faux', 'nein', 'falsch', 'não', 'falso', 'nee'],
  ...[
    'nie',
    'ne',
    'nej',
    'nei',
    'ei',
    'hayır',
    'hayir',
    'нет',
    'いいえ',
    '否',
    '아니요',
    '아니오',
    '-',
  ],
]);
/** Where a day's work begins when the import is not told (durations without times of day). */
const DEFAULT_DAY_START: LocalTime = { hour: 9, minute: 0, second: 0 };

/** What every row of one file is read with. */
interface FileContext {
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

/** A refusal thrown while reading one row, turned into an error entry for that row. */
class RowRefusal extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.code);
  }
}

/**
 * Reads a CSV export of Toggl Track, Clockify, Kimai, solidtime or Harvest into time entries,
 * local times read in `opts.timezone`: the table read from the request (`readCsvTable`), or the
 * file's bytes or text. Every refused line is reported with a code and its figures; a file that
 * cannot be read at all (missing columns, undecidable date order, broken quoting, no text) gives
 * one on line 1. Rows are read a slice at a time, the event loop running between slices.
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
    if (error instanceof NotUtf8 || error instanceof NotText) {
      const code = error instanceof NotUtf8 ? 'encoding' : 'not_text';
      return fileRefused({
        field: 'file',
        reason: error.message,
        refusal: { code, line: error.line },
      });
    }
    if (!(error instanceof csvParse().CsvError)) throw error;
    return fileRefused({
      field: 'file',
      reason: unreadableCsv(error),
      refusal: { code: 'not_csv', line: csvErrorLine(error) },
    });
  }
  const context = fileContext(SOURCE_LAYOUTS[source], table, opts);
  if ('reason' in context) return fileRefused(context);
  return { ...(await readRecords(table, context)), dateOrder: context.dateOrder };
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

function fileRefused(unreadable: UnreadableFile): ParsedTimesheet {
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
    clientName: optionalCell(values, context, 'client'),
    projectName: optionalCell(values, context, 'project'),
    activityName: activity === '' ? null : activity,
    description: optionalCell(values, context, 'description'),
    start,
    end,
    billable: readBillable(values, context),
    tags: readTags(optionalCell(values, context, 'tags')),
    userName: readUserName(values, context),
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

/** The user's name, or their first and last names (Harvest); null when the file has none. */
function readUserName(values: string[], context: FileContext): string | null {
  const name = optionalCell(values, context, 'userName');
  if (name !== '') return name;
  const parts = [optionalCell(values, context, 'userFirstName')];
  parts.push(optionalCell(values, context, 'userLastName'));
  return parts.filter((part) => part !== '').join(' ') || null;
}

function readBillable(values: string[], context: FileContext): boolean {
  // Kimai 1 exports have no billable column, nor solidtime's for members who see no rates:
  // everything they export was recorded for billing.
  if (context.columns.billable === undefined) return true;
  const value = optionalCell(values, context, 'billable');
  const folded = foldHeader(value);
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
  const { start, end } =
    context.times === 'date_times'
      ? {
          start: readDateTime(values, context, 'startAt'),
          end: readDateTime(values, context, 'endAt'),
        }
      : context.times === 'durations'
        ? laidEndToEnd(values, context)
        : fromDatesAndTimes(values, context);
  checkInterval(start, end, context);
  return { start, end };
}

function fromDatesAndTimes(values: string[], context: FileContext): { start: Date; end: Date } {
  const startDay = readDay(values, context, 'startDate');
  const startTime = readTime(values, context, 'startTime');
  const endTime = readTime(values, context, 'endTime');
  const endDay =
    context.columns.endDate !== undefined
      ? readDay(values, context, 'endDate')
      : endDayFromDuration(values, context, startDay, startTime, endTime);
  const start = instant(startDay, startTime, context, 'startTime');
  const end = instant(endDay, endTime, context, 'endTime');
  return { start, end };
}

function readDateTime(values: string[], context: FileContext, field: 'startAt' | 'endAt'): Date {
  const value = filledCell(values, context, field);
  const read = parseLocalDateTime(value, context.dateOrder);
  if (!read) {
    throw new RowRefusal({
      code: 'not_a_date',
      column: columnName(context, field),
      value,
      expected: context.dateOrder ?? 'ISO',
    });
  }
  return instant(read.day, read.time, context, field);
}

/**
 * A day and a duration, without times of day (Harvest): the day's entries, in the file's order,
 * follow one another from the day's start.
 */
function laidEndToEnd(values: string[], context: FileContext): { start: Date; end: Date } {
  const day = readDay(values, context, 'startDate');
  const value = filledCell(values, context, 'duration');
  const seconds = hoursToSeconds(value);
  const column = columnName(context, 'duration');
  if (seconds === null) throw new RowRefusal({ code: 'not_a_duration', column, value });
  if (seconds === 0) throw new RowRefusal({ code: 'no_duration', column, value });
  const key = localDateTime(day, DEFAULT_DAY_START).slice(0, 10);
  const from = context.dayCursors.get(key) ?? secondsOfDay(context.dayStart(day));
  if (from + seconds > 24 * 3600) throw new RowRefusal({ code: 'day_full', date: key });
  context.dayCursors.set(key, from + seconds);
  const time = {
    hour: Math.floor(from / 3600),
    minute: Math.floor(from / 60) % 60,
    second: from % 60,
  };
  const start = instant(day, time, context, 'startDate');
  return { start, end: new Date(start.getTime() + seconds * 1000) };
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

/** The columns a row's start and end are read from, as the file names them. */
function intervalColumns(context: FileContext): { startColumn: string; endColumn: string } {
  if (context.times === 'date_times') {
    return { startColumn: columnName(context, 'startAt'), endColumn: columnName(context, 'endAt') };
  }
  return {
    startColumn: `${columnName(context, 'startDate')}/${columnName(context, 'startTime')}`,
    endColumn:
      context.columns.endDate !== undefined
        ? `${columnName(context, 'endDate')}/${columnName(context, 'endTime')}`
        : columnName(context, 'endTime'),
  };
}

function checkInterval(start: Date, end: Date, context: FileContext): void {
  const lasted = end.getTime() - start.getTime();
  if (lasted <= 0) {
    throw new RowRefusal({
      code: 'end_not_after_start',
      ...intervalColumns(context),
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

function foldedSet(words: string[]): Set<string> {
  return new Set(words.map(foldHeader));
}
