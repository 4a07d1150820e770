import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { getStorageToken, type ThrottlerStorage } from '@nestjs/throttler';
import { catalogue } from '../src/i18n';
import { TestApp } from './app';
import { bearer } from './factories';
import { interventionInput, logIntervention } from './factories/interventions';
import { resolve, type OpenApiDocument, type Schema } from './support/openapi-conformance';
import { WebSession } from './support/web';
import { signedIn, startWorld } from './support/world';

/**
 * Hostile input on every route of the OpenAPI document (so a new route is fuzzed the day it is
 * added): bodies, queries and path parameters built from each route's own schema with at least
 * one value that must be refused (a wrong type, an array where an object belongs, a huge or a
 * deep value, ill-formed Unicode, a `__proto__` key, an impossible date, an unbounded number),
 * mixed with SQL and HTML meta-characters. Every answer must be a 4xx with the error body, and
 * the database must be exactly as it was.
 */
const NOW = '2026-11-25T10:00:00+01:00';
const RUNS_PER_ROUTE = 12;

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface Operation {
  method: Method;
  path: string;
  op: Schema;
}
interface Call {
  path: string;
  query: string;
  body?: string;
  contentType?: string;
  what: string;
  /**
   * The input holds a value the route must refuse (4xx). Otherwise it is only hostile-looking
   * text in a free-text field (SQL or HTML meta-characters, a long search): any answer but a 5xx,
   * and nothing written.
   */
  mustRefuse: boolean;
}

const META = [
  "' OR 1=1 --",
  '"; DROP TABLE invoices; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '%00\u0000',
  '../../../../etc/passwd',
];
/** A lone high surrogate, and one escaped in JSON text. */
const LONE = '\ud800';
const DEEP_ARRAY = `${'['.repeat(3000)}${']'.repeat(3000)}`;
/** Percent-encoded query values, by what the parameter holds. */
const QUERY_REFUSED = {
  integer: ['99999999999999999999', '-1', '1e-7', '12.5', 'abc', '[object Object]'],
  day: ['0000-01-01', '9999-12-31', '2026-13-01', '2026-02-30', '2026-1-1', 'x'],
  month: ['0000-01', '9999-12', '2026-13', '2026-00', 'x'],
  choice: [encodeURIComponent("' OR 1=1 --"), 'x', '%ED%A0%80'],
  boolean: ['maybe', '2'],
};
const QUERY_TEXT = [
  ...META.map(encodeURIComponent),
  '%ED%A0%80',
  'x'.repeat(5000),
  '1e-7',
  '99999999999999999999',
];

/** The kind of value a query parameter holds, from its schema and its name. */
function queryKind(param: Schema): keyof typeof QUERY_REFUSED | 'text' {
  const s = (param.schema ?? {}) as Schema;
  if (s.type === 'integer' || s.type === 'number') return 'integer';
  if (s.type === 'boolean') return 'boolean';
  if (s.enum || s.format === 'uuid') return 'choice';
  if (s.format === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(String(s.example ?? ''))) return 'day';
  if (/^\d{4}-\d{2}$/.test(String(s.example ?? ''))) return 'month';
  return 'text';
}

const HOSTILE_PATH = [
  encodeURIComponent("' OR 1=1 --"),
  '%ED%A0%80',
  'a'.repeat(300),
  '..%2F..%2Fetc%2Fpasswd',
  '00000000-0000-4000-8000-000000000000',
  '1e-7',
];

/** Values that no field of `schema` may take. */
function invalidFor(doc: OpenApiDocument, raw: Schema): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw.allOf?.[0] ?? raw);
  const type: string = s.type ?? (s.properties ? 'object' : 'any');
  const common = [fc.constant(LONE), fc.constant({ __proto__: null, [LONE]: 1 })];
  switch (type) {
    case 'string': {
      const options: fc.Arbitrary<unknown>[] = [
        fc.constantFrom(42, true, [], {}, [[]], 1e308),
        fc.constant(`${LONE}x`),
        fc.constant(`ok${LONE}`),
      ];
      if (typeof s.maxLength === 'number') options.push(fc.constant('x'.repeat(s.maxLength + 1)));
      if (s.format === 'date')
        options.push(fc.constantFrom('0000-01-01', '9999-12-31', '2026-13-01', '2026-02-30'));
      if (s.format === 'date-time')
        options.push(fc.constantFrom('2026-02-30T10:00:00+01:00', '0000-01-01T00:00:00Z'));
      if (s.format === 'uuid') options.push(fc.constantFrom(...META));
      if (s.enum) options.push(fc.constantFrom(...META));
      return fc.oneof(...options);
    }
    case 'integer':
      return fc.oneof(
        fc.constantFrom('12', 1e-7, 0.5, 1e308, LONE, [], {}, true),
        ...(typeof s.minimum === 'number' ? [fc.constant(s.minimum - 1)] : []),
        ...(typeof s.maximum === 'number' ? [fc.constant(1e20)] : []),
      );
    case 'number':
      return fc.constantFrom('12', LONE, [], {}, true, 1e308);
    case 'boolean':
      return fc.constantFrom('yes', 1, 0, [], {}, LONE);
    case 'array':
      return fc.oneof(fc.constantFrom({}, 'x', 42, LONE, [[[[]]]]), ...common);
    case 'object':
      return fc.constantFrom([], 'x', 42, [[]], LONE, true);
    default:
      return fc.constantFrom(LONE, [[]]);
  }
}

/** A body with at least one value that must be refused, the rest hostile-looking strings. */
function hostileBody(doc: OpenApiDocument, op: Schema): fc.Arbitrary<Call['body']> {
  const schemaRef = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const raw = [
    DEEP_ARRAY,
    `{"__proto__":{"isAdmin":true}}`,
    `{"constructor":{"prototype":{"polluted":true}}}`,
    `{"a":"\\ud800"}`,
    `{"${'\\ud800'}":1}`,
    '[]',
    '"text"',
    '{"unknownField":1}',
    '{',
  ];
  if (!schemaRef) return fc.constantFrom(...raw);
  const schema = resolve(doc, schemaRef);
  const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
  if (props.length === 0) return fc.constantFrom(...raw);
  const built = fc
    .tuple(
      fc.integer({ min: 0, max: props.length - 1 }),
      ...props.map(([, p]) => invalidFor(doc, p)),
      fc.array(fc.integer({ min: 0, max: props.length - 1 }), { maxLength: 3 }),
      fc.constantFrom(...META),
    )
    .map(([chosen, ...rest]) => {
      const values = rest.slice(0, props.length);
      const [others, meta] = rest.slice(props.length) as [number[], string];
      const body: Record<string, unknown> = {};
      body[props[chosen][0]] = values[chosen];
      for (const k of others) {
        const [name, p] = props[k];
        if (k !== chosen) body[name] = resolve(doc, p).type === 'string' ? meta : values[k];
      }
      return JSON.stringify(body);
    });
  return fc.oneof(
    { weight: 3, arbitrary: built },
    { weight: 1, arbitrary: fc.constantFrom(...raw) },
  );
}

describe('fuzz: hostile input on every route gives a 4xx with the error body and writes nothing', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let consultant: string;
  let clientToken: string;
  let ids: Record<string, string>;
  let web: WebSession;
  const tally = { routes: 0, requests: 0, byStatus: new Map<number, number>() };

  /** Every table's row count and a digest of its rows, read from the database itself. */
  async function snapshot(): Promise<Record<string, string>> {
    const postgres = t.db.kind === 'postgres';
    const tables = (
      await t.dataSource.query<{ name: string }[]>(
        postgres
          ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
          : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
    ).map((r) => r.name);
    const out: Record<string, string> = {};
    for (const table of tables.sort()) {
      const rows = await t.dataSource.query<object[]>(`SELECT * FROM "${table}"`);
      const lines = rows
        .map((r) =>
          JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
        )
        .sort();
      out[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
    }
    return out;
  }

  beforeAll(async () => {
    const world = await startWorld({ now: NOW });
    ({ t, consultant } = world);
    // Rate limits are proved elsewhere; here every request must reach validation.
    jest.spyOn(t.app.get<ThrottlerStorage>(getStorageToken()), 'increment').mockResolvedValue({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    const { client, contract } = world;
    const intervention = (
      await logIntervention(
        t,
        consultant,
        interventionInput(contract.id, world.activityId, {
          startedAt: '2026-11-10T09:00:00+01:00',
          endedAt: '2026-11-10T10:00:00+01:00',
        }),
      ).expect(201)
    ).body as { id: string };
    clientToken = world.clientUser.token;
    const request = (
      await t
        .http()
        .post('/api/requests')
        .set(...bearer(clientToken))
        .send({
          contractId: contract.id,
          title: 'Imprimante',
          description: 'Bloquée',
          urgency: 'normal',
        })
        .expect(201)
    ).body as { id: string };
    const draft = (
      await t
        .http()
        .post('/api/invoices/drafts')
        .set(...bearer(consultant))
        .send({ contractId: contract.id, periodStart: '2026-10-01', periodEnd: '2026-10-31' })
        .expect(201)
    ).body as { id: string };
    const issued = (
      await t
        .http()
        .post(`/api/invoices/${draft.id}/issue`)
        .set(...bearer(consultant))
        .expect(200)
    ).body as { id: string };
    const article = (
      await t
        .http()
        .post('/api/articles')
        .set(...bearer(consultant))
        .send({ title: 'Redémarrer', bodyMarkdown: 'Débranchez.', tags: [], published: true })
        .expect(201)
    ).body as { id: string };
    ids = {
      client: client.id,
      contract: contract.id,
      activity: world.activityId,
      intervention: intervention.id,
      request: request.id,
      invoice: issued.id,
      article: article.id,
      user: world.clientUser.id,
    };
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    web = await signedIn(t);
  });
  afterAll(() => t.close());

  const operations = (): Operation[] =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
        .map(([method, op]) => ({ method: method as Method, path, op })),
    );

  /** A real id for each path parameter, so the request reaches the route's validation. */
  const realPath = (path: string, hostile: Record<string, string> = {}): string =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name in hostile) return hostile[name];
      const segment = path.split('/').find((_s, i, all) => all[i + 1] === `{${name}}`) ?? '';
      const key = Object.keys(ids).find(
        (k) => name.toLowerCase().startsWith(k) || segment.startsWith(k),
      );
      return key ? ids[key] : ids.invoice;
    });

  function hostileCall(o: Operation): fc.Arbitrary<Call> {
    const params = (o.op.parameters ?? []) as Schema[];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const kinds: fc.Arbitrary<Call>[] = [];
    if (pathParams.length > 0) {
      kinds.push(
        fc
          .tuple(
            fc.integer({ min: 0, max: pathParams.length - 1 }),
            fc.constantFrom(...HOSTILE_PATH),
          )
          .map(([k, value]) => ({
            path: realPath(o.path, { [pathParams[k].name]: value }),
            query: '',
            what: `path ${pathParams[k].name}=${value.slice(0, 40)}`,
            mustRefuse: true,
          })),
      );
    }
    if (queryParams.length > 0) {
      kinds.push(
        fc.integer({ min: 0, max: queryParams.length - 1 }).chain((k) => {
          const kind = queryKind(queryParams[k]);
          const values = kind === 'text' ? QUERY_TEXT : QUERY_REFUSED[kind];
          return fc.constantFrom(...values).map((value): Call => ({
            path: realPath(o.path),
            query: `${queryParams[k].name}=${value}`,
            what: `query ${queryParams[k].name} (${kind})=${value.slice(0, 40)}`,
            mustRefuse: kind !== 'text',
          }));
        }),
      );
    }
    if (o.method !== 'get' && o.method !== 'delete') {
      const multipart = o.op.requestBody?.content?.['multipart/form-data'];
      kinds.push(
        multipart
          ? fc.constantFrom<Call>(
              {
                path: realPath(o.path),
                query: '',
                contentType: 'multipart/form-data; boundary=XX',
                body: '--XX\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
                what: 'malformed multipart',
                mustRefuse: true,
              },
              {
                path: realPath(o.path),
                query: '',
                contentType: 'multipart/form-data',
                body: 'no boundary at all',
                what: 'multipart without boundary',
                mustRefuse: true,
              },
            )
          : hostileBody(doc, o.op).map((body) => ({
              path: realPath(o.path),
              query: '',
              body,
              contentType: 'application/json',
              what: `body ${String(body).slice(0, 80)}`,
              mustRefuse: true,
            })),
      );
    }
    return kinds.length > 0
      ? fc.oneof(...kinds)
      : fc.constant({ path: '', query: '', what: '', mustRefuse: false });
  }

  /**
   * A refused input names each bad field once, with a code whose words the catalogue holds; the
   * values sent are not echoed in the details.
   */
  function wordedInput(body: unknown): boolean {
    const b = body as { code?: unknown; details?: { field?: unknown; code?: unknown }[] };
    if (b?.code !== 'invalid.input') return true;
    const details = Array.isArray(b.details) ? b.details : [];
    const fields = details.map((d) => d.field);
    return (
      details.length > 0 &&
      new Set(fields).size === fields.length &&
      details.every(
        (d) =>
          typeof d.field === 'string' &&
          typeof d.code === 'string' &&
          catalogue().has(`problem.${d.code}`) &&
          !('value' in d) &&
          !('target' in d),
      )
    );
  }

  async function send(
    o: Operation,
    call: Call,
    token: string,
  ): Promise<{ status: number; body: unknown }> {
    const url = `${call.path}${call.query ? `?${call.query}` : ''}`;
    let req = t
      .http()
      [o.method](url)
      .set(...bearer(token));
    if (call.body !== undefined)
      req = req.set('content-type', call.contentType ?? 'application/json').send(call.body);
    const res = await req;
    return { status: res.status, body: res.body as unknown };
  }

  it('answers every hostile request with a 4xx and the error body, on every route, and writes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    const ops = operations().filter((o) => hostileCall(o) !== undefined);
    for (const o of ops) {
      const arbitrary = hostileCall(o);
      const sample = fc.sample(arbitrary, { numRuns: RUNS_PER_ROUTE, seed: 20261125 });
      if (sample[0]?.what === '') continue;
      tally.routes++;
      for (const call of sample) {
        // Client routes are fuzzed as a client, the rest as the consultant.
        for (const token of [consultant, clientToken]) {
          const res = await send(o, call, token);
          tally.requests++;
          tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
          const body = res.body as { statusCode?: unknown; error?: unknown; message?: unknown };
          const bodyOk =
            body?.statusCode === res.status &&
            typeof body.error === 'string' &&
            typeof body.message === 'string';
          const refused = res.status >= 400 && res.status < 500 && bodyOk;
          if (res.status >= 500 || (call.mustRefuse && !refused) || !wordedInput(res.body)) {
            failures.push(
              `${o.method.toUpperCase()} ${o.path} ${call.what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
            );
          }
        }
      }
    }
    // The run's figures, printed with the suite's output.
    console.log(
      `fuzz: ${tally.routes} routes, ${tally.requests} requests, by status ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort()))}`,
    );
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(tally.routes).toBeGreaterThan(60);
    expect(tally.byStatus.get(500) ?? 0).toBe(0);
  });

  it.each([
    ['/console/week?date=0001-01-01'],
    ['/console/week?date=9999-12-31'],
    ['/console/week?date=2026-02-30'],
    ['/console/week?date=%ED%A0%80'],
    ['/console/invoices?offset=99999999999999999999'],
    ['/console/reports?from=2026-13-01&to=2026-12-01'],
    ['/accounting?month=0000-01'],
  ])('answers the page %s without a server error', async (path) => {
    const res = await web.get(path);
    expect(res.status).toBeLessThan(500);
  });
});
