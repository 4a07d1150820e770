import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';
import { LOGO_MAX_BYTES, logoProblem, logoTooLarge } from './logo-image';

/**
 * The bytes of the `logo` file of a multipart form, read up to one byte past LOGO_MAX_BYTES;
 * the rest of a larger file is let through unread, so the sender finishes and reads the answer
 * (413 `too_large.logo`). A request with no such file: 400 `invalid.logo` (`logo_missing`).
 * Other fields and files are skipped.
 */
export async function readLogoUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw noLogo();
  let logo: Buffer | null = null;
  let tooLarge = false;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'logo' || logo !== null || tooLarge) {
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes <= LOGO_MAX_BYTES) chunks.push(chunk);
      }
      if (bytes > LOGO_MAX_BYTES) tooLarge = true;
      else logo = Buffer.concat(chunks);
    }
  } catch (error) {
    // A form the multipart reader cannot read (no boundary, cut short): no logo was sent.
    if (error instanceof DomainError) throw error;
    throw noLogo();
  }
  if (tooLarge) throw logoTooLarge();
  if (!logo || logo.length === 0) throw noLogo();
  return logo;
}

function noLogo() {
  return logoProblem('logo_missing', 'send the image as multipart/form-data, field "logo"');
}
