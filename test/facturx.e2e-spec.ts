import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvoiceLine } from '../src/invoicing/invoice-line.entity';
import { lineRowValues } from '../src/invoicing/line-rows';
import { startTestApp, type TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { consultantId, insertContract, insertIntervention } from './factories/invoicing';
import { findingLines, validateCii, type CiiReport } from './support/cii-validation';
import { binary, pdfText } from './support/pdf-text';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOUR = 3_600_000;
/** Monday 2 November 2026, 10:00 in Paris: October's work is billed and issued that day. */
const NOW = '2026-11-02T10:00:00+01:00';

/** Runs a command on a file holding `pdf` and gives its standard output. */
function withPdf(pdf: Buffer, command: string, args: (file: string) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'facturx-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync(command, args(file), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The catalog of a PDF as qpdf reads it (its JSON form). */
function catalogOf(pdf: Buffer): { catalog: Body; objects: Body } {
  const json = JSON.parse(withPdf(pdf, 'qpdf', (f) => ['--json', '--json-key=qpdf', f])) as Body;
  const [, objects] = json.qpdf as [Body, Body];
  const trailer = objects.trailer.value as Body;
  const catalog = objects[`obj:${trailer['/Root'] as string}`].value as Body;
  return { catalog, objects };
}

/**
 * Factur-X through the API on a real database: every issued invoice and credit note has a CII
 * XML (EN 16931 profile) that passes the official XSDs and rules, and the PDF stored at issue
 * carries those very bytes as factur-x.xml, PDF/A-3B with the Factur-X XMP.
 */
describe('Factur-X: the CII XML and the PDF/A-3 that carries it', () => {
  let t: TestApp;
  let token: string;
  let me: string;
  let activityId: string;
  /** Every XML the scenarios produced, by scenario. */
  const xmls: Record<string, string> = {};
  let reports: Record<string, CiiReport>;
  const docs: Record<string, Body> = {};

  const api = () => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(token)),
    file: (url: string, as = token) =>
      t
        .http()
        .get(url)
        .set(...bearer(as))
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

  const setPractice = (body: object) => api().patch('/api/practice', body).expect(200);

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

  const xmlOf = async (id: string): Promise<string> => {
    const res = await api().file(`/api/invoices/${id}/facturx.xml`).expect(200);
    expect(res.headers['content-type']).toContain('application/xml');
    return (res.body as Buffer).toString('utf8');
  };

  const pdfOf = async (id: string): Promise<Buffer> =>
    (await api().file(`/api/invoices/${id}/pdf`).expect(200)).body as Buffer;

  /** Issues the draft, keeps its XML under `name`. */
  async function issued(name: string, draftId: string): Promise<Body> {
    const doc = await issue(draftId);
    docs[name] = doc;
    xmls[name] = await xmlOf(doc.id as string);
    return doc;
  }

  const manual = (description: string, vatRateBp: number, unitPriceCents = 10000) => ({
    description,
    quantity: 1,
    unit: 'unit',
    unitPriceCents,
    vatRateBp,
    // Vocational training (art. 261-4-4° a CGI): the reason a 0 % line names.
    ...(vatRateBp === 0 ? { vatExemption: 'training' } : {}),
  });

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    token = await setupConsultant(t, {
      siret: '73282932000074',
      vatRegime: 'standard',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
    });
    me = await consultantId(t, token);
    activityId = (await createActivity(t, token)).id;

    // Standard VAT at several rates, and a 0 % line (exempt) beside a 20 % one.
    const durand = await createClient(t, token, { name: 'Imprimerie Durand & Fils SAS' });
    const several = await octoberDraft(durand.id);
    await api()
      .patch(`/api/invoices/${several.id}`, {
        lines: [manual('Ouvrage technique', 550, 3990), manual('Formation', 1000)],
      })
      .expect(200);
    await issued('standard', several.id);
    const exempt = await octoberDraft(durand.id);
    await api()
      .patch(`/api/invoices/${exempt.id}`, { lines: [manual('Formation certifiante', 0)] })
      .expect(200);
    await issued('exempt', exempt.id);

    // A partial credit note of the several-rate invoice.
    const note = await api()
      .post(`/api/invoices/${docs.standard.id as string}/credit-notes`, {
        lines: [{ lineIndex: 0, amountCents: 9000 }],
        reason: 'Intervention facturée deux fois',
      })
      .expect(201);
    docs.creditNote = note.body as Body;
    xmls.creditNote = await xmlOf(note.body.id as string);

    // A business in another EU country (reverse charge), and one outside the EU (export).
    const berlin = await createClient(t, token, {
      name: 'Berlin Software GmbH',
      siren: null,
      vatNumber: 'DE123456789',
      address: { line1: 'Friedrichstrasse 10', postalCode: '10117', city: 'Berlin', country: 'DE' },
    });
    await issued('reverseCharge', (await octoberDraft(berlin.id)).id as string);
    const zurich = await createClient(t, token, {
      name: 'Helvetia Informatik AG',
      siren: null,
      vatNumber: 'CHE-123.456.789',
      address: { line1: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zurich', country: 'CH' },
    });
    await issued('export', (await octoberDraft(zurich.id)).id as string);

    // 300 lines: the draft's own line and 299 more written beside it.
    const big = await octoberDraft(durand.id);
    const repo = t.dataSource.getRepository(InvoiceLine);
    const rows = Array.from({ length: 299 }, (_, k) =>
      repo.create(
        lineRowValues(big.id as string, k + 1, {
          kind: 'manual',
          description: `Poste ${k + 1}`,
          quantity: 1.25,
          unit: 'hour',
          unitPriceCents: 4000 + k,
          vatRateBp: k % 3 === 0 ? 1000 : 2000,
          amountCents: Math.round(1.25 * (4000 + k)),
          interventionIds: [],
        }),
      ),
    );
    await repo.insert(rows);
    await issued('threeHundredLines', big.id as string);

    // A company seller.
    await setPractice({
      legalForm: 'SASU',
      name: 'Martin Conseil',
      tradeRegistry: 'RCS',
      tradeRegistryCity: 'Lyon',
      shareCapitalCents: 500000,
      vatOnDebits: true,
    });
    await issued('company', (await octoberDraft(durand.id)).id as string);
    await setPractice({
      legalForm: 'EI',
      name: 'Camille Martin Conseil',
      tradeRegistry: null,
      tradeRegistryCity: null,
      shareCapitalCents: null,
      vatOnDebits: false,
    });

    // Under franchise (no VAT, art. 293 B).
    await setPractice({ vatRegime: 'franchise' });
    await issued('franchise', (await octoberDraft(durand.id)).id as string);
    await setPractice({ vatRegime: 'standard' });

    reports = validateCii(xmls);
  });
  afterAll(() => t.close());

  it.each([
    'standard',
    'exempt',
    'creditNote',
    'reverseCharge',
    'export',
    'threeHundredLines',
    'company',
    'franchise',
  ])('%s: passes the XSDs, the EN 16931 rules and the Factur-X rules', (name) => {
    expect(findingLines(reports[name].errors)).toEqual([]);
  });

  it('meets the French CTC rules (BR-FR) too', () => {
    const french = Object.values(reports).flatMap((r) =>
      findingLines(r.frenchErrors).map((line) => `${r.name}: ${line}`),
    );
    expect(french).toEqual([]);
  });

  it('fails validation once a required element is removed', () => {
    const withoutNumber = xmls.standard.replace(
      `<ram:ID>${docs.standard.number as string}</ram:ID>`,
      '',
    );
    const withoutSeller = xmls.standard.replace(
      /<ram:SellerTradeParty>.*<\/ram:SellerTradeParty>/,
      '',
    );
    expect(withoutNumber).not.toBe(xmls.standard);
    const broken = validateCii({ withoutNumber, withoutSeller });
    expect(broken.withoutNumber.errors.map((f) => f.id)).toEqual(
      expect.arrayContaining(['XSD', 'BR-02']),
    );
    expect(broken.withoutSeller.errors.map((f) => f.id)).toEqual(expect.arrayContaining(['XSD']));
  });

  it('states the document, its rates and totals with two decimals', () => {
    const xml = xmls.standard;
    expect(xml).toContain(`<ram:ID>${docs.standard.number as string}</ram:ID><ram:TypeCode>380`);
    expect(xml).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
    expect(xml).toContain('<udt:DateTimeString format="102">20261102</udt:DateTimeString>');
    expect(xml).toContain('<ram:BilledQuantity unitCode="HUR">2.00</ram:BilledQuantity>');
    expect(xml).toMatch(
      /<ram:CategoryCode>S<\/ram:CategoryCode><ram:DueDateTypeCode>72<\/ram:DueDateTypeCode><ram:RateApplicablePercent>5.50<\/ram:RateApplicablePercent>/,
    );
    // 180 € at 20 %, 39.90 € at 5.5 %, 100 € at 10 %.
    expect(xml).toContain('<ram:TaxBasisTotalAmount>319.90</ram:TaxBasisTotalAmount>');
    expect(xml).toContain('<ram:TaxTotalAmount currencyID="EUR">48.19</ram:TaxTotalAmount>');
    expect(xml).toContain('<ram:GrandTotalAmount>368.09</ram:GrandTotalAmount>');
    expect(xml).toContain('<ram:IBANID>FR7630006000011234567890189</ram:IBANID>');
    expect(xml).toContain('<ram:Name>Imprimerie Durand &amp; Fils SAS</ram:Name>');
    for (const code of ['PMD', 'PMT', 'AAB']) {
      expect(xml).toContain(`<ram:SubjectCode>${code}</ram:SubjectCode>`);
    }
    expect(xml).toContain('Pénalités de retard : taux annuel de 12,15');
  });

  it('names the regime of each kind of sale in its VAT breakdown', () => {
    expect(xmls.franchise).toContain(
      '<ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason>',
    );
    expect(xmls.franchise).toContain('<ram:ExemptionReasonCode>VATEX-FR-FRANCHISE<');
    expect(xmls.reverseCharge).toContain('<ram:CategoryCode>AE</ram:CategoryCode>');
    expect(xmls.reverseCharge).toContain('<ram:ExemptionReasonCode>VATEX-EU-AE<');
    expect(xmls.export).toContain('<ram:CategoryCode>G</ram:CategoryCode>');
    expect(xmls.export).toContain('<ram:ExemptionReasonCode>VATEX-EU-G<');
    expect(xmls.exempt).toContain(
      '<ram:ExemptionReason>Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)</ram:ExemptionReason><ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>E</ram:CategoryCode><ram:ExemptionReasonCode>VATEX-EU-132-1I</ram:ExemptionReasonCode>',
    );
    expect(xmls.threeHundredLines.match(/<ram:IncludedSupplyChainTradeLineItem>/g)).toHaveLength(
      300,
    );
    expect(xmls.company.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      '<ram:Name>Martin Conseil</ram:Name><ram:Description>SASU au capital de 5 000 €, RCS Lyon 732 829 320</ram:Description>',
    );
    // Under the option for VAT on debits, VAT falls due at the invoice date (code 5).
    expect(xmls.company).toContain('<ram:DueDateTypeCode>5</ram:DueDateTypeCode>');
  });

  it("credits with 381 and positive amounts, naming the invoice's number and date", () => {
    const xml = xmls.creditNote;
    expect(xml).toContain(`<ram:ID>${docs.creditNote.number as string}</ram:ID><ram:TypeCode>381`);
    expect(xml).toContain(
      `<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${docs.standard.number as string}</ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261102</qdt:DateTimeString>`,
    );
    expect(xml).toContain('<ram:GrandTotalAmount>108.00</ram:GrandTotalAmount>');
    expect(xml).not.toMatch(/>-\d/);
    expect(xml).toContain('Intervention facturée deux fois');
  });

  describe('the PDF stored at issue', () => {
    let pdf: Buffer;

    beforeAll(async () => {
      pdf = await pdfOf(docs.standard.id as string);
    });

    it('carries factur-x.xml, byte for byte the XML the API answers', () => {
      const attached = withPdf(pdf, 'qpdf', (f) => ['--show-attachment=factur-x.xml', f]);
      expect(attached).toBe(xmls.standard);
    });

    it('lists it in the catalog’s /AF as the Alternative form of the invoice', () => {
      const { catalog, objects } = catalogOf(pdf);
      const af = catalog['/AF'] as string[];
      expect(af).toHaveLength(1);
      const spec = objects[`obj:${af[0]}`].value as Body;
      expect(spec).toMatchObject({
        '/Type': '/Filespec',
        '/AFRelationship': '/Alternative',
        '/F': 'u:factur-x.xml',
        '/UF': 'u:factur-x.xml',
      });
      expect(catalog['/OutputIntents']).toHaveLength(1);
    });

    it('declares PDF/A-3B and the Factur-X properties in its XMP', () => {
      const xmp = withPdf(pdf, 'pdfinfo', (f) => ['-meta', f]);
      expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
      expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
      expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
      expect(xmp).toContain('<fx:Version>1.0</fx:Version>');
      expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
      expect(xmp).toContain(
        '<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>',
      );
      // pdffonts: name, type, encoding, then "emb sub uni" and the object: every font embedded.
      const fonts = withPdf(pdf, 'pdffonts', (f) => [f])
        .trim()
        .split('\n')
        .slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    });

    it('is still the chained file, with its text as before', async () => {
      expect((await api().get('/api/invoices/verify-chain').expect(200)).body.ok).toBe(true);
      expect(pdfText(pdf)).toContain('Total TTC 368,09 €');
    });

    it('does the same for a credit note', async () => {
      const note = await pdfOf(docs.creditNote.id as string);
      const attached = withPdf(note, 'qpdf', (f) => ['--show-attachment=factur-x.xml', f]);
      expect(attached).toBe(xmls.creditNote);
    });
  });

  describe('a draft', () => {
    let draft: Body;

    beforeAll(async () => {
      const client = await createClient(t, token);
      draft = await octoberDraft(client.id);
    });

    it('has no XML yet: 409', async () => {
      const res = await api()
        .get(`/api/invoices/${draft.id as string}/facturx.xml`)
        .expect(409);
      expect(res.body.code).toBe('conflict.facturx_draft');
    });

    it('prints a plain PDF with its mark, no file attached', async () => {
      const pdf = await pdfOf(draft.id as string);
      expect(pdfText(pdf)).toContain('BROUILLON');
      expect(withPdf(pdf, 'qpdf', (f) => ['--list-attachments', f])).toMatch(/no embedded files/);
    });
  });

  it('keeps the XMP valid XML for a seller named "Dupont & Fils <IT>", the Info dictionary reading the name as it is', async () => {
    await setPractice({ name: 'Dupont & Fils <IT>' });
    try {
      const client = await createClient(t, token, { name: 'Cabinet Lenoir' });
      const doc = await issue((await octoberDraft(client.id)).id as string);
      const pdf = await pdfOf(doc.id as string);
      const xmp = withPdf(pdf, 'pdfinfo', (f) => ['-meta', f]);
      // xmllint refuses a document that is no XML (it exits non-zero, which throws).
      expect(() =>
        execFileSync('xmllint', ['--noout', '-'], { input: xmp, stdio: 'pipe' }),
      ).not.toThrow();
      // An EI's name is followed by its mention.
      expect(xmp).toContain('<rdf:li>Dupont &amp; Fils &lt;IT&gt; EI</rdf:li>');
      const info = withPdf(pdf, 'pdfinfo', (f) => [f]);
      expect(info).toMatch(/^Author:\s+Dupont & Fils <IT> EI$/m);
      expect(withPdf(pdf, 'qpdf', (f) => ['--show-attachment=factur-x.xml', f])).toContain(
        '<ram:Name>Dupont &amp; Fils &lt;IT&gt; EI</ram:Name>',
      );
    } finally {
      await setPractice({ name: 'Camille Martin Conseil' });
    }
  });

  it("gives a client's staff their own document's XML, and another company's as unknown", async () => {
    const own = docs.reverseCharge;
    const [berlinUser, durandUser] = await Promise.all([
      createUser(t, token, 'client', own.clientId as string),
      createUser(t, token, 'client', docs.standard.clientId as string),
    ]);
    const res = await api()
      .file(`/api/invoices/${own.id as string}/facturx.xml`, berlinUser.token)
      .expect(200);
    expect((res.body as Buffer).toString('utf8')).toBe(xmls.reverseCharge);
    await api()
      .file(`/api/invoices/${own.id as string}/facturx.xml`, durandUser.token)
      .expect(404);
  });
});
