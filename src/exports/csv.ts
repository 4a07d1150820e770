/**
 * CSV for spreadsheets and accounting tools: UTF-8 with a BOM (so Excel reads the accents),
 * CRLF line ends, and the separator and decimal mark of the user's locale, since a French
 * Excel splits on ";" and reads "1234,56" as a number.
 */
import type * as CsvStringify from 'csv-stringify/sync';
import { onFirstUse } from '../common/on-first-use';

const csvStringify = onFirstUse<typeof CsvStringify>('csv-stringify/sync');

export type CsvLocale = 'fr' | 'en';
export type CsvCell = string | number | null;

const SEPARATOR: Record<CsvLocale, string> = { fr: ';', en: ',' };
const DECIMAL_MARK: Record<CsvLocale, string> = { fr: ',', en: '.' };

/** A plain number is data; any other text starting like a formula is neutralised. */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(rows: readonly (readonly CsvCell[])[], opts: { locale: CsvLocale }): string {
  const cells = rows.map((row) => row.map((cell) => csvCell(cell, opts.locale)));
  return csvStringify().stringify(cells, {
    bom: true,
    delimiter: SEPARATOR[opts.locale],
    record_delimiter: 'windows',
    quote_record_delimiter: true,
  });
}

/** Cents as a decimal amount without thousands separator: 123456 → "1234,56" / "1234.56". */
export function centsToDecimal(cents: number, locale: CsvLocale): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const magnitude = Math.abs(cents);
  const units = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${units}${DECIMAL_MARK[locale]}${fraction}`;
}

/** A plain number in the locale's decimal mark, never in exponent notation. */
export function formatCsvNumber(value: number, locale: CsvLocale): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const text = Number.isInteger(value)
    ? value.toFixed(0)
    : value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return text.replace('.', DECIMAL_MARK[locale]);
}

function csvCell(cell: CsvCell, locale: CsvLocale): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatCsvNumber(cell, locale);
  // A client name like "=HYPERLINK(...)" would run as a formula in a spreadsheet (CSV
  // injection, OWASP): a leading apostrophe makes it text.
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
