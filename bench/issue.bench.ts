/**
 * What issuing costs on the embedded SQLite database, and what one invoice PDF costs to render.
 *
 *   npx ts-node --transpile-only bench/issue.bench.ts [invoices=500]
 *
 * Issuing: 500 drafts are written first, then issued one after the other through the issuing
 * service (one transaction each: chain lock, counter bump, chain tip, snapshots, the PDF
 * rendered and stored, hash, frozen row, then the issued invoice read back), then 500 more all
 * at once. Baseline in the same run:
 * as many single-row INSERTs into a scratch table, each in its own transaction, through the same
 * DataSource. PDF: a typical 12-line invoice against a one-line pdfkit document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const COUNT = Number(process.argv[2] ?? 500);
const PDF_RUNS = 50;

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return ms(start);
}

function onePagePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Facture F2026-00001');
    doc.end();
  });
}

async function benchPdf(): Promise<void> {
  const { renderInvoicePdf } = await import('../src/invoicing/pdf/invoice-pdf');
  const { typicalInvoiceView } = await import('../test/fixtures/invoice-views');
  const view = typicalInvoiceView();
  for (let i = 0; i < 10; i++) await renderInvoicePdf(view);
  for (let i = 0; i < 10; i++) await onePagePdf();
  let bytes = 0;
  const invoice = await timed(async () => {
    for (let i = 0; i < PDF_RUNS; i++) bytes = (await renderInvoicePdf(view)).length;
  });
  const bare = await timed(async () => {
    for (let i = 0; i < PDF_RUNS; i++) await onePagePdf();
  });
  const per = invoice / PDF_RUNS;
  const perBare = bare / PDF_RUNS;
  console.log(
    `PDF, typical 12-line invoice: ${per.toFixed(1)} ms each (${(bytes / 1024).toFixed(0)} KiB); ` +
      `one-line pdfkit page: ${perBare.toFixed(1)} ms (×${(per / perBare).toFixed(1)})`,
  );
}

async function benchIssue(dir: string): Promise<void> {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATA_DIR: dir,
    SQLITE_FILE: join(dir, 'bench.sqlite'),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    LOG_LEVEL: 'silent',
  });
  const { createApp, migrate } = await import('../src/bootstrap');
  const { DataSource } = await import('typeorm');
  const { IssuingService } = await import('../src/invoicing/issuing.service');
  const { insertContract, insertManualDrafts } = await import('../test/factories/invoicing');
  const app = await createApp();
  await app.init();
  await migrate(app);
  const fastify = app.getHttpAdapter().getInstance();
  const post = async (url: string, payload: object, token?: string) => {
    const res = await fastify.inject({
      method: 'POST',
      url,
      payload,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return res.json<Record<string, unknown>>();
  };
  const setup = await post('/api/auth/setup', {
    email: 'bench@example.fr',
    password: 'correct horse battery staple',
    displayName: 'Bench',
    practice: {
      name: 'Bench EI',
      legalForm: 'EI',
      siren: '732829320',
      address: { line1: '1 rue', postalCode: '69003', city: 'Lyon', country: 'FR' },
      email: 'bench@example.fr',
    },
  });
  const token = setup.accessToken as string;
  const client = await post(
    '/api/clients',
    {
      name: 'Client',
      address: { line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' },
      billingEmail: 'c@example.fr',
    },
    token,
  );
  const dataSource = app.get(DataSource);
  const t = { dataSource } as Parameters<typeof insertContract>[0];
  const contract = await insertContract(t, client.id as string);
  const issuing = app.get(IssuingService);

  const sequential = await insertManualDrafts(t, contract, COUNT);
  const concurrent = await insertManualDrafts(t, contract, COUNT);
  await dataSource.query(
    'CREATE TABLE bench_scratch (id varchar(36) PRIMARY KEY, n integer, body text)',
  );

  const issueMs = await timed(async () => {
    for (const id of sequential) await issuing.issue(id);
  });
  const insertMs = await timed(async () => {
    for (let n = 0; n < COUNT; n++) {
      await dataSource.transaction((m) =>
        m.query('INSERT INTO bench_scratch (id, n, body) VALUES (?, ?, ?)', [
          `row-${n}`,
          n,
          'x'.repeat(200),
        ]),
      );
    }
  });
  const allAtOnceMs = await timed(() => Promise.all(concurrent.map((id) => issuing.issue(id))));
  const [counter] = await dataSource.query<{ lastSeq: number }[]>(
    'SELECT "lastSeq" FROM document_counters',
  );
  console.log(
    `issue ${COUNT} invoices one after the other: ${issueMs.toFixed(0)} ms (${(issueMs / COUNT).toFixed(2)} ms each)`,
  );
  console.log(
    `baseline, ${COUNT} single-row INSERT transactions: ${insertMs.toFixed(0)} ms (${(insertMs / COUNT).toFixed(2)} ms each) → issue ×${(issueMs / insertMs).toFixed(1)}`,
  );
  console.log(
    `issue ${COUNT} invoices all at once: ${allAtOnceMs.toFixed(0)} ms (${(allAtOnceMs / COUNT).toFixed(2)} ms each) → ×${(allAtOnceMs / insertMs).toFixed(1)} the baseline`,
  );
  console.log(`last number drawn: ${counter.lastSeq} (expected ${2 * COUNT})`);
  await app.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gardefou-issue-bench-'));
  try {
    await benchPdf();
    await benchIssue(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
