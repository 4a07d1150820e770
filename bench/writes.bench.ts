/**
 * The two writes of every day, 20 connections, 3 rounds alternated with the bare baseline, on
 * SQLite and, when BENCH_DATABASE_URL is set, PostgreSQL:
 * - logging an intervention (POST /api/interventions) as the consultant of the demo practice,
 *   each request a new 10-minute slot in the days since the demo's present;
 * - filing a request (POST /api/requests) as a client user.
 * Baseline: a bare node:http handler running the statements one request of the server ran
 * (recorded), in the same transaction, as a new request: new ids for the rows it inserts, the
 * slot (and its days) or the title of the body it is sent (bare-server.js). It is sent the same
 * sequence of bodies as the server, on its own copy of the data. Target ≥ 0.50×; no ratio when
 * either side answers anything but 201.
 *
 *   npm run bench -- writes            (ROUNDS=3 AMOUNT=400 requests a round by default)
 *   BENCH_WRITES=interventions|requests   only one of the two (a profile of one write)
 */
import { readFileSync } from 'node:fs';
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
  type Load,
  type Round,
  type Running,
  type Statement,
} from './support/http-bench';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const AMOUNT = Number(process.env.AMOUNT ?? 400);
const PASSWORD = 'lavande tilleul granit';
const CONSULTANT = 'camille@gardefou.demo';
const CLIENT = 'sophie@acme.demo';
const SLOT_MS = 10 * 60_000;
const SPACING_MS = 20 * 60_000;
/** The kernel's clock ticks a second (`getconf CLK_TCK`), in which /proc counts CPU time. */
const CLOCK_TICKS = 100;

async function json<T>(port: number, path: string, token: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as T;
}

/** Posts one body of the load; answers the body sent. */
async function post(port: number, load: Load): Promise<object> {
  const body = load.body!();
  const res = await fetch(`http://127.0.0.1:${port}${load.path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${load.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${load.path}: ${res.status} ${await res.text()}`);
  return body;
}

async function compare(
  what: string,
  kind: 'sqlite' | 'postgres',
  app: Running,
  trace: string,
  startBareWith: (statements: Statement[], body: object) => Promise<Running>,
  load: Load,
  bareBodies: () => object,
): Promise<Running> {
  let sent: object = {};
  const statements = await recorded(app, trace, async () => (sent = await post(app.port, load)));
  const bare = await startBareWith(statements, sent);
  // The baseline is sent the server's sequence of bodies (the recorded one's slot is the first
  // of them, free on the baseline's copy of the data).
  const bareLoad = { ...load, body: bareBodies };
  await fire(bare.port, { ...bareLoad, amount: 50 });
  await fire(app.port, { ...load, amount: 50 });
  const cpu = { app: { ms: 0, requests: 0 }, bare: { ms: 0, requests: 0 } };
  const measured = (side: 'app' | 'bare', running: Running, work: () => Promise<Round>) => {
    return async () => {
      const before = cpuMs(running);
      const round = await work();
      cpu[side].ms += cpuMs(running) - before;
      cpu[side].requests += round.requests;
      return round;
    };
  };
  const rounds = await alternate(
    ROUNDS,
    measured('bare', bare, () => fire(bare.port, bareLoad)),
    measured('app', app, () => fire(app.port, load)),
  );
  console.log(`(${statements.length} statements a request)`);
  report({ what, kind, ...rounds }, { minRpsRatio: 0.5 });
  const perRequest = (side: 'app' | 'bare') => cpu[side].ms / Math.max(cpu[side].requests, 1);
  console.log(
    `  CPU of the process a request (user + system, all rounds): gardefou ` +
      `${perRequest('app').toFixed(2)} ms, bare ${perRequest('bare').toFixed(2)} ms → ` +
      `×${(perRequest('bare') / perRequest('app')).toFixed(2)}` +
      (kind === 'postgres' ? ' (the database server’s own CPU is not counted)' : ''),
  );
  return bare;
}

/**
 * CPU time a process has used so far (user + system, from /proc; NaN elsewhere): unlike
 * requests a second, hardly changed by what else the machine runs.
 */
function cpuMs(running: Running): number {
  try {
    const stat = readFileSync(`/proc/${running.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  console.log(loadLine());
  for (const [k, kind] of databaseKinds().entries()) {
    const db = await demoDatabase(kind, 'writes');
    const trace = join(tmpdir(), `gardefou-bench-writes-${process.pid}-${kind}.jsonl`);
    const app = await startApp(db, 4200 + k * 4, trace);
    const bares: Running[] = [];
    try {
      const consultant = await signIn(app.port, CONSULTANT, PASSWORD);
      const client = await signIn(app.port, CLIENT, PASSWORD);
      const contracts = await json<{ items: { id: string }[] }>(app.port, '/api/contracts', client);
      const contractId = contracts.items[0].id;
      const activities = await json<{ items: { id: string; kind: string }[] }>(
        app.port,
        '/api/activities',
        consultant,
      );
      const activityId = activities.items.find((a) => a.kind === 'support')!.id;
      // The demo's present, on the hour: its work ends there, so the slots after it are free.
      const first = Math.ceil((Date.now() - DEMO_DAYS_AGO * 86_400_000) / 3_600_000) * 3_600_000;
      const interventions = () => {
        let slot = 0;
        return () => {
          const start = first + slot++ * SPACING_MS;
          if (start + SLOT_MS > Date.now()) throw new Error('no free slot left before now');
          return {
            contractId,
            activityId,
            startedAt: new Date(start).toISOString(),
            endedAt: new Date(start + SLOT_MS).toISOString(),
            urgency: 'normal',
            location: 'remote',
            description: 'Restarted the print spooler',
          };
        };
      };
      const requests = () => {
        let filed = 0;
        return () => ({
          contractId,
          title: `Printer ${++filed} does not answer`,
          description: 'Nobody can print since this morning.',
          urgency: 'low',
        });
      };
      const bareAt = (port: number) => (statements: Statement[], body: object) =>
        startBare(db, port, statements, `${trace}.${port}.json`, body);
      const only = process.env.BENCH_WRITES;
      if (!only || only === 'interventions') {
        bares.push(
          await compare(
            'logging an intervention, 20 connections',
            kind,
            app,
            trace,
            bareAt(4201 + k * 4),
            {
              method: 'POST',
              path: '/api/interventions',
              token: consultant,
              connections: 20,
              amount: AMOUNT,
              body: interventions(),
            },
            interventions(),
          ),
        );
      }
      if (!only || only === 'requests') {
        bares.push(
          await compare(
            'filing a request, 20 connections',
            kind,
            app,
            trace,
            bareAt(4202 + k * 4),
            {
              method: 'POST',
              path: '/api/requests',
              token: client,
              connections: 20,
              amount: AMOUNT,
              body: requests(),
            },
            requests(),
          ),
        );
      }
    } finally {
      await app.stop();
      for (const bare of bares) await bare.stop();
      await dropCopies(db);
    }
  }
  console.log(loadLine());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
