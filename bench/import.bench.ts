/**
 * Import at scale, against the production build (`node dist/src/main.js`) started here on a fresh
 * database: SQLite always, PostgreSQL too when BENCH_DATABASE_URL names a server (a database of
 * its own is made on it, and dropped after).
 *
 * 1. 10,000 Toggl Track rows through POST /api/interventions/import (a real run: rows, day rows
 *    and quota units written), against the baseline measured in the same run: the same rows read
 *    back and written again by raw prepared INSERTs, one statement run per row, in one
 *    transaction (rolled back), into the same tables with the same indexes.
 * 2. GET /api/health sent every 10 ms (open loop: a request does not wait for the one before, so
 *    a held event loop shows in every request it delays) while a 6 MB file is imported, against
 *    the same requests on the idle server.
 *
 *   npm run bench -- import              (builds first)
 *   BENCH_DIST=dist npx ts-node --transpile-only bench/import.bench.ts
 *   PROFILE=/tmp/prof …                  (a CPU profile of the server, written when it stops)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { benchPgDatabase } from './support/pg-database';
import { contractInput } from '../test/factories/contracts';
import { clientInput, PASSWORD, practiceInput } from '../test/factories/index';

/** The few better-sqlite3 calls used here. */
interface RawDatabase {
  exec(sql: string): void;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): void };
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => RawDatabase;

const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
const ROWS = 10_000;
/** Rows of the large file: about 6 MB of Toggl export. */
const LARGE_ROWS = 46_000;
const CLIENTS = 20;
const SOURCE = 'import:toggl';
/** The tables an import writes, in the order their rows may be inserted. */
const TABLES = ['interventions', 'intervention_days', 'quota_units'] as const;
const HEALTH_EVERY_MS = 10;
const TARGET = { ratio: 3, healthP99Ms: 100 };
const HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

type Kind = 'sqlite' | 'postgres';

/** Ten 45-minute entries a day, 08:00 to 17:45, `rows` of them from `first`. */
function togglExport(clientNames: string[], first: string, rows: number): string {
  const lines = [HEADER];
  const origin = Date.parse(`${first}T00:00:00Z`);
  for (let i = 0; i < rows; i++) {
    const day = new Date(origin + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10);
    const hour = String(8 + (i % 10)).padStart(2, '0');
    const billable = i % 7 === 0 ? 'No' : 'Yes';
    const client = clientNames[i % clientNames.length];
    lines.push(
      `Camille Martin,camille@example.fr,${client},Parc,Support,"Entrée ${i}, poste",${billable},${day},${hour}:00:00,${day},${hour}:45:00,00:45:00,,`,
    );
  }
  return lines.join('\n');
}

interface Server {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`] : []),
      join(DIST, 'src/main.js'),
    ],
    {
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
        SMTP_URL: '',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
        RATE_LIMIT_PER_MINUTE: '100000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited');
    if (Date.now() > deadline) throw new Error('the server did not answer');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

class Api {
  constructor(
    private readonly port: number,
    public token = '',
  ) {}

  async send(method: string, path: string, body?: unknown, type = 'application/json') {
    const res = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: {
        'content-type': type,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  }
}

/** The practice, its consultant, CLIENTS clients with a contract each, and an activity. */
async function setUp(api: Api): Promise<string[]> {
  const session = await api.send('POST', '/api/auth/setup', {
    email: 'camille@example.fr',
    password: PASSWORD,
    displayName: 'Camille Martin',
    practice: practiceInput(),
  });
  api.token = session.accessToken as string;
  const names: string[] = [];
  for (let n = 0; n < CLIENTS; n++) {
    const client = await api.send('POST', '/api/clients', clientInput({ name: `Société ${n}` }));
    await api.send(
      'POST',
      '/api/contracts',
      contractInput(client.id as string, { startDate: '2010-01-01' }),
    );
    names.push(client.name as string);
  }
  await api.send('POST', '/api/activities', {
    name: 'Support',
    kind: 'support',
    defaultRateCents: 9000,
  });
  return names;
}

async function importCsv(api: Api, csv: string, dryRun: boolean) {
  return api.send(
    'POST',
    `/api/interventions/import?source=toggl&dryRun=${dryRun}`,
    csv,
    'text/csv',
  );
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** The raw baseline on one database: rows of each table as the database hands them back. */
interface RawStore {
  rows(table: string): Promise<Record<string, unknown>[]>;
  /**
   * In one transaction, rolled back: the imported rows deleted (untimed), then written again by
   * one prepared INSERT per table, run once per row. The time of the writing.
   */
  rewrite(tables: { table: string; rows: Record<string, unknown>[] }[]): Promise<number>;
  close(): Promise<void>;
}

const quoted = (columns: string[]): string => columns.map((c) => `"${c}"`).join(', ');

function sqliteStore(file: string): RawStore {
  const db = new Database(file);
  return {
    rows: (table) =>
      Promise.resolve(
        table === 'interventions'
          ? (db.prepare(`SELECT * FROM interventions WHERE source = ?`).all(SOURCE) as never)
          : (db
              .prepare(
                `SELECT t.* FROM ${table} t JOIN interventions i ON i.id = t."interventionId" WHERE i.source = ?`,
              )
              .all(SOURCE) as never),
      ),
    rewrite: (tables) => {
      db.exec('BEGIN');
      try {
        for (const { table } of [...tables].reverse()) {
          db.prepare(
            table === 'interventions'
              ? `DELETE FROM interventions WHERE source = ?`
              : `DELETE FROM ${table} WHERE "interventionId" IN (SELECT id FROM interventions WHERE source = ?)`,
          ).run(SOURCE);
        }
        const started = performance.now();
        for (const { table, rows } of tables) {
          if (rows.length === 0) continue;
          const columns = Object.keys(rows[0]);
          const insert = db.prepare(
            `INSERT INTO ${table} (${quoted(columns)}) VALUES (${columns.map(() => '?').join(', ')})`,
          );
          for (const row of rows) insert.run(...columns.map((c) => row[c]));
        }
        return Promise.resolve(performance.now() - started);
      } finally {
        db.exec('ROLLBACK');
      }
    },
    close: () => Promise.resolve(db.close()),
  };
}

async function postgresStore(url: string): Promise<RawStore> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  return {
    rows: async (table) =>
      (table === 'interventions'
        ? await db.query(`SELECT * FROM interventions WHERE source = $1`, [SOURCE])
        : await db.query(
            `SELECT t.* FROM ${table} t JOIN interventions i ON i.id = t."interventionId" WHERE i.source = $1`,
            [SOURCE],
          )
      ).rows as Record<string, unknown>[],
    rewrite: async (tables) => {
      await db.query('BEGIN');
      try {
        for (const { table } of [...tables].reverse()) {
          await db.query(
            table === 'interventions'
              ? `DELETE FROM interventions WHERE source = $1`
              : `DELETE FROM ${table} WHERE "interventionId" IN (SELECT id FROM interventions WHERE source = $1)`,
            [SOURCE],
          );
        }
        const started = performance.now();
        for (const { table, rows } of tables) {
          if (rows.length === 0) continue;
          const columns = Object.keys(rows[0]);
          const text = `INSERT INTO ${table} (${quoted(columns)}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
          const name = `baseline_${table}`;
          for (const row of rows) {
            await db.query({ name, text, values: columns.map((c) => row[c]) });
          }
        }
        return performance.now() - started;
      } finally {
        await db.query('ROLLBACK');
      }
    },
    close: () => db.end(),
  };
}

/** A fresh database of the kind: the server's environment, the raw store, and its disposal. */
async function freshDatabase(kind: Kind): Promise<{
  env: Record<string, string>;
  store: () => Promise<RawStore>;
  drop: () => Promise<void>;
}> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gardefou-bench-import-'));
    const file = join(dir, 'gardefou.sqlite');
    return {
      env: { DATA_DIR: dir, SQLITE_FILE: file, DATABASE_URL: '' },
      store: () => Promise.resolve(sqliteStore(file)),
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const db = await benchPgDatabase(`gardefou_bench_import_${process.pid}`);
  return {
    env: { DATABASE_URL: db.url, DATA_DIR: tmpdir() },
    store: () => postgresStore(db.url),
    drop: () => db.drop(),
  };
}

/** Latencies of GET /api/health sent every HEALTH_EVERY_MS until `until` settles (or `count`). */
async function healthLatencies(port: number, until: { busy?: Promise<unknown>; count?: number }) {
  let settled = false;
  void until.busy?.finally(() => (settled = true));
  const sent: Promise<number>[] = [];
  const one = async (): Promise<number> => {
    const started = performance.now();
    const res = await patientFetch(`http://127.0.0.1:${port}/api/health`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`health answered ${res.status}`);
    return performance.now() - started;
  };
  while (until.busy ? !settled : sent.length < (until.count ?? 0)) {
    sent.push(one());
    await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
  }
  await until.busy;
  return (await Promise.all(sent)).sort((a, b) => a - b);
}

/**
 * fetch, tried again when the connection is not accepted within fetch's 10 s (a server whose
 * event loop is held that long): the request's latency is then the whole wait, not a failure.
 */
async function patientFetch(url: string): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown } }).cause;
      if (cause?.code !== 'UND_ERR_CONNECT_TIMEOUT') throw error;
    }
  }
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const kB = (text: string): string => `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;
const verdict = (met: boolean): string => (met ? 'MET' : 'MISSED');
/** The machine's load average over the last minute, printed beside each figure. */
const load = (): string => `load ${loadavg()[0].toFixed(1)}`;

async function bench(kind: Kind, port: number): Promise<boolean> {
  const db = await freshDatabase(kind);
  const server = await startServer(db.env, port);
  let store: RawStore | null = null;
  try {
    const api = new Api(port);
    const names = await setUp(api);
    const csv = togglExport(names, '2023-01-02', ROWS);
    const [dry, dryMs] = await timed(() => importCsv(api, csv, true));
    const [real, realMs] = await timed(() => importCsv(api, csv, false));
    if (real.created !== ROWS) throw new Error(`import: ${JSON.stringify(real).slice(0, 300)}`);
    store = await db.store();
    const tables = [];
    for (const table of TABLES) tables.push({ table, rows: await store.rows(table) });
    const baselineMs = await store.rewrite(tables);
    const ratio = realMs / baselineMs;
    const written = tables.map((t) => `${t.rows.length} ${t.table}`).join(', ');
    console.log(`[${kind}] ${ROWS} Toggl rows (${kB(csv)}): ${written} (${load()})`);
    console.log(`  dry run (accepted ${String(dry.accepted)})  ${ms(dryMs)}`);
    console.log(`  import, written                     ${ms(realMs)}`);
    console.log(`  baseline: raw prepared INSERTs      ${ms(baselineMs)}`);
    const ratioMet = ratio <= TARGET.ratio;
    console.log(
      `  → ×${ratio.toFixed(2)} the baseline; target ≤ ${TARGET.ratio}× ${verdict(ratioMet)}`,
    );

    const large = togglExport(names, '2010-01-04', LARGE_ROWS);
    const idle = await healthLatencies(port, { count: 300 });
    const [busy, largeMs] = await timed(() =>
      healthLatencies(port, { busy: importCsv(api, large, false) }),
    );
    const p99 = quantile(busy, 0.99);
    const healthMet = p99 <= TARGET.healthP99Ms;
    console.log(
      `[${kind}] GET /api/health every ${HEALTH_EVERY_MS} ms during an import of ${kB(large)} (${LARGE_ROWS} rows, ${ms(largeMs)}, ${load()}):`,
    );
    console.log(
      `  during: ${busy.length} answers, p50 ${ms(quantile(busy, 0.5))}, p99 ${ms(p99)}, slowest ${ms(quantile(busy, 1))}`,
    );
    console.log(
      `  baseline, idle server: ${idle.length} answers, p50 ${ms(quantile(idle, 0.5))}, p99 ${ms(quantile(idle, 0.99))}`,
    );
    console.log(`  → p99 ${ms(p99)}; target ≤ ${TARGET.healthP99Ms} ms ${verdict(healthMet)}`);
    return ratioMet && healthMet;
  } finally {
    await store?.close();
    await server.stop();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const kinds: Kind[] = process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const only = process.env.BENCH_IMPORT_KIND;
  let port = 4710;
  for (const kind of kinds.filter((k) => !only || k === only)) {
    await bench(kind, port++);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
