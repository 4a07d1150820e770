/**
 * How long a typical 12-line invoice takes to render, by the way its two DejaVu fonts reach
 * pdfkit. Run: npx ts-node --transpile-only bench/invoice-pdf.bench.ts [N]
 */
import { readFileSync } from 'node:fs';
import type { FontRegistration } from '../src/documents/fonts';
import { registerParsedFont } from '../src/documents/fonts';
import { renderInvoicePdfWith } from '../src/invoicing/pdf/invoice-pdf';
import { loadInvoiceTemplate } from '../src/invoicing/pdf/invoice-template';
import { typicalInvoiceView } from '../test/fixtures/invoice-views';

const N = Number(process.argv[2] ?? 200);
const ROUNDS = 4;
const WARM_UP = 20;

const fileBytes = new Map<string, Buffer>();
const cachedBytes = (file: string) => {
  if (!fileBytes.has(file)) fileBytes.set(file, readFileSync(file));
  return fileBytes.get(file)!;
};

const ways: { name: string; register: FontRegistration }[] = [
  {
    name: 'font file read + parsed per PDF (baseline)',
    register: (doc, name, file) => doc.registerFont(name, file),
  },
  {
    name: 'font Buffer cached, parsed per PDF',
    register: (doc, name, file) => doc.registerFont(name, cachedBytes(file)),
  },
  { name: 'parsed font cached (shipped)', register: registerParsedFont },
];

async function main(): Promise<void> {
  const view = typicalInvoiceView();
  const template = loadInvoiceTemplate(view.locale);
  const totals = ways.map(() => ({ ms: 0, bytes: 0 }));
  for (const way of ways) {
    for (let i = 0; i < WARM_UP; i++) await renderInvoicePdfWith(view, template, way.register);
  }
  // Rounds alternate the ways so drift (GC, JIT, a busy machine) hits them alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [w, way] of ways.entries()) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < N / ROUNDS; i++) {
        totals[w].bytes = (await renderInvoicePdfWith(view, template, way.register)).length;
      }
      totals[w].ms += Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
  const baseline = totals[0].ms / N;
  console.log(`Typical invoice (12 lines, 1 page), N=${N} per way, node ${process.version}\n`);
  console.log('| fonts                                       | ms/PDF | speed-up | PDF bytes |');
  console.log('|---------------------------------------------|-------:|---------:|----------:|');
  ways.forEach((way, w) => {
    const ms = totals[w].ms / N;
    const cells = [
      way.name.padEnd(43),
      ms.toFixed(2).padStart(6),
      `${(baseline / ms).toFixed(1)}×`.padStart(8),
      String(totals[w].bytes).padStart(9),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  });
}

void main();
