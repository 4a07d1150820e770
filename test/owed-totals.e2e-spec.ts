import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, PASSWORD, setupConsultant } from './factories';
import { createContract } from './factories/contracts';
import { binary } from './support/pdf-text';
import { WebSession } from './support/web';

/**
 * What a client owes is one figure, read the same everywhere: F1 (October's fee and a 999.00 €
 * line: 1,599.00 €) is paid 500.00 €, F2 (November's fee and a 6,244.51 € line: 6,844.51 €) is
 * credited in full. The credit note owes nothing of its own, so 1,099.00 € is owed on the API's
 * list totals, the client report, the sales journal, the accounting page, the console's invoice
 * list and the client's portal.
 */
describe('what a client owes, read the same by every reader', () => {
  let t: TestApp;
  let consultant: string;
  let clientId: string;
  let clientUser: { token: string; email: string };
  const OWED = 159_900 - 50_000;

  const api = (token: string) => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(token)),
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

  /** The month's retainer fee (600.00 €, no VAT) and a line of `unitPriceCents`. */
  async function issueMonth(
    contractId: string,
    month: string,
    unitPriceCents: number,
  ): Promise<{ id: string; totals: { grossCents: number } }> {
    const draft = await api(consultant)
      .post('/api/invoices/drafts', {
        contractId,
        periodStart: `${month}-01`,
        periodEnd: `${month}-${month === '2026-11' ? '30' : '31'}`,
      })
      .expect(201);
    await api(consultant)
      .patch(`/api/invoices/${draft.body.id}`, {
        lines: [{ description: 'Prestation', quantity: 1, unit: 'unit', unitPriceCents }],
      })
      .expect(200);
    return (await api(consultant).post(`/api/invoices/${draft.body.id}/issue`).expect(200)).body;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { now: '2026-12-10T10:00:00+01:00' });
    consultant = await setupConsultant(t);
    const client = await createClient(t, consultant, { name: 'Cabinet Tournesol' });
    clientId = client.id;
    const contract = await createContract(t, consultant, client.id);
    const f1 = await issueMonth(contract.id, '2026-10', 99_900);
    expect(f1.totals.grossCents).toBe(159_900);
    await api(consultant)
      .post(`/api/invoices/${f1.id}/payments`, {
        amountCents: 50_000,
        paidOn: '2026-12-10',
        method: 'transfer',
      })
      .expect(201);
    const f2 = await issueMonth(contract.id, '2026-11', 624_451);
    expect(f2.totals.grossCents).toBe(684_451);
    await api(consultant).post(`/api/invoices/${f2.id}/credit-notes`).expect(201);
    clientUser = await createUser(t, consultant, 'client', client.id);
  });
  afterAll(() => t.close());

  it('gives the credit note no balance and the API list totals 1,099.00 €', async () => {
    const list = await api(consultant).get('/api/invoices?limit=50').expect(200);
    const note = list.body.items.find((i: { kind: string }) => i.kind === 'credit_note');
    expect(note.balanceCents).toBe(0);
    expect(list.body.totals.balanceCents).toBe(OWED);
    const own = await api(clientUser.token).get('/api/invoices?limit=50').expect(200);
    expect(own.body.totals.balanceCents).toBe(OWED);
  });

  it('says 1,099.00 € in the client report', async () => {
    const report = await api(consultant)
      .get(`/api/reports/clients/${clientId}?from=2026-12&to=2026-12`)
      .expect(200);
    expect(report.body.balanceCents).toBe(OWED);
  });

  it('sums the sales journal to 1,099.00 €', async () => {
    const csv = await api(consultant)
      .get('/api/exports/invoices.csv?from=2026-12-01&to=2026-12-31&locale=en')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const [header, ...rows] = (csv.body as Buffer)
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .filter(Boolean);
    const column = header.split(',').indexOf('Balance');
    expect(column).toBeGreaterThan(-1);
    const sum = rows.reduce(
      (total, row) => total + Math.round(Number(row.split(',')[column]) * 100),
      0,
    );
    expect(sum).toBe(OWED);
  });

  it('shows 1 099,00 € on the accounting page, the console list and the portal', async () => {
    const owed = /1\s099,00\s€/;
    const accountant = await createUser(t, consultant, 'accountant');
    const books = new WebSession(t);
    await books.signIn(accountant.email, PASSWORD);
    expect((await books.get('/accounting?from=2026-12-01&to=2026-12-31')).text).toMatch(owed);
    const console = new WebSession(t);
    await console.signIn('camille@example.fr', PASSWORD);
    const invoices = (await console.get('/console/invoices')).text;
    const totalsRow = /<tfoot>[\s\S]*?<\/tfoot>/.exec(invoices)?.[0] ?? '';
    expect(totalsRow).toMatch(owed);
    expect(invoices).not.toMatch(/−6\s844,51\s€<\/td>\s*<\/tr>/);
    const portal = new WebSession(t);
    await portal.signIn(clientUser.email, PASSWORD);
    const page = (await portal.get('/portal/invoices')).text;
    expect(page).toMatch(/1\s099,00\s€/);
    expect(page).not.toMatch(/−6\s844,51\s€<\/td>\s*<td>/);
  });
});
