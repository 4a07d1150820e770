import { DEMO_PASSWORD, seedDemo, type DemoSummary } from '../scripts/demo-seed';
import { SupportRequest } from '../src/requests/request.entity';
import { startTestApp, type TestApp } from './app';
import { bearer } from './factories';

/** `npm run demo` seeds a year of a realistic practice through the services; this checks it. */
describe('demo practice (npm run demo)', () => {
  let t: TestApp;
  let summary: DemoSummary;
  let token: string;

  const get = (path: string) =>
    t
      .http()
      .get(path)
      .set(...bearer(token))
      .expect(200)
      .then((res) => res.body);

  beforeAll(async () => {
    t = await startTestApp();
    summary = await seedDemo(t.app);
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@gardefou.demo', password: DEMO_PASSWORD })
      .expect(200);
    token = res.body.accessToken;
  }, 300_000); // a year of work replayed through the services: minutes on a loaded machine

  afterAll(async () => {
    await t?.close();
  });

  // How long seeding takes is printed by `npm run demo`, not asserted: timing belongs to benchmarks.
  it('seeds a period of a year, ending before today', () => {
    expect(summary.period.from < summary.period.to).toBe(true);
    expect(summary.period.to < t.clock.today()).toBe(true);
  });

  it('has three client companies, one contract of each billing mode', async () => {
    const clients = await get('/api/clients');
    expect(clients.total).toBe(3);
    const contracts = await get('/api/contracts');
    const modes = contracts.items.map((c: { billing: { mode: string } }) => c.billing.mode).sort();
    expect(modes).toEqual(['prepaid', 'retainer', 'time_and_materials']);
  });

  it('holds a year of work, with urgent and after-hours interventions', async () => {
    const all = await get('/api/interventions?limit=500');
    expect(all.total).toBeGreaterThanOrEqual(500);
    const rows: { urgency: string; afterHoursMinutes: number }[] = all.items;
    const urgent = rows.filter((i) => ['high', 'critical'].includes(i.urgency)).length;
    expect(urgent / rows.length).toBeGreaterThan(0.05);
    expect(urgent / rows.length).toBeLessThan(0.3);
    expect(rows.some((i) => i.afterHoursMinutes > 0)).toBe(true);
  });

  it('issued invoices month by month, their hash chain intact', async () => {
    const invoices = await get('/api/invoices?kind=invoice&limit=500');
    const months = new Set(
      invoices.items.map((i: { periodEnd: string }) => i.periodEnd.slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(12);
    const chain = await get('/api/invoices/verify-chain');
    expect(chain).toMatchObject({ ok: true });
    expect(chain.checked).toBeGreaterThanOrEqual(invoices.total);
  });

  it('has paid, partially paid and overdue invoices, and one credit note', async () => {
    const statuses = ['paid', 'partially_paid', 'overdue'];
    for (const status of statuses) {
      const page = await get(`/api/invoices?kind=invoice&status=${status}`);
      expect({ status, some: page.total > 0 }).toEqual({ status, some: true });
    }
    const paid = await get('/api/invoices?kind=invoice&status=paid');
    const issued = await get('/api/invoices?kind=invoice&limit=500');
    expect(paid.total / issued.total).toBeGreaterThan(0.6);
    const notes = await get('/api/invoices?kind=credit_note');
    expect(notes.total).toBe(1);
  });

  it('has requests of each policy outcome, false urgencies and comments', async () => {
    const outcomes = await t.dataSource.query(
      `SELECT "policyOutcome" AS outcome, COUNT(*) AS n FROM requests GROUP BY "policyOutcome"`,
    );
    const found = outcomes.map((o: { outcome: string }) => o.outcome).sort();
    expect(found).toEqual(['accepted', 'downgraded', 'overage']);
    expect(summary.requestOutcomes.rejected).toBeGreaterThan(0);
    const falseUrgencies = await t.dataSource
      .getRepository(SupportRequest)
      .count({ where: { falseUrgency: true } });
    expect(falseUrgencies).toBeGreaterThan(0);
    const comments = await t.dataSource.query(`SELECT COUNT(*) AS n FROM request_comments`);
    expect(Number(comments[0].n)).toBeGreaterThan(0);
    const open = await get('/api/requests?status=open');
    expect(open.total).toBeGreaterThan(0);
  });

  it("shows the consultant's year as a workload at risk, not green", async () => {
    const { from, to } = summary.period;
    const report = await get(`/api/reports/workload?from=${from}&to=${to}`);
    expect(['amber', 'red']).toContain(report.risk.level);
    expect(report.indicators.weeksOverLimit).toBeGreaterThanOrEqual(1);
    expect(report.indicators.weekendDaysWorked).toBeGreaterThan(0);
  });

  it('lets every demo user sign in with the printed password', async () => {
    for (const user of summary.users) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: summary.password });
      expect({ email: user.email, status: res.status }).toEqual({ email: user.email, status: 200 });
    }
  });

  it('shows a client its own company only, with a published article to read', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'sophie@acme.demo', password: DEMO_PASSWORD })
      .expect(200);
    const clientToken: string = login.body.accessToken;
    const clients = await t
      .http()
      .get('/api/clients')
      .set(...bearer(clientToken))
      .expect(200);
    expect(clients.body.items.map((c: { name: string }) => c.name)).toEqual(['Acme Logistique']);
    const articles = await t
      .http()
      .get('/api/articles')
      .set(...bearer(clientToken))
      .expect(200);
    expect(articles.body.total).toBeGreaterThanOrEqual(5);
  });
});
