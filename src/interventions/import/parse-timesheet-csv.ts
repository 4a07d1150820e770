import { IANAZone } from 'luxon';
import { readCsvTable, type CsvTable } from './csv-table';
import type {
  ImportError,
  ImportRow,
  ParsedTimesheet,
  ParseTimesheetOptions,
  TimesheetSource,
} from './import-row';
import { SOURCE_LAYOUTS } from './sources';
import { NotText, NotUtf8 } from './text-encoding';
import { optionalCell, readBillable, readTags, readUserName, RowRefusal } from './timesheet-cells';
import {
  csvErrorLine,
  csvParse,
  fileContext,
  fileRefused,
  unreadableCsv,
  type FileContext,
} from './timesheet-file';
import { readInterval } from './timesheet-interval';
import { append, inTurns } from './turns';

export { csvErrorLine, unreadableCsv } from './timesheet-file';

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
