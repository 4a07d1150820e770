import { onFirstUse } from '../common/on-first-use';
import type { MultipartFile } from '@fastify/multipart';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type * as CsvParse from 'csv-parse';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { DomainError, invalid } from '../common/domain-error';
import { flattenValidationErrors, validationException } from '../common/validation';
import { negotiateLocale, type Locale } from '../i18n';
import { ImportJsonDto, ImportOptionsDto } from './dto/import.dto';
import { readCsvTable, tooLarge, type CsvField, type CsvTable } from './import/csv-table';
import { IMPORT_LIMITS_TEXT } from './import/limits';
import type { UnreadableFile } from './import/import-row';
import { csvErrorLine, unreadableCsv } from './import/parse-timesheet-csv';
import { decodeText, NotText, NotUtf8, type TextEncoding } from './import/text-encoding';

const csvParse = onFirstUse<typeof CsvParse>('csv-parse');

/** Route config (`@RouteConfig`) of the operations that read a CSV body as it arrives. */
export const CSV_BODY = { csvBody: 'stream' } as const;

/**
 * The parser of `text/csv` and `text/plain` bodies: the operations marked CSV_BODY get the
 * request stream itself, parsed while it arrives; any other refuses such a body (400 naming
 * `body`) without reading it.
 */
export function csvBodyParser(
  request: FastifyRequest,
  payload: IncomingMessage,
  done: (error: Error | null, body?: unknown) => void,
): void {
  const config = request.routeOptions.config as { csvBody?: unknown } | undefined;
  if (config?.csvBody === CSV_BODY.csvBody) done(null, payload);
  else done(invalid('body', 'this operation takes no CSV or text body'));
}

/**
 * The file, read into a table as it arrived, and its options, whichever way they were sent; and
 * the language of the one who sent it, in which the report words the refused lines.
 */
export interface ImportUpload {
  table: CsvTable;
  options: ImportOptionsDto;
  locale: Locale;
}

/**
 * Reads an import from a `text/csv` body (streamed), a multipart form (`file`, streamed, and
 * optional `mapping` JSON, `activityId`, `urgency` fields, before or after the file) or a JSON
 * body `{ csv, mapping?, activityId?, urgency? }`. The file is parsed while it arrives and
 * refused (413) as soon as it passes the import's limits. The report speaks the language of
 * Accept-Language, French by default.
 */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  const locale = negotiateLocale(request.headers['accept-language']);
  if (request.isMultipart()) return { ...(await readMultipart(request)), locale };
  const body = request.body;
  if (body instanceof Readable) {
    return { table: await readStream(body, 'file'), options: {}, locale };
  }
  if (typeof body === 'object' && body !== null) {
    const { csv, ...options } = await validated(ImportJsonDto, body);
    return { table: await readTable(csv, 'csv'), options, locale };
  }
  throw invalid(
    'file',
    'send the CSV export as text/csv, as multipart/form-data (field "file") or as JSON { csv }',
    { reason: 'no_file' },
  );
}

async function readMultipart(request: FastifyRequest): Promise<Omit<ImportUpload, 'locale'>> {
  let table: CsvTable | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === 'file') table = await readFile(part);
      else part.file.resume();
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (table === null) {
    throw invalid('file', 'the form has no "file" field with the CSV export', {
      reason: 'no_file_field',
    });
  }
  const plain: Record<string, unknown> = { ...fields };
  if (fields.mapping !== undefined) plain.mapping = parseMapping(fields.mapping);
  return { table, options: await validated(ImportOptionsDto, plain) };
}

/**
 * The uploaded file. Past MAX_UPLOAD_BYTES the multipart reader cuts it short, maybe within a
 * quoted cell: that is refused as too large, whatever the cut left.
 */
async function readFile(part: MultipartFile): Promise<CsvTable> {
  try {
    const table = await readStream(part.file, 'file');
    if (!part.file.truncated) return table;
  } catch (error) {
    if (!part.file.truncated) throw error;
  }
  throw tooLarge('file', `the file is larger than ${IMPORT_LIMITS_TEXT.bytes}`, 'bytes');
}

/**
 * Reads a request stream. On a refusal the rest of the stream is let through unread, so the
 * client finishes sending and reads the answer.
 */
async function readStream(stream: Readable, field: CsvField): Promise<CsvTable> {
  try {
    return await readTable(stream.iterator({ destroyOnReturn: false }), field);
  } catch (error) {
    stream.resume();
    throw error;
  }
}

/**
 * An export already in hand (text or bytes) read into a table; 400 naming `field` if it is no
 * CSV or no text.
 */
export async function readTable(
  source: Parameters<typeof readCsvTable>[0],
  field: CsvField,
): Promise<CsvTable> {
  try {
    return await readCsvTable(source, field);
  } catch (error) {
    throw unreadable(error, field);
  }
}

/**
 * The text of an uploaded file held in memory, whatever its encoding, and that encoding; 400
 * naming `field` if it is no text.
 */
export function uploadedText(
  bytes: Buffer,
  field: CsvField,
): { text: string; encoding: TextEncoding } {
  try {
    return decodeText(bytes);
  } catch (error) {
    throw unreadable(error, field);
  }
}

/**
 * 400 naming the field: a file csv-parse cannot read (`not_csv`, with the line it stopped on
 * when it says), one that changes encoding on the way (`encoding`), or one that is no text
 * (`not_text`), each with the line to look at. Anything else is left as it was.
 */
function unreadable(error: unknown, field: CsvField): unknown {
  if (error instanceof NotUtf8) {
    return unreadableFile(field, error.message, { code: 'encoding', line: error.line });
  }
  if (error instanceof NotText) {
    return unreadableFile(field, error.message, { code: 'not_text', line: error.line });
  }
  if (error instanceof csvParse().CsvError) {
    const refusal = { code: 'not_csv', line: csvErrorLine(error) } as const;
    return unreadableFile(field, unreadableCsv(error), refusal);
  }
  return error;
}

/**
 * Refusals of a file said beside the field by words of their own (`problem.<code>`), with the
 * figures that point at what to change: the line, the column and the cell.
 */
const FILE_PROBLEMS: Partial<Record<UnreadableFile['refusal']['code'], string>> = {
  not_csv: 'file_not_csv',
  encoding: 'file_encoding',
  not_text: 'file_not_text',
  missing_columns: 'file_missing_columns',
  ambiguous_dates: 'file_ambiguous_dates',
  mixed_dates: 'file_mixed_dates',
};

/**
 * 400 naming what to change (the file, or the date format it leaves undecided), with the
 * refusal's code as its reason and its figures (`error.invalid.file`…), and the words of the
 * field's problem (`problem.file_…`).
 */
export function unreadableFile(
  field: CsvField | 'dateFormat',
  message: string,
  { code, ...figures }: UnreadableFile['refusal'],
): DomainError {
  const problem = FILE_PROBLEMS[code];
  const detail = { reason: code, ...(problem ? { code: problem } : {}), ...figures };
  if (field === 'dateFormat') return invalid('dateFormat', message, detail);
  return field === 'csv' ? invalid('csv', message, detail) : invalid('file', message, detail);
}

function parseMapping(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('mapping', 'mapping must be JSON: [{ "client": "...", "contractId": "..." }]', {
      reason: 'not_json',
    });
  }
}

async function validated<T extends object>(type: new () => T, plain: object): Promise<T> {
  const value = plainToInstance(type, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationException(flattenValidationErrors(errors));
  return value;
}
