/**
 * Cold start and idle memory of the built server (`node dist/src/main.js`, fresh SQLite file):
 * time from spawn to the first successful GET /api/health, and RSS once idle. Baseline measured
 * in the same run: a bare node:http server answering the same path.
 *
 *   npm run build && npx ts-node --transpile-only bench/startup.bench.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.RUNS ?? 3);

async function waitHealthy(port: number, t0: number): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function measure(args: string[], env: Record<string, string>, port: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const ms = await waitHealthy(port, t0);
  await new Promise((r) => setTimeout(r, 1500));
  const rss = rssKiB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rssMiB: rss / 1024 };
}

const BARE = `require('node:http').createServer((q, s) => { s.setHeader('content-type','application/json'); s.end('{"status":"ok"}'); }).listen(process.env.PORT);`;

async function main() {
  const rows: { what: string; ms: number; rssMiB: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'gardefou-bench-'));
    const env = {
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    };
    rows.push({ what: 'gardefou', ...(await measure(['dist/src/main.js'], env, 3900 + i)) });
    rows.push({ what: 'bare node:http', ...(await measure(['-e', BARE], {}, 3950 + i)) });
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pick = (w: string) => rows.filter((r) => r.what === w);
  const g = pick('gardefou');
  const b = pick('bare node:http');
  const gm = median(g.map((r) => r.ms));
  const bm = median(b.map((r) => r.ms));
  const gr = median(g.map((r) => r.rssMiB));
  const br = median(b.map((r) => r.rssMiB));
  console.log(`runs: ${RUNS} (fresh SQLite file each, migrations included)`);
  console.log(
    `cold start to first health answer: gardefou ${gm.toFixed(0)} ms, bare node:http ${bm.toFixed(0)} ms (×${(gm / bm).toFixed(1)})`,
  );
  console.log(
    `idle RSS: gardefou ${gr.toFixed(1)} MiB, bare node:http ${br.toFixed(1)} MiB (×${(gr / br).toFixed(1)})`,
  );
}

void main();
