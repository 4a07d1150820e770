import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, PASSWORD, setupConsultant } from './factories';
import { createContract } from './factories/contracts';
import { interventionInput, logIntervention } from './factories/interventions';
import { WebSession } from './support/web';

/**
 * Inputs an attacker sent that once were stored wrong or answered 500: each is now a 400 naming
 * the field, and what was stored before is intact.
 */
describe('hostile input: refused with a 400 naming the field, nothing stored', () => {
  let t: TestApp;
  let token: string;
  let contractId: string;
  let activityId: string;
  let invoiceId: string;

  const api = () => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(token)),
    post: (url: string, body: unknown) =>
      t
        .http()
        .post(url)
        .set(...bearer(token))
        .send(body as object),
    patch: (url: string, body: unknown) =>
      t
        .http()
        .patch(url)
        .set(...bearer(token))
        .send(body as object),
    delete: (url: string) =>
      t
        .http()
        .delete(url)
        .set(...bearer(token)),
  });
  const fields = (body: { details?: { field?: string }[] }) =>
    (body.details ?? []).map((d) => d.field);
  /** Each bad field as `field: code`, the problem's code for machines. */
  const problems = (body: { details?: { field?: string; code?: string }[] }) =>
    (body.details ?? []).map((d) => `${d.field}: ${d.code}`);

  beforeAll(async () => {
    t = await startTestApp({}, { now: '2026-11-25T10:00:00+01:00' });
    token = await setupConsultant(t);
    const client = await createClient(t, token);
    contractId = (await createContract(t, token, client.id)).id;
    activityId = (await createActivity(t, token)).id;
    await logIntervention(
      t,
      token,
      interventionInput(contractId, activityId, {
        startedAt: '2026-10-06T09:00:00+02:00',
        endedAt: '2026-10-06T11:00:00+02:00',
      }),
    ).expect(201);
    const draft = await api()
      .post('/api/invoices/drafts', {
        contractId,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
      })
      .expect(201);
    invoiceId = (await api().post(`/api/invoices/${draft.body.id}/issue`, {}).expect(200)).body.id;
  });
  afterAll(() => t.close());

  it.each([
    ['address', { address: [] }, '2026-07'],
    ['accounts', { accounts: [] }, '2026-08'],
    ['limits', { limits: 'many' }, '2026-09'],
  ])('refuses an array or a scalar for the practice object %s', async (field, body, month) => {
    const before = (await api().get('/api/practice').expect(200)).body;
    const res = await api().patch('/api/practice', body).expect(400);
    expect(problems(res.body)).toEqual([`${field}: isObject`]);
    expect((await api().get('/api/practice').expect(200)).body).toEqual(before);
    // Issuing still works: nothing wrong was stored.
    const draft = await api()
      .post('/api/invoices/drafts', {
        contractId,
        periodStart: `${month}-01`,
        periodEnd: `${month}-${month === '2026-09' ? '30' : '31'}`,
      })
      .expect(201);
    await api().post(`/api/invoices/${draft.body.id}/issue`, {}).expect(200);
    await api().get('/api/exports/fec?from=2026-01-01&to=2026-12-31').expect(200);
  });

  it('refuses an array for a client address', async () => {
    const res = await api()
      .post('/api/clients', {
        name: 'Tableau SARL',
        siren: '443061841',
        address: [],
        billingEmail: 'compta@tableau.example',
      })
      .expect(400);
    expect(problems(res.body)).toEqual(['address: isObject']);
  });

  it('refuses a list of lists where a list of lines belongs', async () => {
    const res = await api()
      .post('/api/invoices/drafts', { contractId, lines: [[]] })
      .expect(400);
    expect(fields(res.body).some((f) => f?.startsWith('lines'))).toBe(true);
    const credit = await api()
      .post(`/api/invoices/${invoiceId}/credit-notes`, { lines: [[]] })
      .expect(400);
    expect(fields(credit.body).some((f) => f?.startsWith('lines'))).toBe(true);
  });

  it('refuses a quantity or a rate written 1e-7 (seven decimals, none shown)', async () => {
    const draft = await api()
      .post('/api/invoices/drafts', {
        contractId,
        periodStart: '2026-06-01',
        periodEnd: '2026-06-30',
      })
      .expect(201);
    const line = { description: 'Audit', quantity: 1e-7, unit: 'unit', unitPriceCents: 10000 };
    const res = await api()
      .patch(`/api/invoices/${draft.body.id}`, { lines: [line] })
      .expect(400);
    expect(fields(res.body)).toEqual(['lines.0.quantity']);
    const rate = await api().patch('/api/practice', { latePenaltyRatePercent: 1e-7 }).expect(400);
    expect(fields(rate.body)).toEqual(['latePenaltyRatePercent']);
    await api().delete(`/api/invoices/${draft.body.id}`).expect(204);
  });

  it('refuses a lone surrogate in a credit note reason, so the hash chain stays whole', async () => {
    const res = await api()
      .post(`/api/invoices/${invoiceId}/credit-notes`, { reason: 'Erreur \ud800' })
      .expect(400);
    expect(problems(res.body)).toEqual(['reason: wellFormedText']);
    expect((await api().get('/api/invoices/verify-chain').expect(200)).body.ok).toBe(true);
  });

  it('refuses a lone surrogate in an email and in a key', async () => {
    const res = await api()
      .post('/api/users', { email: 'a\udc00@example.org', role: 'accountant', displayName: 'A' })
      .expect(400);
    expect(problems(res.body)).toEqual(['email: wellFormedText']);
    const key = await t
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"\\ud800":1,"email":"x@example.org","password":"p"}')
      .expect(400);
    expect(problems(key.body)).toEqual(['body: wellFormedKey']);
  });

  it('refuses a body nested 3,000 levels deep before parsing it, signed in or not', async () => {
    const deep = `{"email":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    for (const req of [
      t.http().post('/api/auth/login'),
      t
        .http()
        .post('/api/clients')
        .set(...bearer(token)),
    ]) {
      const res = await req.set('content-type', 'application/json').send(deep).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'invalid.input',
        details: [{ field: 'body', code: 'maxDepth', maxDepth: 16 }],
      });
    }
  });

  it('refuses a body for an operation that takes none', async () => {
    const res = await api().post(`/api/invoices/${invoiceId}/issue`, ['x']).expect(400);
    expect(problems(res.body)).toEqual(['body: noBody']);
  });

  it.each([
    ['offset', '/api/clients?offset=99999999999999999999'],
    ['offset', '/api/users?offset=99999999999999999999'],
    ['limit', '/api/interventions?limit=1e-7'],
    ['from', '/api/interventions?from=0000-01-01'],
    ['to', '/api/interventions?to=9999-12-31'],
    ['from', '/api/exports/invoices.csv?from=2026-13-01&to=2026-12-31'],
    ['from', '/api/reports/workload?from=2026-02-30&to=2026-03-08'],
  ])('refuses %s in %s', async (field, url) => {
    const res = await api().get(url).expect(400);
    expect(fields(res.body)).toContain(field);
  });

  it.each([
    ['startedAt', '2026-02-30T10:00:00+01:00', '2026-03-02T11:00:00+01:00'],
    ['startedAt', '2026-11-10T24:30:00+01:00', '2026-11-11T01:00:00+01:00'],
    ['endedAt', '2026-11-10T10:00:00+01:00', '2026-11-31T11:00:00+01:00'],
  ])('refuses a %s that is not a real date (%s), rather than moving it', async (field, s, e) => {
    const res = await logIntervention(
      t,
      token,
      interventionInput(contractId, activityId, { startedAt: s, endedAt: e }),
    ).expect(400);
    expect(fields(res.body)).toContain(field);
  });

  it('refuses a malformed multipart import with a 400', async () => {
    for (const [type, body] of [
      ['multipart/form-data; boundary=XX', '--XX\r\nContent-Disposition: form-data; name="file"'],
      ['multipart/form-data', 'no boundary'],
    ]) {
      const res = await t
        .http()
        .post(`/api/interventions/import?source=toggl&contractId=${contractId}`)
        .set(...bearer(token))
        .set('content-type', type)
        .send(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.statusCode).toBe(res.status);
    }
  });

  it('shows the week page for a far-off or impossible date without a server error', async () => {
    const web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
    for (const date of ['0001-01-01', '9999-12-31', '2026-02-30']) {
      const res = await web.get(`/console/week?date=${date}`);
      expect(res.status).toBeLessThan(500);
    }
  });
});
