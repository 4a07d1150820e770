import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { invalid } from '../common/domain-error';
import { flattenValidationErrors, validationException } from '../common/validation';
import { ImportJsonDto, ImportOptionsDto } from './dto/import.dto';

/** The file and its options, whichever way they were sent. */
export interface ImportUpload {
  csv: string | Buffer;
  options: ImportOptionsDto;
}

/**
 * Reads an import from a `text/csv` body, a multipart form (`file`, and optional `mapping`
 * JSON, `activityId`, `urgency` fields) or a JSON body `{ csv, mapping?, activityId?, urgency? }`.
 */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  if (request.isMultipart()) return readMultipart(request);
  if (typeof request.body === 'string') return { csv: request.body, options: {} };
  if (typeof request.body === 'object' && request.body !== null) {
    const { csv, ...options } = await validated(ImportJsonDto, request.body);
    return { csv, options };
  }
  throw invalid(
    'file',
    'send the CSV export as text/csv, as multipart/form-data (field "file") or as JSON { csv }',
  );
}

async function readMultipart(request: FastifyRequest): Promise<ImportUpload> {
  let csv: Buffer | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.fieldname === 'file') csv = content;
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (csv === null) throw invalid('file', 'the form has no "file" field with the CSV export');
  const plain: Record<string, unknown> = { ...fields };
  if (fields.mapping !== undefined) plain.mapping = parseMapping(fields.mapping);
  return { csv, options: await validated(ImportOptionsDto, plain) };
}

function parseMapping(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('mapping', 'mapping must be JSON: [{ "client": "...", "contractId": "..." }]');
  }
}

async function validated<T extends object>(type: new () => T, plain: object): Promise<T> {
  const value = plainToInstance(type, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationException(flattenValidationErrors(errors));
  return value;
}
