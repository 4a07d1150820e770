/**
 * Measures the workload report of BENCH_CONSULTANT on the database the environment names
 * (SQLITE_FILE or DATABASE_URL), with the built application (BENCH_DIST, default dist), beside
 * its two baselines through the bare driver, in this process: the per-day query over the pieces
 * alone (DAY_SQL), and the report's own reads (the stored days of its reading window, its groups
 * by client and activity, its requests by client: the same prepared statements with the same
 * parameters); the three alternated BENCH_RUNS times after a warm-up each. Prints one line of
 * JSON: the medians, the RSS once booted and the process's peak RSS (VmHWM). Run by
 * bench/workload.bench.ts, which seeds the rows first.
 */
'use strict';
require('reflect-metadata');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { performance } = require('node:perf_hooks');

const dist = resolve(process.env.BENCH_DIST || 'dist');
const PERIODS = [
  { name: 'one year (2026)', from: '2026-01-01', to: '2026-12-31' },
  { name: 'ten years', from: '2017-01-01', to: '2026-12-31' },
];
const MIB = 1024 * 1024;

/** The bare driver: a prepared statement of better-sqlite3, or a pg client. */
async function bareRunner(sql, values) {
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return { run: async () => (await client.query(sql, values)).rows, close: () => client.end() };
  }
  const Database = require('better-sqlite3');
  const db = new Database(process.env.SQLITE_FILE, { readonly: true });
  const statement = db.prepare(sql);
  return { run: async () => statement.all(...values), close: async () => db.close() };
}

/**
 * The report's reads through the bare driver: each statement prepared once (better-sqlite3) or
 * named (pg), as the server runs them, their rows read and nothing else done with them.
 */
async function bareReads(statements) {
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return {
      run: async () => {
        const rows = [];
        for (const { sql, values } of statements) {
          rows.push((await client.query({ name: sql.name, text: sql.postgres, values })).rows);
        }
        return rows;
      },
      close: () => client.end(),
    };
  }
  const Database = require('better-sqlite3');
  const db = new Database(process.env.SQLITE_FILE, { readonly: true });
  const prepared = statements.map(({ sql, values }) => ({
    statement: db.prepare(sql.sqlite),
    values: sql.order.map((k) => values[k]),
  }));
  return {
    run: async () => prepared.map(({ statement, values }) => statement.all(...values)),
    close: async () => db.close(),
  };
}

/**
 * The peak RSS of this process in MiB: the kernel's high-water mark of its memory (VmHWM), which
 * starts with the process image, where getrusage's maxRSS also counts the parent's memory at
 * the fork.
 */
function peakRssMiB() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]);
    return Math.round(kib / 1024);
  } catch {
    return Math.round(process.resourceUsage().maxRSS / 1024);
  }
}

/**
 * The highest of each figure of process.memoryUsage(), sampled every 20 ms while the event loop
 * is free (between PostgreSQL's chunks; SQLite's queries hold it): where the memory goes.
 */
function sampleMemory() {
  const highest = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of Object.keys(highest)) highest[key] = Math.max(highest[key], usage[key]);
  };
  const timer = setInterval(sample, 20);
  return () => {
    clearInterval(timer);
    sample();
    return Object.fromEntries(Object.entries(highest).map(([k, v]) => [k, Math.round(v / MIB)]));
  };
}

const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/**
 * BENCH_REBUILD=1: the figures stored by day (work_days, work_groups) rebuilt from the rows the
 * bench wrote straight into the tables, as a migration or a change of zone does; then exits.
 */
async function rebuild() {
  const { createApp } = require(join(dist, 'src/bootstrap'));
  const { rebuildWorkFigures } = require(join(dist, 'src/interventions/work-days'));
  const { DataSource } = require('typeorm');
  const app = await createApp();
  await app.init();
  const started = performance.now();
  await app.get(DataSource).transaction((manager) => rebuildWorkFigures(manager));
  const ms = performance.now() - started;
  await app.close();
  process.stdout.write(`${JSON.stringify({ rebuildMs: ms })}\n`);
}

async function main() {
  if (process.env.BENCH_REBUILD) return rebuild();
  const { createApp } = require(join(dist, 'src/bootstrap'));
  const { WorkloadReportService } = require(join(dist, 'src/reports/workload-report.service'));
  const queries = require(join(dist, 'src/reports/workload-queries'));
  const { DAY_SQL, GROUPS_SQL, REQUESTS_SQL, requestsParams } = queries;
  const { STORED_DAYS } = require(join(dist, 'src/interventions/work-days'));
  const { storedReading } = require(join(dist, 'src/interventions/guardrail-check.service'));
  const { PracticeService } = require(join(dist, 'src/practice/practice.service'));
  const { dayBounds } = require(join(dist, 'src/calendar'));
  const { URGENT_LEVELS } = require(join(dist, 'src/common/domain'));
  const { DataSource } = require('typeorm');
  const app = await createApp();
  await app.init();
  const service = app.get(WorkloadReportService);
  const practice = await app.get(PracticeService).get();
  const driver = app.get(DataSource).driver;
  const consultantId = process.env.BENCH_CONSULTANT;
  const runs = Number(process.env.BENCH_RUNS || 5);
  const bootRssMiB = Math.round(process.memoryUsage().rss / MIB);
  const bootPeakRssMiB = peakRssMiB();
  const results = [];
  const sampled = sampleMemory();
  for (const period of PERIODS) {
    const params = { consultantId, from: period.from, to: period.to, urgent: URGENT_LEVELS };
    const [sql, values] = driver.escapeQueryWithParameters(DAY_SQL, params);
    const bare = await bareRunner(sql, values);
    const reading = storedReading(period, practice.limits);
    const instants = {
      start: dayBounds(period.from, practice.timezone).start,
      end: dayBounds(period.to, practice.timezone).end,
    };
    // A build from before the report's reads were prepared statements has no reads to compare.
    const reads = STORED_DAYS
      ? await bareReads([
          { sql: STORED_DAYS, values: [consultantId, reading.from, reading.to] },
          { sql: GROUPS_SQL, values: [consultantId, period.from, period.to] },
          { sql: REQUESTS_SQL, values: requestsParams(instants) },
        ])
      : { run: async () => [[]], close: async () => {} };
    const report = () => service.report(consultantId, period);
    // Warm-up: statement caches, the practice's row, the JIT.
    const { result: rows } = await timed(bare.run);
    const { result: read } = await timed(reads.run);
    const { result: data } = await timed(report);
    const readDays = read[0].filter((d) => d.firstStart !== null && d.day >= period.from);
    const inPeriod = STORED_DAYS ? readDays.filter((d) => d.day <= period.to).length : rows.length;
    if (data.days.length !== rows.length || data.days.length !== inPeriod) {
      throw new Error(
        `The report has ${data.days.length} days, DAY_SQL ${rows.length}, the stored days ${inPeriod}`,
      );
    }
    const bareTimes = [];
    const readsTimes = [];
    const reportTimes = [];
    for (let r = 0; r < runs; r++) {
      bareTimes.push((await timed(bare.run)).ms);
      readsTimes.push((await timed(reads.run)).ms);
      reportTimes.push((await timed(report)).ms);
    }
    await bare.close();
    await reads.close();
    results.push({
      period: period.name,
      days: data.days.length,
      reportMs: median(reportTimes),
      bareMs: median(bareTimes),
      readsMs: median(readsTimes),
    });
  }
  const memory = sampled();
  const peak = peakRssMiB();
  await app.close();
  process.stdout.write(
    `${JSON.stringify({ bootRssMiB, bootPeakRssMiB, peakRssMiB: peak, memory, results })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
