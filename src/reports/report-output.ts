import type { FastifyReply } from 'fastify';

/** What a report route answers: the JSON object itself, or a file to download. */
export type ReportOutput =
  | { kind: 'json'; body: object }
  | { kind: 'file'; contentType: string; fileName: string; body: Buffer };

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const PDF_TYPE = 'application/pdf';

/** Sets the download headers of a file; the returned value is what the route sends. */
export function sendReport(reply: FastifyReply, output: ReportOutput): object | Buffer {
  if (output.kind === 'json') return output.body;
  void reply
    .header('content-type', output.contentType)
    .header('content-disposition', `attachment; filename="${output.fileName}"`);
  return output.body;
}

/** A file name safe in any header and file system: ASCII letters, digits and dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'report'
  );
}
