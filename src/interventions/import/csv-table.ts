import { onFirstUse } from '../../common/on-first-use';
import { pipeline, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type * as CsvParse from 'csv-parse';
import type { Info } from 'csv-parse';
import { DomainError } from '../../common/domain-error';
import { IMPORT_LIMITS, IMPORT_LIMITS_TEXT, ROWS_PER_TURN } from './limits';
import { FileText, type TextEncoding } from './text-encoding';

const csvParse = onFirstUse<typeof CsvParse>('csv-parse');

/**
 * A CSV file read into a header and records, each record with the line it starts on; and how it
 * was read: the encoding of its bytes and the separator of its cells.
 */
export interface CsvTable {
  header: string[];
  records: { line: number; values: string[] }[];
  encoding: TextEncoding;
  separator: CsvSeparator;
}

/** A file as it arrives: all at once, or chunk by chunk from the request. */
export type CsvSource =
  string | Buffer | Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

/** The request field that carried the file, named when it is refused. */
export type CsvField = 'file' | 'csv';

export const CSV_SEPARATORS = [',', ';', '\t', '|'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
/** Text held in memory is handed to the parser this much at a time, like a network stream. */
const SLICE_BYTES = 64 * 1024;
/**
 * The longest line (or quoted cell) read: a time entry takes a few hundred bytes. The parser
 * slows down with the square of an unfinished record, so a file without line breaks is refused
 * early rather than read to its end.
 */
export const MAX_RECORD_BYTES = 256 * 1024;

/**
 * Reads a CSV export as a stream, the event loop running between chunks: its encoding judged
 * and its text turned into UTF-8 (`FileText`, which stops with NotUtf8 or NotText on a file that
 * is no text), its separator read off the header line, and stops with a 413 naming the field as
 * soon as the file passes IMPORT_LIMITS. Short rows are kept (a missing column is reported per
 * row, not for the whole file) and blank lines are skipped, while line numbers stay those of
 * the file. A file that is not CSV at all rejects with csv-parse's CsvError.
 */
export async function readCsvTable(source: CsvSource, field: CsvField = 'file'): Promise<CsvTable> {
  const text = new FileText();
  const chunks = limitedChunks(source, field, text)[Symbol.asyncIterator]();
  const head = await headerChunks(chunks);
  const separator = detectDelimiter(Buffer.concat(head).toString('utf8'));
  const parser = csvParse().parse({
    bom: true,
    delimiter: separator,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const all = async function* (): AsyncGenerator<Buffer> {
    yield* head;
    yield* { [Symbol.asyncIterator]: () => chunks };
  };
  // Errors of the source (a limit passed) reach the loop below through the parser.
  pipeline(Readable.from(all()), parser, () => undefined);
  const table = await collect(parser as AsyncIterable<{ record: string[]; info: Info }>, field);
  return { ...table, encoding: text.encoding, separator };
}

async function collect(
  parsed: AsyncIterable<{ record: string[]; info: Info }>,
  field: CsvField,
): Promise<Pick<CsvTable, 'header' | 'records'>> {
  let header: string[] | null = null;
  const records: CsvTable['records'] = [];
  let previousEnd = 0;
  let previousEmpty = 0;
  let read = 0;
  for await (const { record, info } of parsed) {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    if (++read % ROWS_PER_TURN === 0) await nextTurn();
    if (!record.some((value) => value.trim() !== '')) continue;
    if (header === null) header = record.map((name) => name.trim());
    else if (records.length === IMPORT_LIMITS.rows) {
      throw tooLarge(field, `the file has more than ${IMPORT_LIMITS_TEXT.rows}`, 'rows');
    } else records.push({ line, values: record });
  }
  return { header: header ?? [], records };
}

/**
 * The source in slices of bytes, counted and turned into UTF-8 text by `text`: past
 * IMPORT_LIMITS.bytes, or where the file is no text, the reading stops.
 */
async function* limitedChunks(
  source: CsvSource,
  field: CsvField,
  text: FileText,
): AsyncGenerator<Buffer> {
  let bytes = 0;
  const pieces = typeof source === 'string' || Buffer.isBuffer(source) ? [source] : source;
  for await (const piece of pieces) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    for (let from = 0; from < buffer.length; from += SLICE_BYTES) {
      const slice = buffer.subarray(from, from + SLICE_BYTES);
      bytes += slice.length;
      if (bytes > IMPORT_LIMITS.bytes) {
        throw tooLarge(field, `the file is larger than ${IMPORT_LIMITS_TEXT.bytes}`, 'bytes');
      }
      const utf8 = text.push(slice);
      if (utf8.length > 0) yield utf8;
    }
  }
  const rest = text.end();
  if (rest.length > 0) yield rest;
}

/**
 * The first chunks, up to the end of the first line that is not blank (the header), or as many
 * as the longest line allowed.
 */
async function headerChunks(chunks: AsyncIterator<Buffer>): Promise<Buffer[]> {
  const head: Buffer[] = [];
  let text = false;
  let bytes = 0;
  while (bytes <= MAX_RECORD_BYTES) {
    const next = await chunks.next();
    if (next.done) return head;
    head.push(next.value);
    bytes += next.value.length;
    for (const byte of next.value) {
      if (text && byte === 0x0a) return head;
      // Spaces, line ends and the byte-order mark do not start the header.
      if (byte > 0x20 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) text = true;
    }
  }
  return head;
}

/** The separator used in the header line: European spreadsheets save with `;`. */
export function detectDelimiter(text: string): CsvSeparator {
  const headerLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map<CsvSeparator, number>(CSV_SEPARATORS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvSeparator)) {
      counts.set(char as CsvSeparator, (counts.get(char as CsvSeparator) ?? 0) + 1);
    }
  }
  let best: CsvSeparator = ',';
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** 413: the file passes a limit; the answer says which and how to split it. */
export function tooLarge(field: CsvField, what: string, limit: 'rows' | 'bytes'): DomainError {
  const message = `${what}: split the export by period (at most ${IMPORT_LIMITS_TEXT.rows} and ${IMPORT_LIMITS_TEXT.bytes} per file)`;
  return new DomainError(
    field === 'csv' ? 'too_large.csv' : 'too_large.file',
    `${field}: ${message}`,
    [
      {
        field,
        message,
        limit,
        maxBytes: IMPORT_LIMITS.bytes,
        maxMegabytes: IMPORT_LIMITS.bytes / (1024 * 1024),
        maxRows: IMPORT_LIMITS.rows,
      },
    ],
  );
}
