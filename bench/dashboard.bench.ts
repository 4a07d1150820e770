/**
 * The dashboard read: GET /api/contracts/:id/usage as a client user of the demo practice,
 * autocannon 50 connections × 10 s, 3 rounds alternated with the bare baseline, on SQLite and,
 * when BENCH_DATABASE_URL is set, PostgreSQL. Baseline: a bare node:http server running the
 * same statements with the same parameters (recorded from one request of the server) through
 * the same driver. Target: ≥ 0.70× its requests/s, p99 ≤ 1.5× its p99.
 *
 *   npm run bench -- dashboard          (ROUNDS=3 SECONDS=10 by default)
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  alternate,
  databaseKinds,
  DEMO_DAYS_AGO,
  demoDatabase,
  dropCopies,
  fire,
  loadLine,
  recorded,
  report,
  signIn,
  startApp,
  startBare,
} from './support/http-bench';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CLIENT = 'sophie@acme.demo';
const PASSWORD = 'lavande tilleul granit';

async function main(): Promise<void> {
  console.log(loadLine());
  for (const [k, kind] of databaseKinds().entries()) {
    const db = await demoDatabase(kind, 'dashboard');
    const trace = join(tmpdir(), `gardefou-bench-dashboard-${process.pid}-${kind}.jsonl`);
    const app = await startApp(db, 4100 + k * 2, trace);
    let bare;
    try {
      const token = await signIn(app.port, CLIENT, PASSWORD);
      const contracts = (await (
        await fetch(`http://127.0.0.1:${app.port}/api/contracts`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { items: { id: string }[] };
      // The demo's present month, full of its work and requests.
      const month = new Date(Date.now() - DEMO_DAYS_AGO * 86_400_000).toISOString().slice(0, 7);
      const path = `/api/contracts/${contracts.items[0].id}/usage?month=${month}`;
      const statements = await recorded(app, trace, () =>
        fetch(`http://127.0.0.1:${app.port}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        }).then((r) => r.text()),
      );
      bare = await startBare(db, 4101 + k * 2, statements, `${trace}.statements.json`);
      const load = { method: 'GET' as const, path, token, connections: 50, duration: SECONDS };
      // A short warm-up of each, so both run JIT-compiled code when measured.
      await fire(bare.port, { ...load, duration: 2 });
      await fire(app.port, { ...load, duration: 2 });
      const rounds = await alternate(
        ROUNDS,
        () => fire(bare!.port, load),
        () => fire(app.port, load),
      );
      console.log(`(${statements.length} statements a request)`);
      report(
        { what: 'dashboard read, 50 connections', kind, ...rounds },
        { minRpsRatio: 0.7, maxP99Ratio: 1.5 },
      );
    } finally {
      await app.stop();
      await bare?.stop();
      await dropCopies(db);
    }
  }
  console.log(loadLine());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
