/**
 * What the HTTP benches share: a demo practice seeded once per day and database kind (then
 * copied for every run), the built server started on it, the statements of one of its requests
 * recorded, the bare baseline started on its own copy of the same data, and autocannon rounds
 * that alternate baseline and application so drift hits both alike.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/** The part of autocannon's result the benches read (the package ships no types). */
interface CannonResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => Promise<CannonResult>;

export const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
const SUPPORT = __dirname;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';
/** The demo's present, this many days before today: the days since are free for new work. */
export const DEMO_DAYS_AGO = 45;
const DAY_MS = 86_400_000;

export type DatabaseKind = 'sqlite' | 'postgres';
export interface BenchDatabase {
  kind: DatabaseKind;
  /** The server's environment for this database. */
  env: Record<string, string>;
  /** What the bare baseline connects to. */
  bareEnv: Record<string, string>;
}

/** SQLite always; PostgreSQL too when BENCH_DATABASE_URL names a server (any database on it). */
export function databaseKinds(): DatabaseKind[] {
  return process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

const today = (): string => new Date().toISOString().slice(0, 10);
const demoNow = (): Date => new Date(Date.now() - DEMO_DAYS_AGO * DAY_MS);
/** The template's name: the day (the demo is relative to it) and the schema's migrations. */
function templateKey(): string {
  const migrations = readdirSync(join(DIST, 'migrations')).filter((f) => f.endsWith('.js'));
  return `${today().replace(/-/g, '')}_${migrations.length}`;
}

function seed(env: Record<string, string>): void {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(SUPPORT, 'seed-demo.js')], {
    env: {
      ...process.env,
      ...env,
      BENCH_DIST: DIST,
      DEMO_NOW: demoNow().toISOString(),
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
      JWT_SECRET,
    },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`seeding the demo failed:\n${run.stderr}`);
  console.log(`(demo practice seeded in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh copy of the seeded demo practice, one for the server, one for the baseline. */
export async function demoDatabase(kind: DatabaseKind, label: string): Promise<BenchDatabase> {
  const key = templateKey();
  if (kind === 'sqlite') {
    const dir = join(tmpdir(), 'gardefou-bench-demo');
    mkdirSync(dir, { recursive: true });
    const template = join(dir, `demo_${key}.sqlite`);
    if (!existsSync(template)) {
      const building = join(dir, `building_${process.pid}.sqlite`);
      seed({ DATA_DIR: dir, SQLITE_FILE: building, DATABASE_URL: '' });
      copyFileSync(building, template);
      for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
    }
    const copy = (name: string): string => {
      const file = join(dir, `${name}_${process.pid}.sqlite`);
      copyFileSync(template, file);
      return file;
    };
    const app = copy(`${label}_app`);
    const bare = copy(`${label}_bare`);
    return {
      kind,
      env: { DATA_DIR: dir, SQLITE_FILE: app, DATABASE_URL: '' },
      bareEnv: { BARE_SQLITE: bare },
    };
  }
  const base = process.env.BENCH_DATABASE_URL!;
  const template = `gardefou_bench_demo_${key}`;
  const exists = await admin(
    async (c) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount! > 0,
  );
  if (!exists) {
    const building = `gardefou_bench_building_${process.pid}`;
    await admin((c) => c.query(`CREATE DATABASE ${building}`));
    seed({ DATABASE_URL: withDatabase(base, building), DATA_DIR: tmpdir() });
    await admin((c) => c.query(`ALTER DATABASE ${building} RENAME TO ${template}`));
  }
  const copy = async (name: string): Promise<string> => {
    const db = `gardefou_bench_${name}_${process.pid}`;
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${db}`);
      await c.query(`CREATE DATABASE ${db} TEMPLATE ${template}`);
    });
    return withDatabase(base, db);
  };
  const app = await copy(`${label}_app`);
  const bare = await copy(`${label}_bare`);
  return {
    kind,
    env: { DATABASE_URL: app, DATA_DIR: tmpdir() },
    bareEnv: { BARE_DATABASE_URL: bare },
  };
}

/** Drops the copies a bench made (the template stays for the next bench of the day). */
export async function dropCopies(db: BenchDatabase): Promise<void> {
  if (db.kind !== 'postgres') {
    for (const file of [db.env.SQLITE_FILE, db.bareEnv.BARE_SQLITE]) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
    return;
  }
  for (const url of [db.env.DATABASE_URL, db.bareEnv.BARE_DATABASE_URL]) {
    const name = new URL(url).pathname.slice(1);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

async function waitHealthy(port: number, child: ChildProcess, path = '/api/health'): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the server on port ${port} did not answer`);
}

export interface Running {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Every server a bench started ends with it, even when it fails half-way. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function started(child: ChildProcess, port: number): Running {
  children.add(child);
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * The built server (`node dist/src/main.js`) on the database, its SQL recorded to `traceFile`.
 * Logs at LOG_LEVEL info (as in production) unless BENCH_LOG_LEVEL says otherwise, to /dev/null.
 */
export async function startApp(
  db: BenchDatabase,
  port: number,
  traceFile: string,
): Promise<Running> {
  const child = spawn(
    process.execPath,
    [
      // PROFILE=dir: a CPU profile of the server, written there when the bench stops it.
      ...(process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`] : []),
      '-r',
      join(SUPPORT, 'sql-trace.js'),
      join(DIST, 'src/main.js'),
    ],
    {
      env: {
        ...process.env,
        ...db.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET,
        SMTP_URL: '',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
        RATE_LIMIT_PER_MINUTE: '100000000',
        SQL_TRACE_FILE: traceFile,
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  children.add(child);
  await waitHealthy(port, child);
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send('exit');
      await exited;
    },
  };
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The statements the server ran while `work` ran (nothing else may be in flight). */
export async function recorded(
  app: Running,
  traceFile: string,
  work: () => Promise<unknown>,
): Promise<Statement[]> {
  const lines = () => (existsSync(traceFile) ? readFileSync(traceFile, 'utf8').split('\n') : ['']);
  const toggle = () =>
    new Promise((answered) => {
      app.child.once('message', answered);
      app.child.send('sql-trace');
    });
  await toggle();
  const before = lines().length - 1;
  await work();
  await toggle();
  return lines()
    .slice(before)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Statement);
}

/**
 * The bare baseline serving `statements` for every request, on its own copy of the data. With
 * `body`, the recorded request's body, a write is replayed as the request each new body asks for
 * (its slot, its title: see bare-server.js).
 */
export async function startBare(
  db: BenchDatabase,
  port: number,
  statements: Statement[],
  file: string,
  body?: object,
): Promise<Running> {
  writeFileSync(file, JSON.stringify(body ? { statements, body } : statements));
  const child = spawn(process.execPath, [join(SUPPORT, 'bare-server.js')], {
    env: { ...process.env, ...db.bareEnv, PORT: String(port), BARE_STATEMENTS: file },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitHealthy(port, child, '/health');
  return started(child, port);
}

export async function signIn(port: number, email: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export interface Load {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  connections: number;
  /** Seconds per round, or else a number of requests per round. */
  duration?: number;
  amount?: number;
  /** A new body for every request (writes). */
  body?: () => object;
}

export interface Round {
  rps: number;
  p99: number;
  p50: number;
  requests: number;
  failures: number;
}

export async function fire(port: number, load: Load): Promise<Round> {
  const headers = { authorization: `Bearer ${load.token}`, 'content-type': 'application/json' };
  const body = load.body;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${load.path}`,
    connections: load.connections,
    // autocannon ends a run at its next sampling tick (every second by default): a run of a
    // number of requests samples every 10 ms, so that its duration is not rounded up to seconds.
    ...(load.amount ? { amount: load.amount, sampleInt: 10 } : { duration: load.duration ?? 10 }),
    requests: [
      {
        method: load.method,
        headers,
        ...(body ? { setupRequest: (r: object) => ({ ...r, body: JSON.stringify(body()) }) } : {}),
      },
    ],
  });
  const seconds = result.duration || load.duration || 1;
  return {
    rps: result.requests.total / seconds,
    p99: result.latency.p99,
    p50: result.latency.p50,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export interface Comparison {
  what: string;
  kind: DatabaseKind;
  app: Round[];
  bare: Round[];
}

/** Rounds alternate: baseline, application, baseline, application… */
export async function alternate(
  rounds: number,
  bare: () => Promise<Round>,
  app: () => Promise<Round>,
): Promise<{ app: Round[]; bare: Round[] }> {
  const out = { app: [] as Round[], bare: [] as Round[] };
  for (let i = 0; i < rounds; i++) {
    out.bare.push(await bare());
    out.app.push(await app());
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One line per comparison: medians of the rounds, the ratio, the target and whether it holds.
 * When either side answered anything but success, no ratio: the line says how many failed.
 */
export function report(c: Comparison, target: { minRpsRatio: number; maxP99Ratio?: number }): void {
  const failed = (rs: Round[]) => rs.reduce((s, r) => s + r.failures, 0);
  if (failed(c.app) + failed(c.bare) > 0) {
    console.log(
      `${c.what} [${c.kind}]: NOT MEASURED: ${failed(c.app)} of the application's and ` +
        `${failed(c.bare)} of the baseline's answers failed (no ratio is reported)`,
    );
    process.exitCode = 1;
    return;
  }
  const a = { rps: median(c.app.map((r) => r.rps)), p99: median(c.app.map((r) => r.p99)) };
  const b = { rps: median(c.bare.map((r) => r.rps)), p99: median(c.bare.map((r) => r.p99)) };
  const ratio = a.rps / b.rps;
  const p99Ratio = a.p99 / Math.max(b.p99, 1);
  const met =
    ratio >= target.minRpsRatio &&
    (target.maxP99Ratio === undefined || p99Ratio <= target.maxP99Ratio);
  const rounds = (rs: Round[]) => rs.map((r) => r.rps.toFixed(0)).join('/');
  console.log(
    `${c.what} [${c.kind}]: gardefou ${a.rps.toFixed(0)} req/s p99 ${a.p99} ms ` +
      `(rounds ${rounds(c.app)}); bare ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms ` +
      `(rounds ${rounds(c.bare)}) → ×${ratio.toFixed(2)} req/s` +
      (target.maxP99Ratio !== undefined ? `, p99 ×${p99Ratio.toFixed(2)}` : '') +
      `; target ≥ ${target.minRpsRatio}×` +
      (target.maxP99Ratio !== undefined ? `, p99 ≤ ${target.maxP99Ratio}×` : '') +
      ` ${met ? 'MET' : 'MISSED'}`,
  );
}

export function loadLine(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores, node ${process.version}`;
}
