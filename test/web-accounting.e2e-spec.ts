import { startTestApp, TestApp } from './app';
import { bearer, createUser, PASSWORD, setupConsultant } from './factories';
import { interventionInput, logIntervention, supportSetup } from './factories/interventions';
import { WebSession } from './support/web';
import { binary } from './support/pdf-text';

/** A file downloaded with the session's cookies, its body as a Buffer. */
function download(t: TestApp, web: WebSession, path: string) {
  const cookies = (web as unknown as { cookieHeader(): string }).cookieHeader();
  return t.http().get(path).set('Cookie', cookies).buffer(true).parse(binary);
}

describe("web pages: the accountant's page", () => {
  let t: TestApp;
  let consultant: string;
  let accountant: WebSession;
  let issued: { id: string; number: string; issueDate: string; totals: { grossCents: number } };
  let period: string;
  let closing: string;

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
    const setup = await supportSetup(t, consultant, {
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
      },
    });
    for (const day of ['2026-11-02', '2026-11-03']) {
      await logIntervention(
        t,
        consultant,
        interventionInput(setup.contract.id, setup.activityId, {
          startedAt: `${day}T10:00:00+01:00`,
          endedAt: `${day}T12:00:00+01:00`,
        }),
      ).expect(201);
    }
    const draft = async (periodStart: string, periodEnd: string) =>
      t
        .http()
        .post('/api/invoices/drafts')
        .set(...bearer(consultant))
        .send({ contractId: setup.contract.id, periodStart, periodEnd })
        .expect(201);
    const first = await draft('2026-11-02', '2026-11-02');
    const res = await t
      .http()
      .post(`/api/invoices/${first.body.id}/issue`)
      .set(...bearer(consultant))
      .expect(200);
    issued = res.body;
    // A draft is not an accounting document: it must not show.
    await draft('2026-11-03', '2026-11-03');
    // The period holds the draft too (placed by the end of its own period).
    closing = issued.issueDate > '2026-11-30' ? issued.issueDate : '2026-11-30';
    period = `from=2026-11-01&to=${closing}`;
    const user = await createUser(t, consultant, 'accountant');
    accountant = new WebSession(t);
    await accountant.signIn(user.email, PASSWORD);
  });
  afterAll(() => t.close());

  it('lists the issued invoices of the period with their totals, and leaves drafts out', async () => {
    const res = await accountant.get(`/accounting?${period}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Comptabilité</h1>');
    const rows = res.text.match(/<tbody>[\s\S]*?<\/tbody>/g)!;
    const documents = rows[rows.length - 1];
    expect(documents).toContain(`<th scope="row">${issued.number}</th>`);
    expect(documents.match(/<tr>/g)).toHaveLength(1);
    const withDrafts = await t
      .http()
      .get(`/api/invoices?${period}`)
      .set(...bearer(consultant));
    expect(withDrafts.body.total).toBe(2);
    // 2 h at 90 €/h.
    expect(issued.totals.grossCents).toBe(18000);
    expect(res.text).toMatch(
      /Factures<\/th>\s*<td class="num">1<\/td>\s*<td class="num">180,00\u00a0€/,
    );
    expect(res.text).toContain(`href="/accounting/invoices/${issued.id}/pdf"`);
    // The accountant's menu holds the accounting page only.
    expect(res.text).not.toContain('href="/console/inbox"');
  });

  it('downloads the FEC named <SIREN>FEC<closing date>.txt in ISO 8859-15', async () => {
    const res = await download(t, accountant, `/accounting/exports/fec?${period}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="732829320FEC${closing.replace(/-/g, '')}.txt"`,
    );
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.headers['content-type']).toMatch(/ISO-8859-15/i);
    const text = (res.body as Buffer).toString('latin1');
    expect(text.split('\r\n')[0].split('\t')).toHaveLength(18);
    expect(text).toContain(issued.number);
  });

  it('downloads the sales journal as CSV and the PDFs as a ZIP', async () => {
    const csv = await download(t, accountant, `/accounting/exports/invoices.csv?${period}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    expect((csv.body as Buffer).toString('utf8')).toContain(issued.number);
    const zip = await download(t, accountant, `/accounting/exports/invoices.zip?${period}`);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect((zip.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((zip.body as Buffer).toString('latin1')).toContain(`${issued.number}.pdf`);
  });

  it("downloads one invoice's PDF", async () => {
    const res = await download(t, accountant, `/accounting/invoices/${issued.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an export without its period', async () => {
    const res = await accountant.get('/accounting/exports/fec');
    expect(res.status).toBe(400);
  });

  it('opens to the consultant with the console menu, and refuses the accountant the console', async () => {
    const web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
    const page = await web.get(`/accounting?${period}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/console/inbox"');
    expect((await accountant.get('/console')).status).toBe(403);
  });

  it('refuses a client user', async () => {
    const client = await t
      .http()
      .get('/api/clients')
      .set(...bearer(consultant));
    const user = await createUser(t, consultant, 'client', client.body.items[0].id as string);
    const web = new WebSession(t);
    await web.signIn(user.email, PASSWORD);
    expect((await web.get('/accounting')).status).toBe(403);
    expect((await web.get(`/accounting/invoices/${issued.id}/pdf`)).status).toBe(403);
  });
});
