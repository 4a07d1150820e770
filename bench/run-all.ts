/**
 * Runs every benchmark of bench/ one after the other, each in its own process (so one's memory
 * or JIT state does not colour the next), and prints their tables. Each bench prints its own
 * baseline measured in the same run.
 *
 *   npm run bench                 # all
 *   npm run bench -- workload     # the ones whose file name contains "workload"
 *
 * The HTTP benches (dashboard, writes) seed the demo practice once a day into a template they
 * copy for every run, start the built server on it and measure it with autocannon against a bare
 * node:http baseline running the same SQL; with BENCH_DATABASE_URL=postgres://… (any database
 * of the server; the benches create and drop their own) they run on PostgreSQL too.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, file)],
    {
      stdio: 'inherit',
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    },
  );
  if (run.status !== 0) {
    failed++;
    console.log(`(${file} exited with ${run.status ?? run.signal})`);
  }
}
process.exit(failed ? 1 : 0);
