import { addDays } from '../src/calendar';
import { startTestApp, TestApp } from './app';
import { bearer, clientInput, setupConsultant } from './factories';
import { contractInput } from './factories/contracts';
import { articleInput } from './factories/knowledge';
import {
  mismatches,
  resolve,
  type OpenApiDocument,
  type Schema,
} from './support/openapi-conformance';
import { binary } from './support/pdf-text';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Method = 'get' | 'post' | 'patch' | 'delete';

const ERROR_BODY = '#/components/schemas/ErrorBody';
const FILE_TYPES = [
  'application/pdf',
  'text/csv',
  'application/zip',
  'text/plain',
  'application/xml',
];

const NOW = '2026-12-02T10:00:00+01:00';
describe('OpenAPI document: every answer described', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let token: string;

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ label: `${method.toUpperCase()} ${path}`, op })),
    );
  const isPublic = (op: Schema) => !op.security || op.security.length === 0;
  const refOf = (response: Schema | undefined) =>
    response?.content?.['application/json']?.schema?.$ref as string | undefined;

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    token = await setupConsultant(t);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t.close());

  describe('the document', () => {
    it('gives every operation a summary', () => {
      const missing = operations().filter(({ op }) => !op.summary?.trim());
      expect(missing.map((o) => o.label)).toEqual([]);
      expect(operations().length).toBeGreaterThan(60);
    });

    it('gives every operation a success answer with a schema, a file type, or 204 (or an empty 202)', () => {
      const undescribed = operations()
        .filter(({ op }) => {
          const success = Object.entries(op.responses as Record<string, Schema>).filter(
            ([status]) => status.startsWith('2'),
          );
          return !success.some(([status, response]) => {
            // 204, and a 202 that only acknowledges (a password reset asked for), carry no body.
            if (status === '204' || status === '202') return !response.content;
            return Object.entries((response.content ?? {}) as Record<string, Schema>).some(
              ([type, media]) =>
                type === 'application/json'
                  ? Boolean(media.schema?.$ref || media.schema?.items || media.schema?.properties)
                  : FILE_TYPES.includes(type) && media.schema?.type === 'string',
            );
          });
        })
        .map((o) => o.label);
      expect(undescribed).toEqual([]);
    });

    it('documents 400 and 401 with the ErrorBody schema on every signed-in operation', () => {
      const lacking = operations()
        .filter(({ op }) => !isPublic(op))
        .filter(
          ({ op }) =>
            refOf(op.responses['400']) !== ERROR_BODY || refOf(op.responses['401']) !== ERROR_BODY,
        )
        .map((o) => o.label);
      expect(lacking).toEqual([]);
    });

    it('describes every documented error, public routes included, with the ErrorBody schema', () => {
      const errors = operations().flatMap(({ label, op }) =>
        Object.entries(op.responses as Record<string, Schema>)
          .filter(([status]) => /^[45]/.test(status))
          .map(([status, response]) => ({ at: `${label} ${status}`, ref: refOf(response) })),
      );
      expect(errors.length).toBeGreaterThan(300);
      expect(errors.filter((e) => e.ref !== ERROR_BODY).map((e) => e.at)).toEqual([]);
    });

    it('spells out the error body of API.md, with the bad fields in details', () => {
      const body = resolve(doc, { $ref: ERROR_BODY });
      expect(Object.keys(body.properties)).toEqual(
        expect.arrayContaining(['statusCode', 'error', 'message', 'code', 'details', 'requestId']),
      );
      expect(body.required).toEqual(
        expect.arrayContaining(['statusCode', 'error', 'message', 'requestId']),
      );
      const detail = resolve(doc, body.properties.details.items);
      expect(Object.keys(detail.properties)).toEqual(expect.arrayContaining(['field', 'message']));
    });

    it.each([
      ['post', '/api/interventions', '201'],
      ['post', '/api/interventions/timer/start', '201'],
      ['post', '/api/requests', '201'],
      ['post', '/api/invoices/{id}/payments', '201'],
      ['post', '/api/invoices/{id}/issue', '200'],
      ['delete', '/api/contracts/{id}', '204'],
    ])('documents %s %s as %s, the status it answers', (method, path, status) => {
      const successes = Object.keys(doc.paths[path][method].responses).filter((s) =>
        s.startsWith('2'),
      );
      expect(successes).toEqual([status]);
    });

    it.each([
      ['post', '/api/requests', '422'],
      ['post', '/api/invoices/{id}/issue', '409'],
      ['post', '/api/interventions', '409'],
      ['patch', '/api/interventions/{id}', '409'],
      ['post', '/api/auth/login', '429'],
    ])('documents the refusal %s %s → %s', (method, path, status) => {
      expect(refOf(doc.paths[path][method].responses[status])).toBe(ERROR_BODY);
    });
  });

  describe('malformed ids', () => {
    /** The query a route needs besides its id (a report's period), from the documented examples. */
    const requiredQuery = (op: Schema): Record<string, string> =>
      Object.fromEntries(
        ((op.parameters ?? []) as Schema[])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => [p.name, String(p.example ?? p.schema?.example)]),
      );

    it('answers 400 naming the id of GET /api/contracts/not-a-uuid', async () => {
      const res = await t
        .http()
        .get('/api/contracts/not-a-uuid')
        .set(...bearer(token))
        .expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'invalid.input',
        details: [{ field: 'id', code: 'isUuid', message: expect.any(String) }],
      });
      expect(typeof res.body.requestId).toBe('string');
    });

    it('names the path parameter on every GET and DELETE route that takes one', async () => {
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        (['get', 'delete'] as const)
          .filter((method) => ops[method] && /\{\w+\}/.test(path))
          .map((method) => ({
            method,
            path,
            param: /\{(\w+)\}/.exec(path)![1],
            query: requiredQuery(ops[method]),
          })),
      );
      expect(routes.length).toBeGreaterThan(15);
      const named: string[] = [];
      for (const { method, path, param, query } of routes) {
        const res = await t
          .http()
          [method](path.replace(`{${param}}`, 'not-a-uuid'))
          .query(query)
          .set(...bearer(token));
        named.push(`${method} ${path} ${res.status} ${res.body?.details?.[0]?.field}`);
      }
      expect(named).toEqual(routes.map((r) => `${r.method} ${r.path} 400 ${r.param}`));
    });
  });

  it('checks answers strictly: an undocumented field, a missing one, a wrong type, a stray null', () => {
    const schema = {
      type: 'object',
      properties: {
        id: { type: 'string' },
        total: { type: 'number' },
        note: { type: 'string', nullable: true },
        lines: { type: 'array', items: { $ref: ERROR_BODY } },
      },
      required: ['id', 'total'],
    };
    const found = mismatches(doc, schema, {
      total: '3',
      note: null,
      extra: 1,
      lines: [{ statusCode: 400, error: 'Bad Request', message: 'x', requestId: null }],
    });
    expect(found).toEqual([
      '$.total: "3" is not a number',
      '$.extra: sent, but not documented',
      '$.lines[0].requestId: null, but not documented as nullable',
      '$.id: documented as required, but not sent',
    ]);
  });

  describe('answers match the schema the document gives them', () => {
    const seen = new Set<string>();
    /** The departures from the document of the current test, gathered so a run lists them all. */
    let departures: string[] = [];
    /** The scenario's day: its clock stands on Wednesday 2 December 2026 (NOW). */
    const today = '2026-12-02';
    const world: Record<string, Body> = {};

    beforeEach(() => {
      departures = [];
    });

    /**
     * Sends the call; its status and content type must be documented, and a JSON body must fit
     * the schema documented for that status (error bodies too). Answers the parsed body.
     */
    async function call(
      method: Method,
      path: string,
      params: Record<string, string> = {},
      body?: object,
      as = token,
    ): Promise<Body & { status: number }> {
      const url = Object.entries(params).reduce((u, [k, v]) => u.replace(`{${k}}`, v), path);
      let req = t
        .http()
        [method](url)
        .set(...bearer(as));
      if (body) req = req.send(body);
      const res = await req.buffer(true).parse(binary);
      const template = path.split('?')[0];
      const status = String(res.status);
      const label = `${method.toUpperCase()} ${path} → ${status}`;
      const text = (res.body as Buffer).toString('utf8');
      seen.add(`${method} ${template}`);
      const documented = doc.paths[template]?.[method]?.responses?.[status] as Schema | undefined;
      const type = String(res.headers['content-type']).split(';')[0];
      const media = (documented?.content ?? {})[type] as Schema | undefined;
      if (!documented) departures.push(`${label}: status not documented (${text.slice(0, 300)})`);
      else if (status !== '204' && !media) departures.push(`${label}: ${type} not documented`);
      if (type !== 'application/json') return { status: res.status };
      const json = JSON.parse(text) as Body;
      if (media) {
        departures.push(...mismatches(doc, media.schema, json).map((m) => `${label}: ${m}`));
      }
      return Object.assign(json, { status: res.status });
    }

    it('holds for the practice, its users, clients, activities and contracts', async () => {
      await call('get', '/api/health');
      await call('get', '/api/auth/me');
      await call('get', '/api/practice');
      await call('patch', '/api/practice', {}, { phone: '+33 4 72 00 00 00' });

      const invited = await call(
        'post',
        '/api/users',
        {},
        {
          email: 'expert@cabinet.example',
          role: 'accountant',
          displayName: 'Expert-comptable',
        },
      );
      await call(
        'post',
        '/api/auth/accept-invite',
        {},
        {
          token: invited.inviteToken,
          password: 'a long enough passphrase',
        },
      );
      await call(
        'post',
        '/api/auth/login',
        {},
        {
          email: 'expert@cabinet.example',
          password: 'a long enough passphrase',
        },
      );
      await call('get', '/api/users');
      await call('delete', '/api/users/{id}', { id: invited.user.id });

      world.client = await call('post', '/api/clients', {}, clientInput({ locale: 'fr' }));
      const clientId = { id: world.client.id };
      await call('get', '/api/clients?limit=5');
      await call('get', '/api/clients/{id}', clientId);
      await call('patch', '/api/clients/{id}', clientId, {
        billingEmail: 'factures@client.example',
      });

      world.activity = await call(
        'post',
        '/api/activities',
        {},
        {
          name: 'Maintenance',
          kind: 'support',
          defaultRateCents: 9000,
        },
      );
      await call('get', '/api/activities');
      await call('get', '/api/activities/{id}', { id: world.activity.id });
      await call('patch', '/api/activities/{id}', { id: world.activity.id }, { billable: true });

      // In force since September and ending within the alert notice: a contract-ending alert.
      world.contract = await call(
        'post',
        '/api/contracts',
        {},
        contractInput(world.client.id, { startDate: '2026-09-01', endDate: addDays(today, 20) }),
      );
      const contractId = { id: world.contract.id };
      await call('get', '/api/contracts');
      await call('get', '/api/contracts/{id}', contractId);
      await call('patch', '/api/contracts/{id}', contractId, { title: 'Infogérance' });
      expect(departures).toEqual([]);
    });

    it('holds for work, the timer, requests, alerts and articles, refusals included', async () => {
      const { contract, activity } = world;
      world.work = await call(
        'post',
        '/api/interventions',
        {},
        {
          contractId: contract.id,
          activityId: activity.id,
          startedAt: '2026-10-06T07:00:00.000Z',
          endedAt: '2026-10-06T09:30:00.000Z',
          urgency: 'high',
          location: 'remote',
          description: 'Serveur mail',
          billable: true,
        },
      );
      expect(world.work.status).toBe(201);
      await call('get', '/api/interventions');
      await call('get', '/api/interventions/{id}', { id: world.work.id });
      await call('get', '/api/interventions/timer');
      const timer = { contractId: contract.id, activityId: activity.id, urgency: 'normal' };
      await call('post', '/api/interventions/timer/start', {}, { ...timer, location: 'remote' });
      await call('post', '/api/interventions/timer/stop');
      await call('get', '/api/contracts/{id}/usage?month=2026-10', { id: contract.id });

      const filed = (urgency: string) =>
        call(
          'post',
          '/api/requests',
          {},
          {
            contractId: contract.id,
            title: 'Imprimante hors ligne',
            description: 'Depuis ce matin',
            urgency,
          },
        );
      const request = await filed('normal');
      const requestId = { id: request.id as string };
      await call('post', '/api/requests/{id}/comments', requestId, { body: 'Je regarde.' });
      await call('patch', '/api/requests/{id}', requestId, { status: 'resolved' });
      await call('get', '/api/requests');
      await call('get', '/api/requests/{id}', requestId);
      // The contract allows two critical requests a month and rejects the third.
      const critical = [await filed('critical'), await filed('critical'), await filed('critical')];
      expect(critical.map((r) => r.status)).toEqual([201, 201, 422]);

      const alerts = await call('get', '/api/alerts');
      expect(alerts.items.map((a: Body) => a.kind)).toContain('contract_ending');
      await call('post', '/api/alerts/{id}/acknowledge', { id: alerts.items[0].id });

      const article = await call('post', '/api/articles', {}, articleInput());
      await call('get', '/api/articles');
      await call('get', '/api/articles/{id}', { id: article.id });
      await call('patch', '/api/articles/{id}', { id: article.id }, { tags: ['réseau'] });
      await call('get', '/api/requests/suggestions?q=box');
      await call(
        'post',
        '/api/requests/deflections',
        {},
        {
          contractId: contract.id,
          articleId: article.id,
          query: 'box',
        },
      );
      await call('get', '/api/knowledge/deflections');
      expect(departures).toEqual([]);
    });

    it('holds for a month invoiced, paid in part, credited, and its files', async () => {
      const draft = await call(
        'post',
        '/api/invoices/drafts',
        {},
        {
          contractId: world.contract.id,
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
        },
      );
      const invoiceId = { id: draft.id as string };
      await call('patch', '/api/invoices/{id}', invoiceId, { notes: 'Merci' });
      await call('post', '/api/invoices/{id}/rebuild', invoiceId);
      const issued = await call('post', '/api/invoices/{id}/issue', invoiceId);
      expect(issued.number).toEqual(expect.any(String));
      expect((await call('post', '/api/invoices/{id}/issue', invoiceId)).status).toBe(409);
      const invoiced = await call('delete', '/api/interventions/{id}', { id: world.work.id });
      expect(invoiced.status).toBe(409);
      await call('post', '/api/invoices/{id}/payments', invoiceId, {
        amountCents: 1000,
        paidOn: today,
        method: 'transfer',
      });
      await call('get', '/api/invoices/{id}/payments', invoiceId);
      const credit = await call('post', '/api/invoices/{id}/credit-notes', invoiceId, {});
      await call('get', '/api/invoices/{id}', { id: credit.id });
      await call('get', '/api/invoices/{id}', invoiceId);
      await call('get', '/api/invoices');
      await call('get', '/api/invoices/verify-chain');
      await call('get', '/api/invoices/{id}/pdf', invoiceId);

      const month = `from=${today.slice(0, 8)}01&to=${today}`;
      await call('get', `/api/exports/invoices.csv?${month}`);
      await call('get', `/api/exports/fec?${month}`);
      await call('get', `/api/exports/invoices.zip?${month}`);
      await call('get', '/api/reports/workload?from=2026-10-01&to=2026-10-31');
      await call('get', '/api/reports/workload?from=2026-10-01&to=2026-10-31&format=pdf');
      const clientReport = '/api/reports/clients/{clientId}?from=2026-09&to=2026-11';
      await call('get', clientReport, { clientId: world.client.id });
      await call('get', `${clientReport}&format=csv`, { clientId: world.client.id });

      await call('delete', '/api/contracts/{id}', { id: world.contract.id });
      await call('post', '/api/contracts/{id}/restore', { id: world.contract.id });
      await call('delete', '/api/clients/{id}', { id: world.client.id });
      await call('post', '/api/clients/{id}/restore', { id: world.client.id });
      expect(departures).toEqual([]);
      expect(seen.size).toBeGreaterThan(60);
    });
  });
});
