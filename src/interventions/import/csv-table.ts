import { pipeline, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse, type Info } from 'csv-parse';
import { DomainError } from '../../common/domain-error';
import { IMPORT_LIMITS, IMPORT_LIMITS_TEXT, ROWS_PER_TURN } from './limits';

/** A CSV file read into a header and records, each record with the line it starts on. */
export interface CsvTable {
  header: string[];
  records: { line: number; values: string[] }[];
}

/** A file as it arrives: all at once, or chunk by chunk from the request. */
export type CsvSource =
  string | Buffer | Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

/** The request field that carried the file, named when it is refused. */
export type CsvField = 'file' | 'csv';

const DELIMITERS = [',', ';', '\t'] as const;
/** Text held in memory is handed to the parser this much at a time, like a network stream. */
const SLICE_BYTES = 64 * 1024;
/**
 * The longest line (or quoted cell) read: a time entry takes a few hundred bytes. The parser
 * slows down with the square of an unfinished record, so a file without line breaks is refused
 * early rather than read to its end.
 */
export const MAX_RECORD_BYTES = 256 * 1024;

/**
 * A file that is not UTF-8 (an export saved as Windows-1252 or Latin-1): its accented names
 * would not match anything. `line` is where its first byte that is not UTF-8 sits.
 */
export class NotUtf8 extends Error {
  constructor(readonly line: number) {
    super(`the file is not UTF-8 text (line ${line}): save the export as UTF-8`);
    this.name = 'NotUtf8';
  }
}

/**
 * Reads a CSV export as a stream (UTF-8, without the byte-order mark Excel and Toggl add), the
 * event loop running between chunks, and stops with a 413 naming the field as soon as the file
 * passes IMPORT_LIMITS, or with NotUtf8 at its first byte that is not UTF-8. Short rows are kept (a missing column is reported per row, not for the
 * whole file) and blank lines are skipped, while line numbers stay those of the file.
 * A file that is not CSV at all rejects with csv-parse's CsvError.
 */
export async function readCsvTable(source: CsvSource, field: CsvField = 'file'): Promise<CsvTable> {
  const chunks = limitedChunks(source, field)[Symbol.asyncIterator]();
  const head = await headerChunks(chunks);
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(Buffer.concat(head).toString('utf8')),
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
  return collect(parser as AsyncIterable<{ record: string[]; info: Info }>, field);
}

async function collect(
  parsed: AsyncIterable<{ record: string[]; info: Info }>,
  field: CsvField,
): Promise<CsvTable> {
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
 * The source in slices of bytes, counted and checked as UTF-8: past IMPORT_LIMITS.bytes, or at
 * a byte that is not UTF-8, the reading stops.
 */
async function* limitedChunks(source: CsvSource, field: CsvField): AsyncGenerator<Buffer> {
  let bytes = 0;
  const text = new Utf8Check();
  const pieces = typeof source === 'string' || Buffer.isBuffer(source) ? [source] : source;
  for await (const piece of pieces) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    for (let from = 0; from < buffer.length; from += SLICE_BYTES) {
      const slice = buffer.subarray(from, from + SLICE_BYTES);
      bytes += slice.length;
      if (bytes > IMPORT_LIMITS.bytes) {
        throw tooLarge(field, `the file is larger than ${IMPORT_LIMITS_TEXT.bytes}`, 'bytes');
      }
      text.check(slice);
      yield slice;
    }
  }
  text.end();
}

/** Checks slices of a file as UTF-8, counting lines so as to say where it is not. */
class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private lines = 1;
  private previous: Buffer = Buffer.alloc(0);

  check(slice: Buffer): void {
    try {
      this.decoder.decode(slice, { stream: true });
    } catch {
      throw new NotUtf8(this.lines + newlines(slice.subarray(0, this.firstBadByte(slice))));
    }
    this.lines += newlines(slice);
    this.previous = slice;
  }

  /** A file cut within a letter. */
  end(): void {
    try {
      this.decoder.decode();
    } catch {
      throw new NotUtf8(this.lines);
    }
  }

  /**
   * Where in `slice` the text stops being UTF-8: the longest prefix a fresh decoder reads, the
   * letter begun at the end of the previous slice included (found by halving; only on refusal).
   */
  private firstBadByte(slice: Buffer): number {
    const tail = this.previous.subarray(Math.max(0, this.previous.length - 3));
    const lead = tail.findLastIndex((byte) => (byte & 0xc0) !== 0x80);
    const carried = lead < 0 ? Buffer.alloc(0) : tail.subarray(lead);
    const bytes = Buffer.concat([carried, slice]);
    const reads = (length: number): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), {
          stream: true,
        });
        return true;
      } catch {
        return false;
      }
    };
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (reads(middle)) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low - carried.length);
  }
}

/** The text of a whole file held in memory, or NotUtf8 where it is not UTF-8. */
export function utf8Text(bytes: Buffer): string {
  const text = new Utf8Check();
  text.check(bytes);
  text.end();
  return bytes.toString('utf8');
}

function newlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
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
export function detectDelimiter(text: string): string {
  const headerLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
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
