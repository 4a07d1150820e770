/**
 * Import at scale: 10,000 Toggl Track rows through POST /api/interventions/import on a fresh
 * SQLite database, beside a baseline measured in the same run: the same 10,000 intervention
 * rows written by a raw better-sqlite3 prepared statement in one transaction. Then how the
 * server answers GET /api/health while a dry run of the same file is checked, against the same
 * requests on the idle server.
 *
 *   npx ts-node --transpile-only bench/import.bench.ts
 */
import { DateTime } from 'luxon';
import { performance } from 'node:perf_hooks';
import { startTestApp, type TestApp } from '../test/app';
import { bearer, createActivity, createClient, setupConsultant } from '../test/factories';
import { insertContract } from '../test/factories/interventions';

/** The few better-sqlite3 calls used here (the package ships no type declarations). */
interface RawDatabase {
  exec(sql: string): void;
  prepare(sql: string): { all(): unknown[]; run(params: unknown): void };
  transaction(work: () => void): () => void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => RawDatabase;

const ROWS = 10_000;
const CLIENTS = 20;
const HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

/** Ten 45-minute entries a day, 08:00 to 17:45, over 1,000 days ending before today. */
function togglExport(clientNames: string[]): string {
  const first = DateTime.fromISO('2023-01-02');
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const day = first.plus({ days: Math.floor(i / 10) }).toISODate();
    const hour = String(8 + (i % 10)).padStart(2, '0');
    const billable = i % 7 === 0 ? 'No' : 'Yes';
    const client = clientNames[i % clientNames.length];
    lines.push(
      `Camille Martin,camille@example.fr,${client},Parc,Support,"Entrée ${i}, poste",${billable},${day},${hour}:00:00,${day},${hour}:45:00,00:45:00,,`,
    );
  }
  return lines.join('\n');
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function prepare(t: TestApp): Promise<{ token: string; csv: string }> {
  const token = await setupConsultant(t);
  const names: string[] = [];
  for (let n = 0; n < CLIENTS; n++) {
    const client = await createClient(t, token, { name: `Société Éloïse ${n}` });
    await insertContract(t, client.id, { startDate: '2022-01-01' });
    names.push(client.name);
  }
  await createActivity(t, token, { name: 'Support' });
  return { token, csv: togglExport(names) };
}

function importCsv(t: TestApp, token: string, csv: string, dryRun: boolean) {
  return t
    .http()
    .post(`/api/interventions/import?source=toggl&dryRun=${dryRun}`)
    .set(...bearer(token))
    .set('Content-Type', 'text/csv')
    .send(csv);
}

/** The same rows, written by hand: one prepared INSERT run 10,000 times in one transaction. */
function rawBaseline(file: string): number {
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE baseline AS SELECT * FROM interventions WHERE 0');
    const rows = db.prepare('SELECT * FROM interventions').all() as Record<string, unknown>[];
    const columns = Object.keys(rows[0]);
    const insert = db.prepare(
      `INSERT INTO baseline (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const started = performance.now();
    db.transaction(() => rows.forEach((row) => insert.run(row)))();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  delete process.env.TEST_DATABASE_URL;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = 'silent';
  const t = await startTestApp();
  try {
    const { token, csv } = await prepare(t);
    const [dry, dryMs] = await timed(() => importCsv(t, token, csv, true));
    const [real, realMs] = await timed(() => importCsv(t, token, csv, false));
    if (real.status !== 200 || real.body.created !== ROWS) {
      throw new Error(`import failed: ${real.status} ${JSON.stringify(real.body).slice(0, 500)}`);
    }
    const baselineMs = rawBaseline(t.db.location);
    const print = (label: string, ms: number) =>
      console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
    console.log(`${ROWS} Toggl rows, ${CSV_KB(csv)} kB, SQLite`);
    print(`dry run (accepted ${dry.body.accepted})`, dryMs);
    print(`import (created ${real.body.created}, with day rows)`, realMs);
    print('baseline: raw prepared INSERT, one transaction', baselineMs);
    console.log(`ratio import / baseline: ${(realMs / baselineMs).toFixed(1)}×`);
    await responsiveness(t, token, csv);
  } finally {
    await t.close();
  }
}

/** GET /api/health one after the other until `busy` settles, or `count` times: each wait. */
async function healthWaits(t: TestApp, until: { busy?: Promise<unknown>; count?: number }) {
  let settled = false;
  void until.busy?.then(() => (settled = true));
  const waits: number[] = [];
  while (until.busy ? !settled : waits.length < (until.count ?? 0)) {
    const [, ms] = await timed(() => t.http().get('/api/health').expect(200));
    waits.push(ms);
  }
  return waits.sort((a, b) => a - b);
}

async function responsiveness(t: TestApp, token: string, csv: string): Promise<void> {
  const idle = await healthWaits(t, { count: 200 });
  const busy = await healthWaits(t, { busy: importCsv(t, token, csv, true).then() });
  const at = (waits: number[], q: number) =>
    waits[Math.min(waits.length - 1, Math.floor(q * waits.length))];
  console.log(
    `GET /api/health during a dry run: ${busy.length} answered, median ${at(busy, 0.5).toFixed(1)} ms, slowest ${at(busy, 1).toFixed(0)} ms`,
  );
  console.log(
    `baseline: the idle server, ${idle.length} requests, median ${at(idle, 0.5).toFixed(1)} ms, slowest ${at(idle, 1).toFixed(0)} ms`,
  );
  console.log(
    `ratio slowest during the import / slowest idle: ${(at(busy, 1) / at(idle, 1)).toFixed(1)}×`,
  );
}

const CSV_KB = (csv: string): number => Math.round(Buffer.byteLength(csv) / 1024);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
