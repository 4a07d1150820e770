/** The checks an auditor's tool first runs on a FEC file, kept apart from building it (fec.ts). */
import { isValidLocalDate } from '../calendar';
import { FEC_COLUMNS } from './fec';

export interface FecProblem {
  /** 1-based line of the file. */
  line: number;
  message: string;
}

/**
 * Checks a FEC the way an auditor's tool would first look at it: the header, 18 columns on
 * every record, dates and amounts in their formats, one side per line, each entry balanced,
 * entries numbered 1, 2, 3… without gaps and in date order.
 */
export function validateFec(content: string): FecProblem[] {
  const lines = content.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const problems: FecProblem[] = [];
  if (lines[0] !== FEC_COLUMNS.join('\t')) {
    problems.push({ line: 1, message: 'the header is not the 18 column names of A47 A-1' });
  }
  const records = lines
    .slice(1)
    .map((text, index) => ({ line: index + 2, fields: text.split('\t') }));
  for (const record of records) problems.push(...recordProblems(record.line, record.fields));
  const wellFormed = records.filter((record) => record.fields.length === FEC_COLUMNS.length);
  problems.push(...entryProblems(wellFormed));
  return problems.sort((a, b) => a.line - b.line);
}

const AMOUNT_PATTERN = /^\d+,\d{2}$/;
const COLUMN = Object.fromEntries(FEC_COLUMNS.map((name, index) => [name, index])) as Record<
  (typeof FEC_COLUMNS)[number],
  number
>;

function recordProblems(line: number, fields: string[]): FecProblem[] {
  if (fields.length !== FEC_COLUMNS.length) {
    return [{ line, message: `${fields.length} columns, expected ${FEC_COLUMNS.length}` }];
  }
  const problems: string[] = [];
  for (const name of ['EcritureDate', 'PieceDate', 'ValidDate'] as const) {
    if (!isCompactDate(fields[COLUMN[name]])) problems.push(`${name} is not a date YYYYMMDD`);
  }
  for (const name of [
    'JournalCode',
    'EcritureNum',
    'CompteNum',
    'PieceRef',
    'EcritureLib',
  ] as const) {
    if (fields[COLUMN[name]] === '') problems.push(`${name} is empty`);
  }
  const [debit, credit] = [fields[COLUMN.Debit], fields[COLUMN.Credit]];
  if (!AMOUNT_PATTERN.test(debit) || !AMOUNT_PATTERN.test(credit)) {
    problems.push(`amounts "${debit}" / "${credit}" are not like 1234,56`);
  } else if (parseCents(debit) !== 0 && parseCents(credit) !== 0) {
    problems.push('a line has both a debit and a credit');
  }
  return problems.map((message) => ({ line, message }));
}

function entryProblems(records: readonly { line: number; fields: string[] }[]): FecProblem[] {
  const problems: FecProblem[] = [];
  let expected = 1;
  let previousDate = '';
  for (const entry of contiguousEntries(records)) {
    const { num, line, date, balance } = entry;
    if (num !== String(expected)) {
      problems.push({ line, message: `entry number ${num}, expected ${expected}` });
    }
    if (date < previousDate) {
      problems.push({ line, message: `entry ${num} is dated before the previous one` });
    }
    if (balance !== 0) {
      problems.push({ line, message: `entry ${num} is off balance by ${balance} cents` });
    }
    // Resume from the number found, so one gap is reported once.
    expected = Number.isSafeInteger(Number(num)) ? Number(num) + 1 : expected + 1;
    previousDate = date;
  }
  return problems;
}

/** Consecutive records sharing an EcritureNum, with their debit minus credit in cents. */
function contiguousEntries(
  records: readonly { line: number; fields: string[] }[],
): { num: string; line: number; date: string; balance: number }[] {
  const entries: { num: string; line: number; date: string; balance: number }[] = [];
  for (const { line, fields } of records) {
    const num = fields[COLUMN.EcritureNum];
    let entry = entries[entries.length - 1];
    if (entry?.num !== num) {
      entry = { num, line, date: fields[COLUMN.EcritureDate], balance: 0 };
      entries.push(entry);
    }
    entry.balance += safeCents(fields[COLUMN.Debit]) - safeCents(fields[COLUMN.Credit]);
  }
  return entries;
}

function isCompactDate(value: string): boolean {
  return (
    /^\d{8}$/.test(value) &&
    isValidLocalDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`)
  );
}

function parseCents(amount: string): number {
  const [units, fraction] = amount.split(',');
  return Number(units) * 100 + Number(fraction);
}

/** A malformed amount is reported by recordProblems; here it counts as 0. */
function safeCents(amount: string): number {
  return AMOUNT_PATTERN.test(amount) ? parseCents(amount) : 0;
}
