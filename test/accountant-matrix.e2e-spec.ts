import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, setupConsultant } from './factories';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Routes anyone may call before signing in; an accountant's token changes nothing there. */
const PUBLIC_AUTH_ROUTES = [
  'POST /api/auth/setup',
  'POST /api/auth/login',
  'POST /api/auth/accept-invite',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
];

/**
 * A signed-in user's own account: every role changes its own password, chooses its own
 * notifications and mail language, and signs out.
 */
const OWN_ACCOUNT_ROUTES = [
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'PUT /api/me/notifications',
];

interface Route {
  method: (typeof WRITE_METHODS)[number];
  path: string;
}

/**
 * The accountant reads and exports, nothing else: every write route of the OpenAPI document
 * answers 403 to an accountant. The list comes from the document itself, so a write route
 * added later is covered without touching this file.
 */
describe('accountant: 403 on every write route', () => {
  let t: TestApp;
  let consultant: string;
  let accountant: string;
  let routes: Route[];

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
    await createClient(t, consultant, { name: 'Client existant' });
    accountant = (await createUser(t, consultant, 'accountant')).token;
    const doc = await t.http().get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    routes = Object.entries(paths).flatMap(([path, operations]) =>
      WRITE_METHODS.filter((method) => method in operations)
        .map((method) => ({ method, path }))
        .filter((route) => ![...PUBLIC_AUTH_ROUTES, ...OWN_ACCOUNT_ROUTES].includes(label(route))),
    );
  });
  afterAll(() => t.close());

  const label = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;

  it('finds the write routes of every feature in the OpenAPI document', () => {
    const labels = routes.map(label);
    expect(labels.length).toBeGreaterThan(30);
    expect(labels).toEqual(
      expect.arrayContaining([
        'PATCH /api/practice',
        'POST /api/users',
        'POST /api/clients',
        'DELETE /api/contracts/{id}',
        'POST /api/interventions',
        'POST /api/invoices/drafts',
        'POST /api/invoices/{id}/issue',
        'POST /api/invoices/{id}/payments',
        'POST /api/invoices/{id}/credit-notes',
        'POST /api/articles',
      ]),
    );
    for (const open of PUBLIC_AUTH_ROUTES) expect(labels).not.toContain(open);
  });

  it('answers 403 to the accountant on each of them, and writes nothing', async () => {
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM clients');
    const answers: string[] = [];
    for (const route of routes) {
      // A well-formed id, so that nothing but the role can stop the call.
      const path = route.path.replace(/\{[^}]+\}/g, () => randomUUID());
      const res = await t
        .http()
        [route.method](path)
        .set(...bearer(accountant))
        .send({});
      answers.push(`${label(route)} → ${res.status}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('→ 403'))).toEqual([]);
    expect(answers).toHaveLength(routes.length);
    const after = await t.dataSource.query('SELECT COUNT(*) AS n FROM clients');
    expect(after).toEqual(before);
  });

  it('lets the accountant read clients, invoices and the practice, and run the exports', async () => {
    const period = 'from=2026-01-01&to=2026-12-31';
    for (const path of [
      '/api/clients',
      '/api/invoices',
      '/api/practice',
      `/api/exports/invoices.csv?${period}`,
      `/api/exports/fec?${period}`,
      `/api/exports/invoices.zip?${period}`,
    ]) {
      const res = await t
        .http()
        .get(path)
        .set(...bearer(accountant));
      expect(`${path} → ${res.status}`).toBe(`${path} → 200`);
    }
  });
});
