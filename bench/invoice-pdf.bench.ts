/**
 * A typical 12-line invoice rendered by the product's renderer, beside bare pdfkit drawing the
 * same content, in the same run, rounds alternated. Run: npm run bench -- invoice-pdf
 * (or npx ts-node --transpile-only bench/invoice-pdf.bench.ts [N]).
 *
 * The bare counterpart replays the very pdfkit calls the renderer made for that invoice (the
 * same text at the same places, the same table rules and fills, the same fonts parsed once, the
 * same page size and document options) with none of the renderer's work: no wording, no
 * measuring, no layout. Two pairs:
 * - draft: the renderer without Factur-X XML, beside pdfkit with the same PDF/A-3b options
 *   (the renderer declares PDF/A-3b on every document); a plain pdfkit document (no PDF/A) is
 *   printed below it for reference;
 * - issued: the renderer with the invoice's CII XML (PDF/A-3b, factur-x.xml embedded), beside
 *   pdfkit with `subset: 'PDF/A-3b'`, `pdfVersion: '1.7'` and the same attachment via `doc.file`.
 * Target: the renderer at ≥ 0.80× bare pdfkit's documents per second.
 */
import { loadavg } from 'node:os';
import PDFDocument from 'pdfkit';
import { registerParsedFont } from '../src/documents/fonts';
import { catalogue } from '../src/i18n/catalogue';
import { ciiViewOf, type IssuedDocument } from '../src/invoicing/facturx/cii-view';
import { buildCiiXml } from '../src/invoicing/facturx/cii-xml';
import { renderInvoicePdfWith } from '../src/invoicing/pdf/invoice-pdf';
import { loadInvoiceTemplate } from '../src/invoicing/pdf/invoice-template';
import type { InvoiceView } from '../src/invoicing/pdf/invoice-view';
import { typicalInvoiceView } from '../test/fixtures/invoice-views';

const N = Number(process.argv[2] ?? process.env.N ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const WARM_UP = 30;
const TARGET = 0.8;
const CREATED_AT = new Date('2026-11-29T09:00:00Z');

/** The drawing calls on the document, replayed as they were made; measuring calls are not drawing. */
const DRAWING = [
  'font',
  'fontSize',
  'fillColor',
  'strokeColor',
  'lineWidth',
  'text',
  'rect',
  'fill',
  'stroke',
  'fillAndStroke',
  'moveTo',
  'lineTo',
  'addPage',
  'switchToPage',
  'image',
  'save',
  'restore',
  'opacity',
  'fillOpacity',
  'strokeOpacity',
  'rotate',
  'translate',
  'scale',
  'dash',
  'undash',
  'file',
  'appendXML',
] as const;
const QUIET = ['heightOfString', 'widthOfString', 'currentLineHeight', 'registerFont', 'end'];

type Call = { method: string; args: unknown[] };
type Doc = PDFKit.PDFDocument & Record<string, (...args: unknown[]) => unknown>;

/** The renderer's top-level drawing calls for `view` (calls pdfkit makes inside them are its own). */
async function recordCalls(view: InvoiceView, xml?: string): Promise<Call[]> {
  const template = loadInvoiceTemplate(view.locale);
  const calls: Call[] = [];
  let depth = 0;
  await renderInvoicePdfWith(
    view,
    template,
    (doc, name, file) => {
      const d = doc as Doc;
      if (!calls.length && !(d as { recording?: true }).recording) {
        (d as { recording?: true }).recording = true;
        for (const method of [...DRAWING, ...QUIET]) {
          const original = d[method].bind(d);
          const recorded = (DRAWING as readonly string[]).includes(method);
          d[method] = (...args: unknown[]) => {
            if (recorded && depth === 0) calls.push({ method, args: structuredClone(args) });
            depth++;
            try {
              const out = original(...args);
              return out === d ? d : out;
            } finally {
              depth--;
            }
          };
        }
      }
      registerParsedFont(doc, name, file);
    },
    CREATED_AT,
    xml,
  );
  return calls;
}

/** Bare pdfkit: the same page and document options, the parsed fonts, the recorded calls. */
function barePdf(view: InvoiceView, calls: Call[], archival: boolean): Promise<Buffer> {
  const { layout } = loadInvoiceTemplate(view.locale);
  const doc = new PDFDocument({
    size: layout.page.size,
    margins: layout.page.margins,
    bufferPages: true,
    ...(archival ? { pdfVersion: '1.7' as const, subset: 'PDF/A-3b' as const } : {}),
    lang: view.locale,
    info: { Title: 'Facture', Author: view.seller.name, CreationDate: CREATED_AT },
  }) as Doc;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  registerParsedFont(doc, 'regular', layout.fonts.regular);
  registerParsedFont(doc, 'bold', layout.fonts.bold);
  for (const { method, args } of calls) {
    if (method === 'file' && args[0] instanceof Uint8Array) {
      doc.file(Buffer.from(args[0]), args[1] as PDFKit.Mixins.PDFAttachmentOptions);
    } else doc[method](...args);
  }
  doc.end();
  return done;
}

/** The issued invoice as the CII view reads it: the XML the issued PDF carries. */
function ciiXmlOf(view: InvoiceView): string {
  const doc: IssuedDocument = {
    kind: view.kind,
    number: view.number!,
    issueDate: view.issueDate!,
    dueDate: view.dueDate,
    periodStart: view.periodStart,
    periodEnd: view.periodEnd,
    locale: view.locale,
    vatRegime: view.vatRegime,
    paymentTermsDays: view.paymentTermsDays,
    notes: null,
    seller: {
      ...view.seller,
      siret: view.seller.siret ?? null,
      vatNumber: view.seller.vatNumber ?? null,
      phone: view.seller.phone ?? null,
      iban: view.seller.iban ?? null,
      bic: view.seller.bic ?? null,
      latePenaltyRatePercent: view.latePenaltyRatePercent,
    },
    buyer: {
      ...view.buyer,
      siren: view.buyer.siren ?? null,
      vatNumber: view.buyer.vatNumber ?? null,
      billingEmail: 'compta@client.example',
    },
    totals: view.totals,
    lines: view.lines.map((l) => ({
      description: l.description,
      quantityHundredths: Math.round(l.quantity * 100),
      unit: l.unit,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp,
      amountCents: l.amountCents,
    })),
    creditedInvoice: null,
  };
  return buildCiiXml(ciiViewOf(doc, catalogue().translator(view.locale)));
}

interface Way {
  name: string;
  render: () => Promise<Buffer>;
  ms: number;
  bytes: number;
}

async function main(): Promise<void> {
  const issued = typicalInvoiceView();
  const draft: InvoiceView = {
    ...issued,
    draft: true,
    number: null,
    issueDate: null,
    dueDate: null,
  };
  const xml = ciiXmlOf(issued);
  const template = loadInvoiceTemplate(issued.locale);
  const draftCalls = await recordCalls(draft);
  const issuedCalls = await recordCalls(issued, xml);
  const way = (name: string, render: () => Promise<Buffer>): Way => ({
    name,
    render,
    ms: 0,
    bytes: 0,
  });
  const ways = [
    way('draft: renderer', () =>
      renderInvoicePdfWith(draft, template, registerParsedFont, CREATED_AT),
    ),
    way('draft: bare pdfkit, PDF/A-3b', () => barePdf(draft, draftCalls, true)),
    way('issued: renderer (PDF/A-3b + XML)', () =>
      renderInvoicePdfWith(issued, template, registerParsedFont, CREATED_AT, xml),
    ),
    way('issued: bare pdfkit (PDF/A-3b + XML)', () => barePdf(issued, issuedCalls, true)),
    way('(bare pdfkit, plain, no PDF/A)', () => barePdf(draft, draftCalls, false)),
  ];
  for (const w of ways) for (let i = 0; i < WARM_UP; i++) await w.render();
  // Rounds alternate the ways so drift (GC, JIT, a busy machine) hits them alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of ways) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < N / ROUNDS; i++) w.bytes = (await w.render()).length;
      w.ms += Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
  const perSecond = (w: Way) => (N * 1000) / w.ms;
  console.log(
    `Typical invoice (12 lines), ${N} documents per way in ${ROUNDS} alternated rounds, ` +
      `node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  console.log(`(${draftCalls.length} drawing calls for the draft, ${issuedCalls.length} issued)\n`);
  console.log('| rendering                              | ms/PDF | PDFs/s | PDF bytes |');
  console.log('|----------------------------------------|-------:|-------:|----------:|');
  for (const w of ways) {
    const cells = [
      w.name.padEnd(38),
      (w.ms / N).toFixed(2).padStart(6),
      perSecond(w).toFixed(0).padStart(6),
      String(w.bytes).padStart(9),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log('');
  for (const [mine, bare] of [
    [ways[0], ways[1]],
    [ways[2], ways[3]],
  ]) {
    const ratio = perSecond(mine) / perSecond(bare);
    const verdict = ratio >= TARGET ? 'met' : 'missed';
    console.log(
      `${mine.name.split(':')[0]}: ${perSecond(mine).toFixed(0)} vs ${perSecond(bare).toFixed(0)} PDFs/s: ` +
        `×${ratio.toFixed(2)} (target ≥ ${TARGET.toFixed(2)}×, ${verdict})`,
    );
  }
}

void main();
