/**
 * The invoice PDFs read back with poppler's tools, as a person or an accounting tool would read
 * them: pdftotext in drawing order (-raw) with every run of spaces, no-break spaces and line
 * breaks read as one space, so wrapped text still reads as a sentence; the golden file keeps the
 * page layout (-layout) instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderInvoicePdf } from '../../src/invoicing/pdf/invoice-pdf';
import type { InvoiceView } from '../../src/invoicing/pdf/invoice-view';

/** What one of poppler's tools prints about the PDF (pdftotext to standard output). */
export function poppler(tool: string, args: string[], pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'invoice-pdf-'));
  try {
    const file = path.join(dir, 'invoice.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const flatten = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of each page, flattened. */
export function pagesIn(pdf: Buffer): string[] {
  return poppler('pdftotext', ['-raw'], pdf).split('\f').slice(0, -1).map(flatten);
}

export async function pagesOf(view: InvoiceView): Promise<string[]> {
  return pagesIn(await renderInvoicePdf(view));
}

export async function textOf(view: InvoiceView): Promise<string> {
  return (await pagesOf(view)).join(' ');
}

/** The page as laid out, with blank lines dropped and runs of spaces made one. */
export function layoutText(pdf: Buffer): string {
  return poppler('pdftotext', ['-layout'], pdf)
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The French table header, as pdftotext reads it. */
export const FRENCH_HEAD = 'Désignation Qté Unité Prix unitaire HT TVA Montant HT';
