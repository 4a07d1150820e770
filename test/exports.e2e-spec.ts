import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEC_COLUMNS } from '../src/exports/fec';
import { validateFec } from '../src/exports/fec-validation';
import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, setupConsultant } from './factories';
import { createContract } from './factories/contracts';
import { binary } from './support/pdf-text';

interface Doc {
  id: string;
  number: string;
  kind: string;
  vatRegime: string;
  totals: { netCents: number; vatCents: number; grossCents: number };
}

/**
 * A November with three documents issued: an invoice under the VAT franchise (the practice's
 * default), then, once the practice charges VAT, a standard-rate invoice and a partial credit
 * note on it, all on 29 November 2026: the scenario's clock stands there.
 */
describe('exports: sales journal CSV, FEC, ZIP of the PDFs', () => {
  let t: TestApp;
  let consultant: string;
  let accountant: string;
  let docs: { franchise: Doc; standard: Doc; credit: Doc };
  let today: string;
  let due: string;
  const CLIENT = 'Société d’Électricité Œuvre & Fils';

  const api = (token: string) => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(token))
        .buffer(true)
        .parse(binary),
    post: (url: string, body: object = {}) =>
      t
        .http()
        .post(url)
        .set(...bearer(token))
        .send(body),
  });

  async function issueFor(
    contractId: string,
    periodStart: string,
    periodEnd: string,
  ): Promise<Doc> {
    const draft = await api(consultant)
      .post('/api/invoices/drafts', { contractId, periodStart, periodEnd })
      .expect(201);
    return (await api(consultant).post(`/api/invoices/${draft.body.id}/issue`).expect(200))
      .body as Doc;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { now: '2026-11-29T10:00:00+01:00' });
    consultant = await setupConsultant(t);
    const client = await createClient(t, consultant, { name: CLIENT });
    const contract = await createContract(t, consultant, client.id);
    const franchise = await issueFor(contract.id, '2026-01-01', '2026-01-31');
    await t
      .http()
      .patch('/api/practice')
      .set(...bearer(consultant))
      .send({ vatRegime: 'standard', vatNumber: 'FR44732829320' })
      .expect(200);
    const standard = await issueFor(contract.id, '2026-02-01', '2026-02-28');
    const credit = (
      await api(consultant)
        .post(`/api/invoices/${standard.id}/credit-notes`, {
          lines: [{ lineIndex: 0, amountCents: 10000 }],
        })
        .expect(201)
    ).body as Doc;
    docs = { franchise, standard, credit };
    today = t.clock.today();
    // Payment terms of 30 days, the practice's default.
    due = '2026-12-29';
    accountant = (await createUser(t, consultant, 'accountant')).token;
  });
  afterAll(() => t.close());

  const period = () => 'from=2026-11-01&to=2026-11-30';

  it('issued the three documents the exports read', () => {
    expect(docs.franchise).toMatchObject({ kind: 'invoice', vatRegime: 'franchise' });
    expect(docs.franchise.totals.vatCents).toBe(0);
    expect(docs.standard).toMatchObject({ kind: 'invoice', vatRegime: 'standard' });
    expect(docs.standard.totals.vatCents).toBe(12000);
    expect(docs.credit.kind).toBe('credit_note');
    expect(docs.credit.totals).toMatchObject({
      netCents: -10000,
      vatCents: -2000,
      grossCents: -12000,
    });
  });

  describe('FEC', () => {
    it('is named <SIREN>FEC<to>.txt and served in ISO 8859-15', async () => {
      const res = await api(accountant)
        .get(`/api/exports/fec?from=2026-11-01&to=2026-11-30`)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=ISO-8859-15');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="732829320FEC20261130.txt"',
      );
      const bytes = res.body as Buffer;
      // "É" and "é" are one byte each in Latin-9 (0xC9, 0xE9), "Œ" is 0xBC: no UTF-8 sequence.
      expect(bytes.includes(Buffer.from([0xc9, 0x6c, 0x65, 0x63]))).toBe(true);
      expect(bytes.includes(Buffer.from([0xbc, 0x75, 0x76, 0x72, 0x65]))).toBe(true);
      expect(bytes.includes(Buffer.from('Ã', 'latin1'))).toBe(false);
    });

    it('has 18 columns, one balanced entry per document, on the accounts of the practice', async () => {
      const res = await api(consultant).get(`/api/exports/fec?${period()}`).expect(200);
      const text = latin9(res.body as Buffer);
      expect(validateFec(text)).toEqual([]);
      const [header, ...records] = text.split('\r\n').map((line) => line.split('\t'));
      expect(header).toEqual([...FEC_COLUMNS]);
      expect(records.every((r) => r.length === 18)).toBe(true);
      // One entry per document, its lines sharing an EcritureNum, in issue order: the credit
      // note after the invoice it corrects although its number sorts first.
      expect([...new Set(records.map((r) => `${r[2]} ${r[8]}`))]).toEqual([
        `1 ${docs.franchise.number}`,
        `2 ${docs.standard.number}`,
        `3 ${docs.credit.number}`,
      ]);
      const entry = (number: string) => {
        const lines = records.filter((r) => r[8] === number);
        expect(new Set(lines.map((r) => r[2])).size).toBe(1);
        return lines.map((r) => [r[4].slice(0, 3), r[11], r[12]]);
      };
      expect(new Set(records.map((r) => r[2]))).toEqual(new Set(['1', '2', '3']));
      // Franchise: the client owes the gross, all of it sales; no VAT line.
      expect(entry(docs.franchise.number)).toEqual([
        ['411', '600,00', '0,00'],
        ['706', '0,00', '600,00'],
      ]);
      expect(entry(docs.standard.number)).toEqual([
        ['411', '720,00', '0,00'],
        ['706', '0,00', '600,00'],
        ['445', '0,00', '120,00'],
      ]);
      // The credit note mirrors it: the client is credited, sales and VAT debited.
      expect(entry(docs.credit.number)).toEqual([
        ['411', '0,00', '120,00'],
        ['706', '100,00', '0,00'],
        ['445', '20,00', '0,00'],
      ]);
      const clientLine = records.find((r) => r[8] === docs.franchise.number)!;
      expect(clientLine[4]).toBe('411');
      expect(clientLine[6]).toMatch(/^411SOCIETED[0-9A-F]{4}$/);
      // The typographic apostrophe becomes a plain one; Œ is in Latin-9.
      expect(clientLine[7]).toBe("Société d'Électricité Œuvre & Fils");
      expect(records.find((r) => r[8] === docs.standard.number && r[4].startsWith('445'))![4]).toBe(
        '44571',
      );
      expect(records[0].slice(0, 2)).toEqual(['VT', 'Ventes']);
    });

    it('follows the accounts set in the practice settings', async () => {
      await t
        .http()
        .patch('/api/practice')
        .set(...bearer(consultant))
        .send({
          accounts: {
            receivable: '4111',
            sales: '7061',
            vatCollected: '445712',
            journalCode: 'VE',
            journalLabel: 'Ventes services',
          },
        })
        .expect(200);
      const res = await api(accountant).get(`/api/exports/fec?${period()}`).expect(200);
      const records = latin9(res.body as Buffer)
        .split('\r\n')
        .slice(1)
        .map((l) => l.split('\t'));
      expect(new Set(records.map((r) => r[0]))).toEqual(new Set(['VE']));
      expect(
        records
          .filter((r) => r[8] === docs.standard.number)
          .map((r) => r[4].replace(/^(4111).*/, '$1')),
      ).toEqual(['4111', '7061', '445712']);
    });
  });

  describe('sales journal CSV', () => {
    it('starts with the BOM, one row per document, accents intact in UTF-8', async () => {
      const res = await api(accountant).get(`/api/exports/invoices.csv?${period()}`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(
        "Numéro;Type;Date d'émission;Échéance;Client;SIREN client;Total HT;TVA 20 %;Total TTC;Payé;Solde;Statut;Régime de TVA",
      );
      // By issue date, then issue order: the credit note after its invoice, whatever the numbers.
      expect(lines.slice(1)).toEqual([
        `${docs.franchise.number};Facture;${fr(today)};${fr(due)};${CLIENT};443061841;600,00;0,00;600,00;0,00;600,00;Émise;Franchise en base`,
        `${docs.standard.number};Facture;${fr(today)};${fr(due)};${CLIENT};443061841;600,00;120,00;720,00;0,00;600,00;Émise;Normal`,
        `${docs.credit.number};Avoir;${fr(today)};${fr(today)};${CLIENT};443061841;-100,00;-20,00;-120,00;0,00;0,00;Émise;Normal`,
        '',
      ]);
    });

    it('writes English with commas and decimal points on request', async () => {
      const res = await api(consultant)
        .get(`/api/exports/invoices.csv?${period()}&locale=en`)
        .expect(200);
      const lines = (res.body as Buffer).toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toMatch(/^Number,Kind,Issue date,Due date,Client,/);
      expect(lines[3]).toContain(',Credit note,');
      expect(lines[2]).toMatch(/,600\.00,120\.00,720\.00,0\.00,600\.00,Issued,Standard$/);
    });
  });

  describe('ZIP of the PDFs', () => {
    it('holds one PDF per document, named by its number', async () => {
      const res = await api(accountant).get(`/api/exports/invoices.zip?${period()}`).expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      const dir = mkdtempSync(join(tmpdir(), 'exports-zip-'));
      const file = join(dir, 'invoices.zip');
      writeFileSync(file, res.body as Buffer);
      const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .sort();
      expect(names).toEqual(
        [docs.franchise.number, docs.standard.number, docs.credit.number]
          .map((n) => `${n}.pdf`)
          .sort(),
      );
      const first = execFileSync('unzip', ['-p', file, `${docs.credit.number}.pdf`]);
      expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('is an empty archive for a period without documents', async () => {
      const res = await api(consultant)
        .get('/api/exports/invoices.zip?from=2020-01-01&to=2020-12-31')
        .expect(200);
      const dir = mkdtempSync(join(tmpdir(), 'exports-zip-'));
      writeFileSync(join(dir, 'empty.zip'), res.body as Buffer);
      // The end-of-central-directory record alone: 22 bytes, no entry.
      expect((res.body as Buffer).length).toBe(22);
    });
  });

  it('is for the accountant and the consultant only, and checks the period', async () => {
    const client = await createClient(t, consultant);
    const clientUser = await createUser(t, consultant, 'client', client.id);
    for (const path of ['invoices.csv', 'fec', 'invoices.zip']) {
      await api(clientUser.token).get(`/api/exports/${path}?${period()}`).expect(403);
    }
    const reversed = await t
      .http()
      .get('/api/exports/fec?from=2026-11-30&to=2026-11-01')
      .set(...bearer(accountant))
      .expect(400);
    expect(reversed.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
    const missing = await t
      .http()
      .get('/api/exports/invoices.csv')
      .set(...bearer(accountant))
      .expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'from',
      'to',
    ]);
  });
});

/** ISO 8859-15 differs from Latin-1 on eight code points; the ones used here are €, Œ, œ. */
/** 2026-11-29 → 29/11/2026 */
function fr(day: string): string {
  return day.split('-').reverse().join('/');
}

function latin9(bytes: Buffer): string {
  const changed: Record<number, string> = { 0xa4: '€', 0xbc: 'Œ', 0xbd: 'œ' };
  return [...bytes].map((b) => changed[b] ?? String.fromCharCode(b)).join('');
}
