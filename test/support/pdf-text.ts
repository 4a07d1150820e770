import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of a PDF as poppler's pdftotext reads it, in drawing order (-raw), every run of
 * spaces, no-break spaces and line breaks made one space. pdftotext is required: a test of what
 * a PDF says fails, never skips, where it is missing (.ci/run installs poppler-utils).
 */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'doc.pdf'), '-'], {
      encoding: 'utf8',
    });
    return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext is required to read PDFs: install poppler-utils');
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF laid out as on the page (pdftotext -layout), spaces and line breaks kept. */
export function pdfLayoutText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-layout-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** supertest parser keeping a binary body (a PDF, a ZIP, a FEC) as a Buffer. */
export function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
