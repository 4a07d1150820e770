/**
 * Cold start and idle memory of the built server (`node dist/src/main.js`) on a fresh database
 * (a new SQLite file; with BENCH_DATABASE_URL, a new PostgreSQL database on that server too):
 * time from spawn to the first successful GET /api/health, the CPU time the process used by
 * then, and its RSS once idle (IDLE_MS after that answer). Baseline measured in the same run,
 * rounds alternated: a bare node:http server answering the same path.
 *
 * Each start runs every migration on its empty database. The server keeps the compiled code of
 * what it loads in a cache file (src/common/code-cache.ts): one start, not measured, writes it
 * first, as the first start after a deployment does; that first start is printed apart.
 *
 * BENCH_BEFORE=<another build> measures that build too, in the same rounds (after the same
 * unmeasured first start), for a before/after of one run.
 *
 *   npm run bench -- startup
 *   BENCH_DIST=dist-mine RUNS=5 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx ts-node --transpile-only bench/startup.bench.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPgDatabase } from './support/pg-database';

const RUNS = Number(process.env.RUNS ?? 3);
const IDLE_MS = Number(process.env.IDLE_MS ?? 1500);
const DIST = process.env.BENCH_DIST ?? 'dist';
const BEFORE = process.env.BENCH_BEFORE;
const TICK_MS = 1000 / 100; // USER_HZ of /proc/<pid>/stat

interface Sample {
  ms: number;
  cpuMs: number;
  rssMiB: number;
}

async function waitHealthy(port: number, t0: number, child: { exitCode: number | null }) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
}

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function measure(args: string[], env: Record<string, string>, port: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = await waitHealthy(port, t0, child);
  const cpu = cpuMs(child.pid!);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const rss = rssKiB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, cpuMs: cpu, rssMiB: rss / 1024 };
}

const BARE = `require('node:http').createServer((q, s) => { s.setHeader('content-type','application/json'); s.end('{"status":"ok"}'); }).listen(process.env.PORT);`;

type Kind = 'sqlite' | 'postgres';

/** A fresh, empty database for one start, and how to drop it. */
async function freshDatabase(kind: Kind, run: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gardefou-bench-'));
  const env = {
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    DATABASE_URL: '',
  };
  if (kind === 'sqlite') {
    return { env, drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const db = await benchPgDatabase(`gardefou_bench_startup_${process.pid}_${run}`);
  return {
    env: { ...env, DATABASE_URL: db.url },
    drop: async () => {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startOnce(build: string, kind: Kind, run: number, port: number): Promise<Sample> {
  const db = await freshDatabase(kind, run);
  try {
    return await measure([join(build, 'src', 'main.js')], db.env, port);
  } finally {
    await db.drop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function line(what: string, samples: Sample[]): string {
  const ms = median(samples.map((s) => s.ms));
  const cpu = median(samples.map((s) => s.cpuMs));
  const rss = median(samples.map((s) => s.rssMiB));
  const all = samples.map((s) => s.ms.toFixed(0)).join('/');
  return `${what.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms (${all}), CPU ${cpu.toFixed(0)} ms, idle RSS ${rss.toFixed(1)} MiB`;
}

async function main() {
  const kinds: Kind[] = process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  const builds = BEFORE ? [DIST, BEFORE] : [DIST];
  console.log(
    `build ${builds.join(' and ')}, node ${process.version}, ${RUNS} runs, load average ${load()}`,
  );
  // Writes the code cache (or finds it written), as the first start after a deployment does.
  const first = new Map<string, Sample>();
  for (const [i, build] of builds.entries()) {
    first.set(build, await startOnce(build, 'sqlite', -1 - i, 3890 + i));
  }
  const bare: Sample[] = [];
  const server = new Map<string, Sample[]>();
  for (let i = 0; i < RUNS; i++) {
    bare.push(await measure(['-e', BARE], {}, 3950 + i));
    for (const build of builds) {
      for (const kind of kinds) {
        const key = `${build}, ${kind}`;
        server.set(key, [...(server.get(key) ?? []), await startOnce(build, kind, i, 3900 + i)]);
      }
    }
  }
  const b = median(bare.map((s) => s.ms));
  console.log(line('bare node:http', bare));
  for (const [what, samples] of server) {
    const ms = median(samples.map((s) => s.ms));
    console.log(`${line(what, samples)}: ×${(ms / b).toFixed(1)} the bare start`);
  }
  for (const [build, sample] of first) console.log(line(`${build}, first start`, [sample]));
  console.log('target: ≤ 600 ms on a quiet machine, idle RSS ≤ 100 MiB');
  console.log(`load average after: ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
