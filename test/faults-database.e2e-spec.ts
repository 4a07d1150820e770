import Database from 'better-sqlite3';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import type { Contract } from '../src/contracts/contract.entity';
import { RETRY_AFTER_SECONDS } from '../src/common/error.filter';
import { Locks } from '../src/common/locks';
import { startTestApp, TestApp } from './app';
import { bearer, clientInput, createClient, PASSWORD, setupConsultant } from './factories';
import { insertContract, insertManualDrafts } from './factories/invoicing';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process';
import { until } from './support/wait';

/** One answer as a caller sees it; status 0 when the connection itself failed. */
interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | null;
  body: Record<string, unknown> | null;
}

async function call(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = res.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as Record<string, unknown>)
      : null;
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      code: typeof parsed?.code === 'string' ? parsed.code : null,
      body: parsed,
    };
  } catch {
    return { status: 0, retryAfter: null, code: null, body: null };
  }
}

/** A 503 as the API promises it: Retry-After, and the ErrorBody of an unavailable database. */
function expectUnavailable(answer: Answer, code: string): void {
  expect(answer).toMatchObject({ status: 503, retryAfter: String(RETRY_AFTER_SECONDS), code });
  expect(answer.body).toMatchObject({
    statusCode: 503,
    error: 'Service Unavailable',
    message: expect.any(String),
    requestId: expect.any(String),
  });
}

const tally = (answers: Answer[]): Record<number, number> =>
  answers.reduce<Record<number, number>>((counts, a) => {
    counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  }, {});

/**
 * Timeouts shorter than the defaults keep the waits of this file short; the server processes it
 * starts inherit them. No assertion depends on them being met to the millisecond.
 */
const TIMEOUTS = { DB_LOCK_TIMEOUT_MS: '3000', DB_CONNECT_TIMEOUT_MS: '2000' };

describe('the database going away', () => {
  let t: TestApp;
  let token: string;
  let contract: Contract;

  beforeAll(async () => {
    t = await startTestApp(TIMEOUTS, { now: '2026-11-25T10:00:00+01:00' });
    token = await setupConsultant(t);
    const client = await createClient(t, token);
    contract = await insertContract(t, client.id);
  });
  afterAll(() => t.close());

  const issue = (id: string) =>
    t
      .http()
      .post(`/api/invoices/${id}/issue`)
      .set(...bearer(token));
  const expectChainIntact = async (): Promise<void> => {
    const chain = await t
      .http()
      .get('/api/invoices/verify-chain')
      .set(...bearer(token))
      .expect(200);
    expect(chain.body).toMatchObject({ ok: true });
  };

  it('gives the connections the configured timeouts', async () => {
    if (t.db.kind === 'postgres') {
      const [statement] = await t.dataSource.query('SHOW statement_timeout');
      const [lock] = await t.dataSource.query('SHOW lock_timeout');
      expect([statement.statement_timeout, lock.lock_timeout]).toEqual(['30s', '3s']);
    } else {
      const [busy] = await t.dataSource.query('PRAGMA busy_timeout');
      expect(Object.values(busy as object)).toEqual([3000]);
    }
  });

  describe('a lock held by a session that does not let go', () => {
    it('keeps health and reads answering, turns the waiting issues into 503, and issues again once it ends', async () => {
      const queued = t.db.kind === 'postgres' ? 12 : 3;
      const drafts = await insertManualDrafts(t, contract, queued + 1);
      const holder = await holdChainLock(t);
      try {
        // The issues line up behind the held lock (on SQLite, one at a time at the file).
        const issuing = drafts.slice(0, queued).map((id) => issue(id).then((res) => res));
        await holder.someoneWaits();
        // Reads, more at once than there are pooled connections, are not stuck behind them.
        const reads = await Promise.all([
          t.http().get('/api/health'),
          ...Array.from({ length: 20 }, () =>
            t
              .http()
              .get('/api/clients')
              .set(...bearer(token)),
          ),
        ]);
        expect(reads.map((r) => r.status)).toEqual(reads.map(() => 200));
        const refused = await Promise.all(issuing);
        for (const res of refused) {
          expect(res.status).toBe(503);
          expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
          expect(res.body).toMatchObject({ code: 'unavailable.lock_timeout' });
        }
      } finally {
        await holder.release();
      }
      await issue(drafts[queued]).expect(200);
      await issue(drafts[0]).expect(200);
      await expectChainIntact();
    });
  });

  // Only PostgreSQL runs as a server of its own that sessions, networks and restarts can take
  // away from the application; the SQLite file lives in the server's process.
  const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

  onPostgres('PostgreSQL sessions terminated under load', () => {
    let servers: ServerProcess[];
    let admin: Client;

    beforeAll(async () => {
      // JWT_SECRET unset, as by default: the secret is kept in the database and read from it.
      // One after the other: two boots at once on a loaded machine may outlast the start deadline.
      servers = [];
      for (let k = 0; k < 2; k++) {
        servers.push(await startServerProcess({ JWT_SECRET: '', TEST_NOW: t.clock.iso() }));
      }
      admin = new Client({ connectionString: t.db.location });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.end();
      await Promise.all((servers ?? []).map((s) => s.stop()));
    });

    it('keeps every process alive, answers 2xx or 503 only, and loses no acknowledged write', async () => {
      const signIn = await call(servers[0].url, 'POST', '/api/auth/login', undefined, {
        email: 'camille@example.fr',
        password: PASSWORD,
      });
      expect(signIn.status).toBe(200);
      const serverToken = signIn.body!.accessToken as string;
      const answers: Answer[] = [];
      const createdClients: string[] = [];
      const issued: string[] = [];
      const TOTAL = 400;
      // One draft for each issue call (one call in five).
      const drafts = await insertManualDrafts(t, contract, TOTAL / 5);
      const ROUNDS = [40, 110, 180, 250, 320]; // terminations, by answers received so far
      let terminated = 0;
      let next = 0;
      const round = async (): Promise<void> => {
        const rows: unknown[] = await admin
          .query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()`,
          )
          .then((r) => r.rows);
        terminated += rows.length;
      };
      const terminations: Promise<void>[] = [];

      const one = async (k: number): Promise<void> => {
        const url = servers[k % servers.length].url;
        let answer: Answer;
        switch (k % 5) {
          case 0: {
            answer = await call(url, 'POST', '/api/clients', serverToken, clientInput());
            if (answer.status === 201) createdClients.push(answer.body!.id as string);
            break;
          }
          case 1: {
            const id = drafts[Math.floor(k / 5)];
            answer = await call(url, 'POST', `/api/invoices/${id}/issue`, serverToken);
            if (answer.status === 200) issued.push(id);
            break;
          }
          case 2:
            answer = await call(url, 'GET', '/api/clients', serverToken);
            break;
          case 3:
            answer = await call(url, 'GET', '/api/invoices', serverToken);
            break;
          default:
            answer = await call(url, 'GET', '/api/health');
        }
        answers.push(answer);
        if (ROUNDS.includes(answers.length)) terminations.push(round());
      };
      const worker = async (): Promise<void> => {
        while (next < TOTAL) await one(next++);
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      await Promise.all(terminations);

      const counts = tally(answers);
      console.info(`terminated sessions under load: ${terminated} sessions, answers`, counts);
      expect(terminated).toBeGreaterThan(0);
      expect(servers.map((s) => [s.child.exitCode, s.child.signalCode])).toEqual([
        [null, null],
        [null, null],
      ]);
      const wrong = answers.filter((a) => !(a.status >= 200 && a.status < 300) && a.status !== 503);
      expect(wrong).toEqual([]);
      for (const a of answers.filter((x) => x.status === 503)) {
        expectUnavailable(a, a.code!);
        expect(a.code).toMatch(/^unavailable\./);
      }

      // Back to normal by themselves, and every acknowledged write is there.
      for (const server of servers) {
        await until(async () => (await call(server.url, 'GET', '/api/health')).status === 200);
      }
      const [clients] = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM clients WHERE id = ANY($1)`,
        [createdClients],
      );
      expect(Number(clients.n)).toBe(createdClients.length);
      const [invoices] = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM invoices WHERE id = ANY($1) AND status = 'issued'`,
        [issued],
      );
      expect(Number(invoices.n)).toBe(issued.length);
      const chain = await call(servers[1].url, 'GET', '/api/invoices/verify-chain', serverToken);
      expect(chain).toMatchObject({ status: 200, body: { ok: true } });
    });
  });

  onPostgres('PostgreSQL: a process starting while another one migrates', () => {
    it('waits for the migrations however long they take, beyond the lock timeout', async () => {
      const migrating = new Client({ connectionString: t.db.location });
      await migrating.connect();
      let server: ServerProcess | undefined;
      try {
        await migrating.query('SELECT pg_advisory_lock(hashtext($1))', ['gardefou:migrations']);
        let failed: unknown = null;
        const starting = startServerProcess().then(
          (started) => (server = started),
          (error: unknown) => (failed = error),
        );
        // The database itself says how long the newcomer has waited for the migrations' lock.
        const waitedPastTimeout = async (): Promise<boolean> => {
          const { rows } = await migrating.query<{ n: string }>(
            `SELECT COUNT(*) AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'
               AND now() - query_start > make_interval(secs => $1)`,
            [(Number(TIMEOUTS.DB_LOCK_TIMEOUT_MS) * 1.5) / 1000],
          );
          return Number(rows[0].n) > 0;
        };
        await until(async () => failed !== null || (await waitedPastTimeout()));
        await migrating.query('SELECT pg_advisory_unlock(hashtext($1))', ['gardefou:migrations']);
        await starting;
        expect(failed).toBeNull();
        expect((await call(server!.url, 'GET', '/api/health')).status).toBe(200);
      } finally {
        await migrating.end();
        await server?.stop();
      }
    });
  });

  onPostgres('PostgreSQL out of reach for a while', () => {
    let link: DatabaseLink;
    let server: ServerProcess;
    let serverToken: string;

    beforeAll(async () => {
      link = await DatabaseLink.open(new URL(t.db.location));
      server = await startServerProcess({ DATABASE_URL: link.url, JWT_SECRET: '' });
      const signIn = await call(server.url, 'POST', '/api/auth/login', undefined, {
        email: 'camille@example.fr',
        password: PASSWORD,
      });
      expect(signIn.status).toBe(200);
      serverToken = signIn.body!.accessToken as string;
    });
    afterAll(async () => {
      await server?.stop();
      await link?.close();
    });

    /** Reads, writes, health and a page, all at once. */
    const traffic = async (): Promise<Answer[]> => {
      const page = async (): Promise<Answer> => {
        const res = await fetch(`${server.url}/console`, {
          headers: { cookie: `gf_session=${serverToken}` },
        });
        const html = await res.text();
        return {
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          code: null,
          body: { html },
        };
      };
      return Promise.all([
        call(server.url, 'GET', '/api/health'),
        page(),
        ...Array.from({ length: 10 }, () => call(server.url, 'GET', '/api/clients', serverToken)),
        ...Array.from({ length: 10 }, () =>
          call(server.url, 'POST', '/api/clients', serverToken, clientInput()),
        ),
      ]);
    };

    const recovers = async (): Promise<void> => {
      await until(async () => (await call(server.url, 'GET', '/api/health')).status === 200);
      expect((await call(server.url, 'GET', '/api/clients', serverToken)).status).toBe(200);
      const created = await call(server.url, 'POST', '/api/clients', serverToken, clientInput());
      expect(created.status).toBe(201);
      expect(server.child.exitCode).toBeNull();
    };

    it('answers 503 with Retry-After while connections are cut and refused, then recovers by itself', async () => {
      expect((await call(server.url, 'GET', '/api/health')).status).toBe(200);
      const before = await countClients(t);
      link.refuse();
      const answers = await traffic();
      console.info('database refused: answers', tally(answers));
      const [health, page, ...api] = answers;
      expectUnavailable(health, 'unavailable.database');
      expect(health.body).toMatchObject({ details: [{ field: 'database', database: 'down' }] });
      expect(page).toMatchObject({ status: 503, retryAfter: String(RETRY_AFTER_SECONDS) });
      expect(page.body!.html).toContain('Service momentanément indisponible');
      for (const a of api) expectUnavailable(a, 'unavailable.database');
      expect(await countClients(t)).toBe(before);
      await link.restore();
      await recovers();
    });

    it('answers 503 once the connect timeout passes when the database does not answer at all', async () => {
      link.silence();
      const answers = await traffic();
      console.info('database silent: answers', tally(answers));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503));
      for (const a of answers.slice(2)) expectUnavailable(a, 'unavailable.database');
      await link.restore();
      await recovers();
    });
  });
});

async function countClients(t: TestApp): Promise<number> {
  const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM clients');
  return Number((row as { n: string | number }).n);
}

/** A session of the test's own holding the invoice chain's lock until release(). */
async function holdChainLock(t: TestApp): Promise<{
  someoneWaits(): Promise<void>;
  release(): Promise<void>;
}> {
  if (t.db.kind === 'postgres') {
    const session = new Client({ connectionString: t.db.location });
    await session.connect();
    await session.query('BEGIN');
    await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [Locks.invoiceChain]);
    return {
      someoneWaits: () =>
        until(async () => {
          const { rows } = await session.query<{ n: string }>(
            `SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          );
          return Number(rows[0].n) > 0;
        }),
      release: async () => {
        await session.query('COMMIT');
        await session.end();
      },
    };
  }
  // SQLite: another connection to the file holding its write lock, as a backup tool might.
  const session = new Database(t.db.location);
  session.exec('BEGIN IMMEDIATE');
  return {
    // The first issue blocks its own process while it waits at the file (better-sqlite3 waits
    // synchronously): there is nothing to observe before it returns.
    someoneWaits: () => Promise.resolve(),
    release: () => {
      session.exec('ROLLBACK');
      session.close();
      return Promise.resolve();
    },
  };
}

/**
 * The network between a server process and PostgreSQL, which the test can cut: refuse() closes
 * every connection and refuses new ones (a database restarting, a dropped link); silence()
 * accepts new connections but never answers (a host gone dark); restore() brings it back.
 */
class DatabaseLink {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private mode: 'open' | 'silent' = 'open';

  private constructor(
    private readonly target: URL,
    private readonly port: number,
  ) {}

  static async open(target: URL): Promise<DatabaseLink> {
    const link = new DatabaseLink(target, await freePort());
    await link.restore();
    return link;
  }

  get url(): string {
    const url = new URL(this.target.toString());
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  refuse(): void {
    this.server?.close();
    this.server = null;
    this.cutAll();
  }

  silence(): void {
    this.mode = 'silent';
    this.cutAll();
  }

  async restore(): Promise<void> {
    this.mode = 'open';
    if (this.server) return;
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async close(): Promise<void> {
    this.cutAll();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
    if (this.mode === 'silent') return; // held open, never answered
    const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
    this.sockets.add(upstream);
    upstream.on('error', () => socket.destroy());
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      socket.destroy();
    });
    socket.on('close', () => upstream.destroy());
    socket.pipe(upstream);
    upstream.pipe(socket);
  }

  private cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
