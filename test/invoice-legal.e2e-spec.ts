import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { png } from './fixtures/images';
import { Clock } from '../src/common/clock';
import { FEC_COLUMNS } from '../src/exports/fec';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { consultantId, insertContract, insertIntervention } from './factories/invoicing';
import { binary, pdfText } from './support/pdf-text';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOUR = 3_600_000;
/** Monday 2 November 2026: October's work is billed and issued that day. */
const NOW = new Date('2026-11-02T09:00:00Z');
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The invoice as a legal document, through the API on a real database: its PDF made once at
 * issue, stored, chained and never re-rendered; the mandatory mentions read back from that
 * file; the VAT mentions in French in every language; art. 259-1 for a business outside the
 * EU; number formats checked; the late-payment rate to the hundredth; the client's fixed
 * sub-account and the issue order in the FEC.
 */
describe('invoices as legal documents', () => {
  let t: TestApp;
  let token: string;
  let me: string;
  let activityId: string;

  const api = () => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(token)),
    file: (url: string) =>
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
    patch: (url: string, body: object) =>
      t
        .http()
        .patch(url)
        .set(...bearer(token))
        .send(body),
  });

  /** Raw SQL written with "?" placeholders, numbered for PostgreSQL. */
  const sql = <T = Body[]>(query: string, params: unknown[] = []): Promise<T> => {
    let k = 0;
    const text = t.db.kind === 'postgres' ? query.replace(/\?/g, () => `$${++k}`) : query;
    return t.dataSource.query(text, params);
  };

  /** A time-and-materials draft of October: `hours` of support on 6 October at 90 €/h. */
  async function octoberDraft(clientId: string, hours = 2): Promise<Body> {
    const contract = await insertContract(t, clientId, {
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
      },
    });
    const startedAt = '2026-10-06T07:00:00.000Z';
    await insertIntervention(t, {
      contract,
      activityId,
      consultantId: me,
      startedAt,
      endedAt: new Date(new Date(startedAt).getTime() + hours * HOUR).toISOString(),
      description: 'Serveur mail HS',
    });
    const draft = await api()
      .post('/api/invoices/drafts', {
        contractId: contract.id,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
      })
      .expect(201);
    return draft.body as Body;
  }

  const issue = async (id: string): Promise<Body> =>
    (await api().post(`/api/invoices/${id}/issue`).expect(200)).body as Body;

  const invoiceFor = async (clientId: string, hours = 2) =>
    issue((await octoberDraft(clientId, hours)).id);

  const pdfOf = async (id: string): Promise<Buffer> =>
    (await api().file(`/api/invoices/${id}/pdf`).expect(200)).body as Buffer;

  const setPractice = (body: object) => api().patch('/api/practice', body).expect(200);

  /** The FEC of November, one array of fields per record. */
  const fecRecords = async (): Promise<Record<(typeof FEC_COLUMNS)[number], string>[]> => {
    const fec = (await api().file(`/api/exports/fec?${NOVEMBER}`).expect(200)).body as Buffer;
    return fec
      .toString('latin1')
      .split('\r\n')
      .slice(1)
      .map((line) => {
        const fields = line.split('\t');
        return Object.fromEntries(FEC_COLUMNS.map((name, k) => [name, fields[k]])) as Record<
          (typeof FEC_COLUMNS)[number],
          string
        >;
      });
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await setupConsultant(t, {
      siret: '73282932000074',
      vatRegime: 'standard',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
    });
    me = await consultantId(t, token);
    activityId = (await createActivity(t, token)).id;
  });
  afterAll(() => t.close());
  beforeEach(() => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
  });
  afterEach(() => jest.restoreAllMocks());

  describe('the mandatory mentions, read in the PDF stored at issue', () => {
    let text: string;
    let invoice: Body;

    beforeAll(async () => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
      const client = await createClient(t, token, { name: 'Imprimerie Durand SAS' });
      invoice = await invoiceFor(client.id);
      text = pdfText(await pdfOf(invoice.id));
    });

    it.each([
      ['seller name with EI', 'Camille Martin Conseil EI'],
      ['seller legal form', 'Entrepreneur individuel (EI)'],
      ['seller address', '12 rue des Lilas 69003 Lyon France'],
      ['seller SIREN', 'SIREN : 732829320'],
      ['seller SIRET', 'SIRET : 73282932000074'],
      ['seller VAT number', 'N° TVA intracommunautaire : FR44732829320'],
      ['buyer name', 'Imprimerie Durand SAS'],
      ['buyer address', '8 rue de Londres 75009 Paris France'],
      ['buyer SIREN', 'SIREN : 443061841'],
      ['number', 'N° F2026-00001'],
      ['issue date', 'Date d’émission : 02/11/2026'],
      ['service period', 'Période de prestation du 01/10/2026 au 31/10/2026'],
      [
        'line: quantity, unit price HT, VAT rate',
        'Support, urgence normale 2,00 h 90,00 € 20 % 180,00 €',
      ],
      ['total HT', 'Total HT 180,00 €'],
      ['VAT per rate', 'TVA 20 % sur 180,00 € 36,00 €'],
      ['total VAT', 'Total TVA 36,00 €'],
      ['total TTC', 'Total TTC 216,00 €'],
      ['due date', 'Échéance : 02/12/2026'],
      ['payment terms', 'Paiement à 30 jours à compter de la date d’émission'],
      ['late-payment penalty rate', 'Pénalités de retard : taux annuel de 12,15 %'],
      ['40 € recovery indemnity', 'Indemnité forfaitaire pour frais de recouvrement : 40 €'],
      ['no early-payment discount', 'Pas d’escompte pour paiement anticipé'],
      ['operation category', 'Catégorie de l’opération : Prestations de services'],
    ])('prints the %s', (_what, expected) => {
      expect(text).toContain(expected);
    });

    it('is the issued invoice of the API, with no draft mark and no payment', () => {
      expect(invoice).toMatchObject({ number: 'F2026-00001', vatRegime: 'standard' });
      expect(text).not.toMatch(/BROUILLON|Déjà réglé|Reste à payer/);
    });
  });

  describe('the PDF of an issued invoice is made once, at issue', () => {
    let client: { id: string; name: string };
    let invoice: Body;
    let first: Buffer;

    beforeAll(async () => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
      client = await createClient(t, token, { name: 'Garage Martin SARL' });
      invoice = await invoiceFor(client.id);
      first = await pdfOf(invoice.id);
    });

    it('stores the file and chains its SHA-256 with the document', async () => {
      const [row] = await sql('SELECT "pdfSha256" FROM invoices WHERE id = ?', [invoice.id]);
      const [stored] = await sql(
        'SELECT pdf, sha256 FROM invoice_documents WHERE "invoiceId" = ?',
        [invoice.id],
      );
      expect(Buffer.from(stored.pdf).equals(first)).toBe(true);
      expect(stored.sha256).toBe(sha256(first));
      expect(row.pdfSha256).toBe(sha256(first));
      expect((await api().get('/api/invoices/verify-chain').expect(200)).body.ok).toBe(true);
    });

    it('hands out the same bytes after the practice, its logo and the payments change', async () => {
      writeFileSync(join(t.db.env.DATA_DIR, 'logo.png'), png());
      await sql(`UPDATE practice SET "logoPath" = 'logo.png'`);
      await setPractice({ name: 'Camille Martin Informatique' });
      await api()
        .post(`/api/invoices/${invoice.id}/payments`, {
          amountCents: 10000,
          paidOn: '2026-11-02',
          method: 'transfer',
        })
        .expect(201);
      const again = await pdfOf(invoice.id);
      expect(again.equals(first)).toBe(true);
      expect(pdfText(again)).not.toMatch(/Camille Martin Informatique|Déjà réglé|Reste à payer/);
      // The change itself shows on a document issued afterwards.
      const later = pdfText(await pdfOf((await invoiceFor(client.id)).id));
      expect(later).toContain('Camille Martin Informatique EI');
      await setPractice({ name: 'Camille Martin Conseil' });
      await sql(`UPDATE practice SET "logoPath" = NULL`);
    });

    it('zips the stored file itself', async () => {
      const zip = (await api().file(`/api/exports/invoices.zip?${NOVEMBER}`).expect(200))
        .body as Buffer;
      expect(zip.includes(first)).toBe(true);
    });

    it('renders a draft on each request, marked BROUILLON, and stores nothing for it', async () => {
      const draft = await octoberDraft(client.id);
      expect(pdfText(await pdfOf(draft.id))).toContain('BROUILLON');
      const rows = await sql('SELECT "invoiceId" FROM invoice_documents WHERE "invoiceId" = ?', [
        draft.id,
      ]);
      expect(rows).toEqual([]);
    });

    it('is refused any change or deletion by the database', async () => {
      await expect(
        sql('UPDATE invoice_documents SET sha256 = ? WHERE "invoiceId" = ?', ['0', invoice.id]),
      ).rejects.toThrow(/cannot be changed or deleted/);
      await expect(
        sql('DELETE FROM invoice_documents WHERE "invoiceId" = ?', [invoice.id]),
      ).rejects.toThrow(/cannot be changed or deleted/);
    });

    it('stores a credit note’s PDF with its reason, chained too', async () => {
      const note = await api()
        .post(`/api/invoices/${invoice.id}/credit-notes`, { reason: 'Remise commerciale' })
        .expect(201);
      const text = pdfText(await pdfOf(note.body.id));
      expect(text).toContain('AVOIR');
      expect(text).toContain(`Avoir relatif à la facture n° ${invoice.number} du 02/11/2026`);
      expect(text).toContain('Remise commerciale');
      const [row] = await sql('SELECT "pdfSha256" FROM invoices WHERE id = ?', [note.body.id]);
      expect(row.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('English invoices keep the law’s French words', () => {
    it('under reverse charge: "Autoliquidation", then its translation', async () => {
      const client = await createClient(t, token, {
        name: 'Berlin Software GmbH',
        siren: null,
        vatNumber: 'DE123456789',
        locale: 'en',
        address: {
          line1: 'Friedrichstrasse 10',
          postalCode: '10117',
          city: 'Berlin',
          country: 'DE',
        },
      });
      const invoice = await invoiceFor(client.id);
      expect(invoice.vatRegime).toBe('reverse_charge');
      const text = pdfText(await pdfOf(invoice.id));
      expect(text).toContain(
        'Autoliquidation (reverse charge: VAT to be accounted for by the customer',
      );
      expect(text).toContain('INVOICE');
    });

    it('under franchise: "TVA non applicable, art. 293 B du CGI", then its translation', async () => {
      await setPractice({ vatRegime: 'franchise' });
      try {
        const client = await createClient(t, token, { name: 'London Branch Ltd', locale: 'en' });
        const invoice = await invoiceFor(client.id);
        expect(pdfText(await pdfOf(invoice.id))).toContain(
          'TVA non applicable, art. 293 B du CGI (VAT not applicable, art. 293 B of the French tax code)',
        );
      } finally {
        await setPractice({ vatRegime: 'standard' });
      }
    });
  });

  describe('a business outside the EU (art. 259-1 CGI)', () => {
    let swiss: Body;
    let invoice: Body;

    beforeAll(async () => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
      const created = await api()
        .post('/api/clients', {
          name: 'Helvetia Informatik AG',
          vatNumber: 'CHE-123.456.789',
          address: { line1: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zurich', country: 'CH' },
          billingEmail: 'finanzen@helvetia.example',
        })
        .expect(201);
      swiss = created.body as Body;
    });

    it('takes its tax identifier as VAT number', () => {
      expect(swiss.vatNumber).toBe('CHE-123.456.789');
    });

    it('is billed without French VAT, under the export regime and its mention', async () => {
      const draft = await octoberDraft(swiss.id);
      expect(draft).toMatchObject({
        vatRegime: 'export',
        vatMention: 'TVA non applicable – art. 259-1 du CGI',
        totals: { netCents: 18000, vatCents: 0, grossCents: 18000 },
      });
      expect(draft.lines[0].vatRateBp).toBe(0);
      invoice = await issue(draft.id);
      const text = pdfText(await pdfOf(invoice.id));
      expect(text).toContain('TVA non applicable – art. 259-1 du CGI');
      expect(text).toContain('Identifiant fiscal : CHE-123.456.789');
      expect(text).toContain('Total TTC 180,00 €');
      expect(text).not.toContain('TVA 20 % sur');
    });

    it('goes to the FEC with no VAT line, and to the journal with its regime', async () => {
      const entry = (await fecRecords()).filter((r) => r.PieceRef === invoice.number);
      expect(entry.map((r) => [r.CompteNum, r.Debit, r.Credit])).toEqual([
        ['411', '180,00', '0,00'],
        ['7064', '0,00', '180,00'],
      ]);
      const csv = (await api().file(`/api/exports/invoices.csv?${NOVEMBER}`).expect(200))
        .body as Buffer;
      const row = csv
        .toString('utf8')
        .split('\r\n')
        .find((line) => line.startsWith(invoice.number));
      expect(row?.endsWith(';Hors UE, art. 259-1 du CGI')).toBe(true);
    });

    it.each([
      [
        'a French VAT number of another company',
        { vatNumber: 'FR64443061841', siren: '732829320' },
      ],
      ['a foreign number in France', { vatNumber: 'CHE-123.456.789' }],
    ])('refuses a French client with %s, naming vatNumber', async (_what, fields) => {
      const res = await api()
        .post('/api/clients', {
          name: 'Mauvais Numéro SARL',
          address: { line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' },
          billingEmail: 'x@example.fr',
          ...fields,
        })
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'vatNumber' })]);
    });

    it('refuses the same on a change of an existing client', async () => {
      const client = await createClient(t, token);
      const { siren } = (await api().get(`/api/clients/${client.id}`).expect(200)).body as {
        siren: string;
      };
      const res = await api()
        .patch(`/api/clients/${client.id}`, { vatNumber: 'FR44732829320' })
        .expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'vatNumber', code: 'vat_number_siren', siren }),
      ]);
    });
  });

  describe('number formats', () => {
    it('refuses a format the numbering cannot draw, naming the field', async () => {
      const res = await api()
        .patch('/api/practice', { invoiceNumberFormat: 'F{YYYY}-{SEQ:5}{DD}' })
        .expect(400);
      expect(res.body.details).toEqual([
        {
          field: 'invoiceNumberFormat',
          code: 'isNumberFormat',
          reason: 'unknown_token',
          token: 'DD',
          message: expect.stringContaining('{DD}'),
        },
      ]);
    });

    it.each(['F{YYYY}-{SEQ:5}', 'F{YYYY}-0{SEQ:4}'])(
      'refuses a credit-note format %s that can give an invoice’s number',
      async (format) => {
        const res = await api()
          .patch('/api/practice', { creditNoteNumberFormat: format })
          .expect(400);
        expect(res.body.details).toEqual([
          expect.objectContaining({ field: 'creditNoteNumberFormat', code: 'shared_number' }),
        ]);
      },
    );

    it('answers 409 and leaves nothing behind when a number is taken at issue', async () => {
      // A database set up before the check could hold such formats.
      await sql(`UPDATE practice SET "creditNoteNumberFormat" = 'F{YYYY}-0{SEQ:4}'`);
      try {
        const [invoice] = await sql(`SELECT id FROM invoices WHERE number = 'F2026-00001'`);
        const res = await api().post(`/api/invoices/${invoice.id}/credit-notes`).expect(409);
        expect(res.body.code).toBe('conflict.number_taken');
        const read = await api().get(`/api/invoices/${invoice.id}`).expect(200);
        expect(read.body.creditNotes).toEqual([]);
        const counters = await sql(
          `SELECT "lastSeq" FROM document_counters WHERE "seriesKey" = 'F{YYYY}-0{SEQ:4}#2026'`,
        );
        expect(counters).toEqual([]);
      } finally {
        await sql(`UPDATE practice SET "creditNoteNumberFormat" = 'AV{YYYY}-{SEQ:5}'`);
      }
    });
  });

  describe('the late-payment penalty rate', () => {
    it('defaults to the ECB rate plus 10 points, 12.15 %', async () => {
      expect((await api().get('/api/practice').expect(200)).body.latePenaltyRatePercent).toBe(
        12.15,
      );
    });

    it('is kept to the hundredth and printed in French', async () => {
      const res = await setPractice({ latePenaltyRatePercent: 11.57 });
      expect(res.body.latePenaltyRatePercent).toBe(11.57);
      const [row] = await sql('SELECT "latePenaltyRateHundredths" AS rate FROM practice');
      expect(Number(row.rate)).toBe(1157);
      const client = await createClient(t, token);
      const invoice = await invoiceFor(client.id);
      expect(invoice.seller.latePenaltyRatePercent).toBe(11.57);
      expect(pdfText(await pdfOf(invoice.id))).toContain(
        'Pénalités de retard : taux annuel de 11,57 %',
      );
      await setPractice({ latePenaltyRatePercent: 12.15 });
    });

    it('refuses a third decimal, naming the field', async () => {
      const res = await api()
        .patch('/api/practice', { latePenaltyRatePercent: 12.155 })
        .expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'latePenaltyRatePercent' }),
      ]);
    });
  });

  describe('the client’s sub-account in the FEC', () => {
    it('is given at creation, kept through a rename, frozen on each invoice', async () => {
      const client = (
        await api()
          .post('/api/clients', {
            name: 'Boulangerie Dupont',
            address: { line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' },
            billingEmail: 'compta@dupont.example',
          })
          .expect(201)
      ).body as Body;
      expect(client.accountCode).toMatch(/^BOULANGE[0-9A-F]{4}$/);
      const before = await invoiceFor(client.id);
      const renamed = await api()
        .patch(`/api/clients/${client.id}`, { name: 'Dupont & Fils' })
        .expect(200);
      expect(renamed.body.accountCode).toBe(client.accountCode);
      const after = await invoiceFor(client.id);
      expect(after.buyer).toMatchObject({ name: 'Dupont & Fils', accountCode: client.accountCode });
      const lines = (await fecRecords()).filter(
        (r) => [before.number, after.number].includes(r.PieceRef) && r.CompteNum === '411',
      );
      expect(lines.map((r) => [r.CompAuxNum, r.CompAuxLib])).toEqual([
        [`411${client.accountCode}`, 'Boulangerie Dupont'],
        [`411${client.accountCode}`, 'Dupont & Fils'],
      ]);
    });

    it('may be changed, to a code of upper-case letters and digits no other client has', async () => {
      const one = await createClient(t, token);
      const other = (await api().get(`/api/clients/${(await createClient(t, token)).id}`)).body;
      await api().patch(`/api/clients/${one.id}`, { accountCode: 'mixed-case' }).expect(400);
      const taken = await api()
        .patch(`/api/clients/${one.id}`, { accountCode: other.accountCode })
        .expect(409);
      expect(taken.body.details).toEqual([expect.objectContaining({ field: 'accountCode' })]);
      const changed = await api().patch(`/api/clients/${one.id}`, { accountCode: 'CLIENT0001' });
      expect(changed.status).toBe(200);
      expect(changed.body.accountCode).toBe('CLIENT0001');
    });

    it('lists a day’s documents in the order they were issued, a credit note after its invoice', async () => {
      // The sales journal's entries; the bank journal's payments follow them.
      const fec = (await fecRecords()).filter((r) => r.JournalCode === 'VT');
      const pieces = [...new Set(fec.map((r) => `${r.EcritureNum} ${r.PieceRef}`))];
      // The list gives a day's documents newest first, by their place in the chain.
      const issued = (await api().get('/api/invoices?limit=500').expect(200)).body.items
        .filter((d: Body) => d.issueDate === '2026-11-02')
        .reverse();
      expect(pieces.map((p) => p.split(' ')[1])).toEqual(issued.map((d: Body) => d.number));
      expect(pieces.map((p) => Number(p.split(' ')[0]))).toEqual(pieces.map((_, k) => k + 1));
      const note = issued.findIndex((d: Body) => d.kind === 'credit_note');
      expect(note).toBeGreaterThan(0);
    });
  });

  describe('behind the application’s back', () => {
    it('a stored PDF overwritten no longer downloads: 409 naming the document', async () => {
      const [doc] = await sql(`SELECT id, number FROM invoices WHERE number = 'F2026-00001'`);
      if (t.db.kind === 'postgres') {
        await sql('DROP TRIGGER invoice_documents_frozen ON invoice_documents');
      } else {
        await sql('DROP TRIGGER invoice_documents_frozen_update');
      }
      await sql('UPDATE invoice_documents SET pdf = ?, sha256 = ? WHERE "invoiceId" = ?', [
        Buffer.from('%PDF-1.7 forged'),
        sha256(Buffer.from('%PDF-1.7 forged')),
        doc.id,
      ]);
      const res = await api().get(`/api/invoices/${doc.id}/pdf`).expect(409);
      expect(res.body).toMatchObject({ code: 'conflict.pdf_altered' });
      expect(res.body.message).toContain('F2026-00001');
    });

    it('a credit note’s printed reason edited breaks the chain at that credit note', async () => {
      const [note] = await sql(`SELECT id, number FROM invoices WHERE kind = 'credit_note'`);
      if (t.db.kind === 'postgres') {
        await sql('DROP TRIGGER invoices_frozen ON invoices');
      } else {
        await sql('DROP TRIGGER invoices_frozen_update');
      }
      await sql(`UPDATE invoices SET notes = 'Geste commercial' WHERE id = ?`, [note.id]);
      const chain = await api().get('/api/invoices/verify-chain').expect(200);
      expect(chain.body).toMatchObject({ ok: false, firstBrokenNumber: note.number });
    });

    it('a document issued before PDFs were stored gets its file on first download, then keeps it', async () => {
      const practice = (await api().get('/api/practice').expect(200)).body as Body;
      const client = await createClient(t, token, { name: 'Ancien Client SARL' });
      const seller = { ...practice, latePenaltyRatePercent: 10 };
      const buyer = {
        name: 'Ancien Client SARL',
        siren: '443061841',
        vatNumber: null,
        address: { line1: '8 rue de Londres', postalCode: '75009', city: 'Paris', country: 'FR' },
        billingEmail: 'compta@client.example',
      };
      const id = 'a0a0a0a0-0000-4000-8000-000000000001';
      await sql(
        `INSERT INTO invoices (id, kind, status, number, "clientId", "periodStart", "periodEnd",
           "issueDate", "dueDate", "paymentTermsDays", locale, "vatRegime", seller, buyer,
           "netCents", "vatCents", "grossCents", "byRate", "createdAt", "issuedAt")
         VALUES (?, 'invoice', 'issued', 'F2025-00099', ?, '2025-06-01', '2025-06-30',
           '2025-07-01', '2025-07-31', 30, 'fr', 'franchise', ?, ?, 0, 0, 0, '[]',
           '2025-07-01T08:00:00.000Z', '2025-07-01T08:00:00.000Z')`,
        [id, client.id, JSON.stringify(seller), JSON.stringify(buyer)],
      );
      const first = await pdfOf(id);
      expect(pdfText(first)).toContain('N° F2025-00099');
      expect(pdfText(first)).toContain('taux annuel de 10 %');
      const [stored] = await sql('SELECT sha256 FROM invoice_documents WHERE "invoiceId" = ?', [
        id,
      ]);
      expect(stored.sha256).toBe(sha256(first));
      expect((await pdfOf(id)).equals(first)).toBe(true);
    });
  });
});
