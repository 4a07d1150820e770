import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { insertContract } from './factories/interventions';
import { until } from './support/wait';
import { Alert } from '../src/alerts/alert.entity';
import * as batch from '../src/interventions/import-batch';
import { InterventionDay } from '../src/interventions/intervention-day.entity';
import { Intervention } from '../src/interventions/intervention.entity';
import { QuotaUnit } from '../src/requests/quota-unit.entity';

const HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';
const CLIENTS = 5;
/** Enough rows for several slices written one after the other (250 rows a slice). */
const ROWS = 2_000;

/** A Toggl Track export of `rows` entries of 45 minutes, ten a day from 08:00, from `first`. */
function togglExport(rows: number, clients: string[], first: string): string {
  const start = DateTime.fromISO(first);
  const lines = [HEADER];
  for (let n = 0; n < rows; n++) {
    const day = start.plus({ days: Math.floor(n / 10) }).toISODate();
    const hour = String(8 + (n % 10)).padStart(2, '0');
    lines.push(
      `Camille Martin,camille@example.fr,${clients[n % clients.length]},Parc,Support,Entrée ${n},Yes,${day},${hour}:00:00,${day},${hour}:45:00,00:45:00,,`,
    );
  }
  return lines.join('\n');
}

describe('interventions: a long import beside other requests', () => {
  let t: TestApp;
  let token: string;
  const clients: string[] = [];

  const counts = async () => ({
    interventions: await t.dataSource.getRepository(Intervention).count(),
    days: await t.dataSource.getRepository(InterventionDay).count(),
    quotaUnits: await t.dataSource.getRepository(QuotaUnit).count(),
    alerts: await t.dataSource.getRepository(Alert).count(),
  });
  const importCsv = (csv: string) =>
    t
      .http()
      .post('/api/interventions/import?source=toggl&dryRun=false')
      .set(...bearer(token))
      .set('Content-Type', 'text/csv')
      .send(csv);
  const activityNames = async (): Promise<string[]> => {
    const res = await t
      .http()
      .get('/api/activities')
      .set(...bearer(token))
      .expect(200);
    const items = (Array.isArray(res.body) ? res.body : res.body.items) as { name: string }[];
    return items.map((a) => a.name);
  };

  /**
   * While the import writes its second slice, a health check and a write (a new activity) are
   * sent; `third` runs when the import comes to its third slice.
   */
  function duringTheWrite(events: string[], activity: string, third: () => Promise<void>) {
    const writeImport = batch.writeImport;
    let slices = 0;
    let write: Promise<unknown> = Promise.resolve();
    jest.spyOn(batch, 'writeImport').mockImplementation(async (...args) => {
      slices += 1;
      if (slices === 2) {
        void t
          .http()
          .get('/api/health')
          .expect(200)
          .then(() => events.push('health answered'));
        write = createActivity(t, token, { name: activity }).then(() =>
          events.push('write answered'),
        );
      }
      if (slices === 3) await third();
      return writeImport(...args);
    });
    return { written: () => write };
  }

  beforeAll(async () => {
    t = await startTestApp({}, { now: '2026-11-25T10:00:00+01:00' });
    token = await setupConsultant(t);
    for (let n = 0; n < CLIENTS; n++) {
      const client = await createClient(t, token, { name: `Société ${n}` });
      clients.push(client.name);
      await insertContract(t, client.id, { startDate: '2011-01-01' });
    }
    await createActivity(t, token, { name: 'Support' });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('a failure in the middle of the write leaves nothing of the import, and keeps a write sent meanwhile', async () => {
    const before = await counts();
    const events: string[] = [];
    const during = duringTheWrite(events, 'Formation', async () => {
      await until(() => events.includes('health answered'));
      throw new Error('the disk is full');
    });
    const res = await importCsv(togglExport(ROWS, clients, '2013-01-07'));
    events.push('import answered');
    expect(res.status).toBe(500);
    await during.written();
    expect(events.indexOf('health answered')).toBeLessThan(events.indexOf('import answered'));
    expect(await counts()).toEqual(before);
    expect(await activityNames()).toContain('Formation');
  });

  it('answers other requests while it writes, and a write sent meanwhile is kept beside its rows', async () => {
    const before = await counts();
    const events: string[] = [];
    const during = duringTheWrite(events, 'Audit', async () => {
      await until(() => events.includes('health answered'));
    });
    const res = await importCsv(togglExport(ROWS, clients, '2015-01-05'));
    events.push('import answered');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: ROWS, refused: [], created: ROWS });
    await during.written();
    expect(events.indexOf('health answered')).toBeLessThan(events.indexOf('import answered'));
    const after = await counts();
    expect(after.interventions).toBe(before.interventions + ROWS);
    expect(after.days).toBe(before.days + ROWS);
    expect(await activityNames()).toContain('Audit');
  });

  it('on SQLite, leaves its rows copied into the database file itself, not only in the log', async () => {
    const { type, database } = t.dataSource.options as { type: string; database?: unknown };
    if (type !== 'better-sqlite3' || typeof database !== 'string') return;
    const res = await importCsv(togglExport(ROWS, clients, '2017-01-02'));
    expect(res.status).toBe(200);
    const total = (await counts()).interventions;
    // The file alone, without its write-ahead log: what a checkpoint has copied into it.
    const folder = mkdtempSync(join(tmpdir(), 'gardefou-checkpoint-'));
    try {
      copyFileSync(database, join(folder, 'copy.sqlite'));
      const copy = new Database(join(folder, 'copy.sqlite'));
      const row = copy.prepare('SELECT COUNT(*) AS n FROM interventions').get() as { n: number };
      copy.close();
      expect(row.n).toBe(total);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
