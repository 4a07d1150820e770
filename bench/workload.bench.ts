/**
 * The workload report at scale, on a temporary SQLite file: 3,000, 30,000 and 1,000,000
 * intervention_days rows spread over ten years (2017-2026) for one consultant, written by a
 * raw prepared statement in one transaction. For each size, WorkloadReportService.report is
 * timed over one year (2026) and over the ten years (all the rows), beside a baseline
 * measured on the same data: the per-day aggregation query alone, run by a raw better-sqlite3
 * prepared statement. The ratio says what the other three queries, the rules and the
 * mapping add on top.
 *
 *   npx ts-node --transpile-only bench/workload.bench.ts
 */
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DAY_SQL } from '../src/reports/workload-queries';
import { WorkloadReportService } from '../src/reports/workload-report.service';
import { startTestApp, type TestApp } from '../test/app';
import { reportsWorld } from '../test/factories/reports';

/** The few better-sqlite3 calls used here (the package ships no type declarations). */
interface RawDatabase {
  exec(sql: string): void;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): void };
  transaction(work: () => void): () => void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => RawDatabase;

const SIZES = [3_000, 30_000, 1_000_000];
const FIRST_DAY = '2017-01-01';
const DAYS = 3652; // 2017-01-01 to 2026-12-31
const PERIODS = [
  { name: 'one year (2026)', from: '2026-01-01', to: '2026-12-31' },
  { name: 'ten years (all rows)', from: FIRST_DAY, to: '2026-12-31' },
];
const URGENCIES = ['low', 'normal', 'normal', 'normal', 'high', 'critical'];

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
  clientIds: string[];
  activityIds: string[];
}

/**
 * `rows` pieces, as evenly spread over the ten years as whole days allow: each day's pieces
 * follow one another from 08:00 Paris time, 8 hours of work a day in all.
 */
function insertDays(file: string, world: World, rows: number): void {
  const db = new Database(file);
  // The report reads the pieces only: their interventions are not written, so the foreign key
  // to them is off for this connection.
  db.exec('PRAGMA foreign_keys = OFF');
  db.exec('DELETE FROM intervention_days');
  const insert = db.prepare(
    `INSERT INTO intervention_days ("interventionId", day, "consultantId", "clientId", "contractId",
      "activityId", minutes, "afterHoursMinutes", urgency, "isStartDay", "pieceStart", "pieceEnd")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const random = sequence(rows);
  const first = DateTime.fromISO(`${FIRST_DAY}T08:00`, { zone: 'Europe/Paris' });
  db.transaction(() => {
    for (let day = 0; day < DAYS; day++) {
      const count = Math.floor(((day + 1) * rows) / DAYS) - Math.floor((day * rows) / DAYS);
      const minutes = Math.max(1, Math.floor(480 / Math.max(1, count)));
      const start = first.plus({ days: day });
      const date = start.toISODate()!;
      const opening = start.toMillis();
      for (let k = 0; k < count; k++) {
        const pieceStart = opening + k * minutes * 60_000;
        insert.run(
          randomUUID(),
          date,
          world.consultantId,
          world.clientIds[Math.floor(random() * world.clientIds.length)],
          randomUUID(),
          world.activityIds[Math.floor(random() * world.activityIds.length)],
          minutes,
          random() < 0.15 ? minutes : 0,
          URGENCIES[Math.floor(random() * URGENCIES.length)],
          1,
          new Date(pieceStart).toISOString(),
          new Date(pieceStart + minutes * 60_000).toISOString(),
        );
      }
    }
  })();
  db.exec('ANALYZE');
  db.close();
}

async function median(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  await work(); // warm-up: statement caches, practice row
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const t: TestApp = await startTestApp({ LOG_LEVEL: 'silent' });
  try {
    const world = await reportsWorld(t);
    const service = t.app.get(WorkloadReportService);
    const ids: World = {
      consultantId: world.consultantId,
      clientIds: world.clients.map((c) => c.id),
      activityIds: [world.activities.support, world.activities.training],
    };
    const raw = new Database(t.db.location);
    const results: Record<string, string | number>[] = [];
    for (const rows of SIZES) {
      const started = performance.now();
      insertDays(t.db.location, ids, rows);
      const insertMs = performance.now() - started;
      for (const period of PERIODS) {
        const params = {
          consultantId: ids.consultantId,
          from: period.from,
          to: period.to,
          urgent: ['high', 'critical'],
        };
        const [sql, values] = t.dataSource.driver.escapeQueryWithParameters(DAY_SQL, params);
        const statement = raw.prepare(sql);
        const runs = rows >= 1_000_000 ? 5 : 15;
        const bare = await median(runs, () => statement.all(...values));
        const report = await median(runs, () => service.report(ids.consultantId, period));
        const data = await service.report(ids.consultantId, period);
        results.push({
          rows,
          period: period.name,
          'days with work': data.days.length,
          'service ms': Number(report.toFixed(1)),
          'bare day query ms': Number(bare.toFixed(1)),
          ratio: Number((report / bare).toFixed(2)),
          'insert s': Number((insertMs / 1000).toFixed(1)),
        });
      }
    }
    raw.close();
    console.table(results);
    console.log(
      `rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB, node ${process.version}`,
    );
  } finally {
    await t.close();
  }
}

void main();
