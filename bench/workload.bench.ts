/**
 * The workload report at scale, on SQLite and, when BENCH_DATABASE_URL names a server, on
 * PostgreSQL: 3,000 (and 1,000,000) intervention_days rows spread over ten years (2017-2026) for
 * one consultant, each with its intervention, written by raw prepared statements in one
 * transaction; the figures stored by day (work_days, work_groups) are then rebuilt from them,
 * as the migration does, in a process of its own. For each size, the built
 * WorkloadReportService.report is timed over one year
 * (2026) and over the ten years, beside two baselines measured in the same process on the same
 * data, through the bare driver (better-sqlite3 or pg):
 *
 * - the per-day aggregation query over the pieces alone (DAY_SQL), the report's days as they
 *   were read before they were stored with the work (`ratio`);
 * - the report's own reads (`ratio to reads`): the same prepared statements with the same
 *   parameters (the stored days of the guardrails' reading window, the groups by client and
 *   activity, the requests by client), their rows read and nothing done with them. Since the
 *   report reads figures stored when the work is written, DAY_SQL compares reading one row a
 *   day with grouping every piece, which says how much less the report reads at a million
 *   rows; the report's own reads say what the server adds on top of its statements (the rules,
 *   the guardrails, the wording, the mapping), at every size.
 *
 * The peak RSS is the measuring process's, which holds the whole application.
 *
 * Each size is measured in a process of its own (bench/support/workload-report.js, on the
 * build in BENCH_DIST, default dist), so its peak RSS is its own. By default only 3,000 rows,
 * so that `npm run bench` keeps within its 10 minutes; BENCH_WORKLOAD_SIZES=3000,1000000 adds
 * the million (about 2 minutes on SQLite, 4 more on PostgreSQL, most of it seeding).
 * BENCH_NODE_ARGS passes flags to the measuring processes (`--cpu-prof
 * --cpu-prof-dir=/tmp/prof`); BENCH_KEEP=1 keeps the last database and prints where it is.
 *
 *   npm run bench -- workload
 *   BENCH_WORKLOAD_SIZES=3000,1000000 npm run bench -- workload
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- workload
 */
import { DateTime } from 'luxon';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { benchPgDatabase } from './support/pg-database';
import { startTestApp } from '../test/app';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { reportsWorld } from '../test/factories/reports';

/** The few better-sqlite3 calls used here (the package ships no type declarations). */
interface RawDatabase {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): void };
  transaction(work: () => void): () => void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => RawDatabase;

const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
/** The million rows are asked for: seeding them takes minutes (see docs/performance.md). */
const SIZES = (process.env.BENCH_WORKLOAD_SIZES ?? '3000').split(',').map(Number);
const FIRST_DAY = '2017-01-01';
const DAYS = 3652; // 2017-01-01 to 2026-12-31
const URGENCIES = ['low', 'normal', 'normal', 'normal', 'high', 'critical'];
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';
/** Rows per multi-row INSERT on PostgreSQL (one array parameter a column). */
const PG_CHUNK = 20_000;

/** A fixed pseudo-random sequence, so every run writes the same rows. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface World {
  consultantId: string;
  /** Each client with its contract. */
  clients: { id: string; contractId: string }[];
  activityIds: string[];
}

interface Piece {
  id: string;
  day: string;
  clientId: string;
  contractId: string;
  activityId: string;
  minutes: number;
  afterHoursMinutes: number;
  urgency: string;
  start: string;
  end: string;
}

/**
 * `rows` interventions of one piece each, as evenly spread over the ten years as whole days
 * allow: each day's follow one another from 08:00 Paris time, up to 8 hours of work a day.
 */
function* pieces(world: World, rows: number): Generator<Piece> {
  const random = sequence(rows);
  // Ids in the order of the rows, so that the primary keys' b-trees grow at their end.
  const prefix = randomUUID().slice(0, 23);
  let written = 0;
  const first = DateTime.fromISO(`${FIRST_DAY}T08:00`, { zone: 'Europe/Paris' });
  for (let day = 0; day < DAYS; day++) {
    const count = Math.floor(((day + 1) * rows) / DAYS) - Math.floor((day * rows) / DAYS);
    const minutes = Math.max(1, Math.floor(480 / Math.max(1, count)));
    const opening = first.plus({ days: day });
    const date = opening.toISODate()!;
    for (let k = 0; k < count; k++) {
      const start = opening.toMillis() + k * minutes * 60_000;
      const client = world.clients[Math.floor(random() * world.clients.length)];
      yield {
        id: `${prefix}-${String(++written).padStart(12, '0')}`,
        day: date,
        clientId: client.id,
        contractId: client.contractId,
        activityId: world.activityIds[Math.floor(random() * world.activityIds.length)],
        minutes,
        afterHoursMinutes: random() < 0.15 ? minutes : 0,
        urgency: URGENCIES[Math.floor(random() * URGENCIES.length)],
        start: new Date(start).toISOString(),
        end: new Date(start + minutes * 60_000).toISOString(),
      };
    }
  }
}

const INTERVENTION_COLUMNS = [
  'id',
  'consultantId',
  'contractId',
  'clientId',
  'activityId',
  'startedAt',
  'endedAt',
  'urgency',
  'location',
  'description',
  'durationMinutes',
  'afterHoursMinutes',
  'createdAt',
  'updatedAt',
];
const DAY_COLUMNS = [
  'interventionId',
  'day',
  'consultantId',
  'clientId',
  'contractId',
  'activityId',
  'minutes',
  'afterHoursMinutes',
  'urgency',
  'isStartDay',
  'pieceStart',
  'pieceEnd',
];

function interventionValues(world: World, p: Piece): unknown[] {
  const { consultantId } = world;
  return [
    ...[p.id, consultantId, p.contractId, p.clientId, p.activityId, p.start, p.end, p.urgency],
    ...['remote', '', p.minutes, p.afterHoursMinutes, p.end, p.end],
  ];
}

function dayValues(world: World, p: Piece, startDay: boolean | number): unknown[] {
  const { consultantId } = world;
  return [
    ...[p.id, p.day, consultantId, p.clientId, p.contractId, p.activityId],
    ...[p.minutes, p.afterHoursMinutes, p.urgency, startDay, p.start, p.end],
  ];
}

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

function seedSqlite(file: string, world: World, rows: number): void {
  const db = new Database(file);
  // The primary keys are random: a large page cache keeps their b-trees in memory meanwhile.
  db.exec('PRAGMA cache_size = -400000');
  db.exec('PRAGMA synchronous = OFF');
  const insertWork = db.prepare(
    `INSERT INTO interventions (${quoted(INTERVENTION_COLUMNS)})
     VALUES (${INTERVENTION_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertDay = db.prepare(
    `INSERT INTO intervention_days (${quoted(DAY_COLUMNS)})
     VALUES (${DAY_COLUMNS.map(() => '?').join(', ')})`,
  );
  db.transaction(() => {
    db.exec('DELETE FROM intervention_days');
    db.exec('DELETE FROM interventions');
    for (const p of pieces(world, rows)) {
      insertWork.run(...interventionValues(world, p));
      insertDay.run(...dayValues(world, p, 1));
    }
  })();
  db.exec('ANALYZE');
  db.close();
}

/** PostgreSQL: one INSERT … SELECT FROM unnest(arrays) a chunk, every chunk in one transaction. */
async function seedPostgres(url: string, world: World, rows: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const types = (columns: string[], ints: string[], bools: string[] = []) =>
    columns.map((c, k) => {
      const type = ints.includes(c) ? 'int' : bools.includes(c) ? 'boolean' : 'text';
      return `$${k + 1}::${type}[]`;
    });
  const workSql = `INSERT INTO interventions (${quoted(INTERVENTION_COLUMNS)})
    SELECT * FROM unnest(${types(INTERVENTION_COLUMNS, ['durationMinutes', 'afterHoursMinutes']).join(', ')})`;
  const daySql = `INSERT INTO intervention_days (${quoted(DAY_COLUMNS)})
    SELECT * FROM unnest(${types(DAY_COLUMNS, ['minutes', 'afterHoursMinutes'], ['isStartDay']).join(', ')})`;
  const flush = async (chunk: Piece[]) => {
    const columnsOf = (values: unknown[][]) => values[0].map((_, k) => values.map((v) => v[k]));
    await client.query(workSql, columnsOf(chunk.map((p) => interventionValues(world, p))));
    await client.query(daySql, columnsOf(chunk.map((p) => dayValues(world, p, true))));
  };
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM intervention_days');
    await client.query('DELETE FROM interventions');
    let chunk: Piece[] = [];
    for (const p of pieces(world, rows)) {
      chunk.push(p);
      if (chunk.length === PG_CHUNK) {
        await flush(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await flush(chunk);
    await client.query('COMMIT');
    await client.query('ANALYZE interventions');
    await client.query('ANALYZE intervention_days');
  } finally {
    await client.end();
  }
}

interface Measured {
  period: string;
  days: number;
  reportMs: number;
  bareMs: number;
  readsMs: number;
}
interface ChildResult {
  bootRssMiB: number;
  bootPeakRssMiB: number;
  peakRssMiB: number;
  /** The highest of each figure of process.memoryUsage() sampled while measuring, in MiB. */
  memory: Record<string, number>;
  results: Measured[];
}

/**
 * The figures stored by day, rebuilt from the rows written straight into the tables, in a
 * process of its own (its memory is not the measuring process's): milliseconds taken.
 */
function rebuildFigures(db: TestDatabase): number {
  const child = join(__dirname, 'support', 'workload-report.js');
  const run = spawnSync(process.execPath, [child], {
    env: { ...process.env, ...db.env, ...childEnv(), BENCH_REBUILD: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`workload-report.js (rebuild) exited with ${run.status}`);
  return (JSON.parse(run.stdout.trim().split('\n').pop()!) as { rebuildMs: number }).rebuildMs;
}

function childEnv(): Record<string, string> {
  return { BENCH_DIST: DIST, JWT_SECRET, LOG_LEVEL: 'silent', SMTP_URL: '' };
}

/** The report and its baseline, measured in a process of their own on the built application. */
function measure(db: TestDatabase, world: World, rows: number): ChildResult {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = join(__dirname, 'support', 'workload-report.js');
  const run = spawnSync(process.execPath, [...nodeArgs, child], {
    env: {
      ...process.env,
      ...db.env,
      ...childEnv(),
      BENCH_CONSULTANT: world.consultantId,
      BENCH_RUNS: String(rows >= 100_000 ? 3 : 15),
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`workload-report.js exited with ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

/**
 * A fresh database: a temporary SQLite file, or `gardefou_bench_workload_<pid>` on the server
 * BENCH_DATABASE_URL names (any database on it), dropped afterwards.
 */
async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    delete process.env.TEST_DATABASE_URL;
    return createTestDatabase();
  }
  const db = await benchPgDatabase(`gardefou_bench_workload_${process.pid}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'gardefou-bench-'));
  return {
    kind: 'postgres',
    location: db.url,
    env: { DATABASE_URL: db.url, DATA_DIR: dataDir },
    drop: async () => {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<Record<string, unknown>[]> {
  const db = await freshDatabase(kind);
  const lines: Record<string, unknown>[] = [];
  try {
    const t = await startTestApp({ LOG_LEVEL: 'silent' }, { database: db });
    const made = await reportsWorld(t);
    await t.close();
    const world: World = {
      consultantId: made.consultantId,
      clients: made.clients.map((c) => ({ id: c.id, contractId: c.contractId })),
      activityIds: [made.activities.support, made.activities.training],
    };
    for (const rows of SIZES) {
      const started = performance.now();
      if (kind === 'sqlite') seedSqlite(db.location, world, rows);
      else await seedPostgres(db.location, world, rows);
      const seedS = (performance.now() - started) / 1000;
      const rebuildS = rebuildFigures(db) / 1000;
      const measured = measure(db, world, rows);
      for (const m of measured.results) {
        lines.push({
          database: kind,
          rows,
          period: m.period,
          'days with work': m.days,
          'report ms': Number(m.reportMs.toFixed(1)),
          'bare day SQL ms': Number(m.bareMs.toFixed(1)),
          ratio: Number((m.reportMs / m.bareMs).toFixed(2)),
          'bare reads ms': Number(m.readsMs.toFixed(1)),
          'ratio to reads': Number((m.reportMs / m.readsMs).toFixed(2)),
          'peak RSS MiB': measured.peakRssMiB,
          'seed s': Number(seedS.toFixed(1)),
          'figures rebuilt s': Number(rebuildS.toFixed(1)),
        });
      }
      console.log(
        `${kind} ${rows} rows: seeded in ${seedS.toFixed(1)} s, figures by day rebuilt in ` +
          `${rebuildS.toFixed(1)} s; the measuring process booted at ` +
          `${measured.bootRssMiB} MiB (peak ${measured.bootPeakRssMiB} MiB while booting) and peaked ` +
          `at ${measured.peakRssMiB} MiB (sampled highs, MiB: ${JSON.stringify(measured.memory)})`,
      );
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${db.location} (${JSON.stringify(db.env)})`);
    else await db.drop();
  }
  return lines;
}

async function main(): Promise<void> {
  const kinds: ('sqlite' | 'postgres')[] = process.env.BENCH_DATABASE_URL
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  const lines: Record<string, unknown>[] = [];
  for (const kind of kinds) lines.push(...(await benchDatabase(kind)));
  console.table(lines);
  console.log(
    `target: ratio ≤ 1.2 at every size, peak RSS ≤ 200 MiB at 1M; node ${process.version}; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
