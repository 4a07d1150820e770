/**
 * The cells of one timesheet row read by their meaning (a day, a time, yes or no, tags), in the
 * file's own column names when a cell is refused.
 */
import type { ImportRefusal } from './import-row';
import { parseLocalDay, parseLocalTime, type LocalDay, type LocalTime } from './local-datetime';
import { foldHeader, type ImportField } from './sources';
import type { FileContext } from './timesheet-file';

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
/** A refusal thrown while reading one row, turned into an error entry for that row. */
export class RowRefusal extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.code);
  }
}

/** The file's own name of a column, so the words match what the user sees in the header. */
export function columnName(context: FileContext, field: ImportField): string {
  const index = context.columns[field];
  return index === undefined
    ? (context.layout.columns[field]?.[0] ?? field)
    : context.header[index];
}

export function requiredCell(values: string[], context: FileContext, field: ImportField): string {
  const index = context.columns[field];
  if (index === undefined || index >= values.length) {
    throw new RowRefusal({ code: 'missing_column', column: columnName(context, field) });
  }
  return values[index].trim();
}

/** Optional columns read as empty when absent from the header or cut short on the row. */
export function optionalCell(values: string[], context: FileContext, field: ImportField): string {
  const index = context.columns[field];
  return index === undefined ? '' : (values[index] ?? '').trim();
}

/** The user's name, or their first and last names (Harvest); null when the file has none. */
export function readUserName(values: string[], context: FileContext): string | null {
  const name = optionalCell(values, context, 'userName');
  if (name !== '') return name;
  const parts = [optionalCell(values, context, 'userFirstName')];
  parts.push(optionalCell(values, context, 'userLastName'));
  return parts.filter((part) => part !== '').join(' ') || null;
}

export function readBillable(values: string[], context: FileContext): boolean {
  // Kimai 1 exports have no billable column, nor solidtime's for members who see no rates:
  // everything they export was recorded for billing.
  if (context.columns.billable === undefined) return true;
  const value = optionalCell(values, context, 'billable');
  const folded = foldHeader(value);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  throw new RowRefusal({ code: 'not_yes_or_no', column: columnName(context, 'billable'), value });
}

export function readTags(value: string): string[] {
  const tags = value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

export function readDay(values: string[], context: FileContext, field: ImportField): LocalDay {
  const value = filledCell(values, context, field);
  const day = parseLocalDay(value, context.dateOrder);
  if (!day) {
    const column = columnName(context, field);
    const expected = context.dateOrder ?? 'ISO';
    throw new RowRefusal({ code: 'not_a_date', column, value, expected });
  }
  return day;
}

export function readTime(values: string[], context: FileContext, field: ImportField): LocalTime {
  const value = filledCell(values, context, field);
  const time = parseLocalTime(value);
  if (!time)
    throw new RowRefusal({ code: 'not_a_time', column: columnName(context, field), value });
  return time;
}

export function filledCell(values: string[], context: FileContext, field: ImportField): string {
  const value = requiredCell(values, context, field);
  if (value === '')
    throw new RowRefusal({ code: 'empty_cell', column: columnName(context, field) });
  return value;
}

function foldedSet(words: string[]): Set<string> {
  return new Set(words.map(foldHeader));
}
