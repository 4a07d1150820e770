import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Contract } from '../src/contracts/contract.entity';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { insertContract, insertManualDrafts } from './factories/invoicing';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { until } from './support/wait';

const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

/** A Toggl export of `rows` entries of 45 minutes, ten a day from 08:00, from `first` on. */
function togglExport(rows: number, client: string, first: string): string {
  const start = DateTime.fromISO(first);
  const lines = [TOGGL_HEADER];
  for (let n = 0; n < rows; n++) {
    const day = start.plus({ days: Math.floor(n / 10) }).toISODate();
    const hour = String(8 + (n % 10)).padStart(2, '0');
    lines.push(
      `Camille Martin,camille@example.fr,${client},Parc,Support,Entrée ${n},Yes,${day},${hour}:00:00,${day},${hour}:45:00,00:45:00,,`,
    );
  }
  return lines.join('\n');
}

/** Status of a call cut off by the death of the process that served it. */
const CUT_OFF = 0;

async function send(url: string, token: string, init: RequestInit = {}): Promise<number> {
  try {
    const res = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return CUT_OFF;
  }
}

/**
 * SIGKILL of a server process in the middle of its work, as a crash or an out-of-memory kill
 * would end it: no shutdown hook runs. What it was writing must be all there or not at all, and
 * what it leaves (sessions, locks) must not stand in the way of the processes that remain. The
 * same holds for issuing (test/invoicing-concurrency.e2e-spec.ts).
 */
describe('a server process killed in the middle of its work', () => {
  let t: TestApp;
  let token: string;
  let contract: Contract;
  let server: ServerProcess;
  const CLIENT = 'Société Éloïse';

  beforeAll(async () => {
    t = await startTestApp({}, { now: '2026-11-25T10:00:00+01:00' });
    token = await setupConsultant(t);
    const client = await createClient(t, token, { name: CLIENT });
    contract = await insertContract(t, client.id, { startDate: '2011-01-01' });
    await createActivity(t, token, { name: 'Support' });
    // Issued invoices, so the chain has documents to verify.
    for (const id of await insertManualDrafts(t, contract, 3)) {
      await t
        .http()
        .post(`/api/invoices/${id}/issue`)
        .set(...bearer(token))
        .expect(200);
    }
  });
  afterAll(async () => {
    await server?.stop();
    await t.close();
  });

  const importUrl = (url: string): string =>
    `${url}/api/interventions/import?source=toggl&dryRun=false`;
  const imported = async (): Promise<number> => {
    const [row] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM interventions WHERE source = 'import:toggl'`,
    );
    return Number((row as { n: string | number }).n);
  };
  const expectChainIntact = async (issued: number): Promise<void> => {
    const chain = await t
      .http()
      .get('/api/invoices/verify-chain')
      .set(...bearer(token))
      .expect(200);
    expect(chain.body).toMatchObject({ ok: true, checked: issued });
  };

  /**
   * Whether the server's import transaction has begun writing. PostgreSQL: a session other than
   * the test's holds a transaction id, given at its first write. SQLite: the write-ahead log,
   * emptied before the import, grows as the transaction's pages overflow the cache.
   */
  async function importWriting(): Promise<boolean> {
    if (t.db.kind === 'postgres') {
      const [row] = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
      );
      return Number((row as { n: string }).n) > 0;
    }
    const wal = `${t.db.location}-wal`;
    return existsSync(wal) && statSync(wal).size > 1024 * 1024;
  }

  it('leaves an import killed while it writes all there or not at all, and it can be run again', async () => {
    if (t.db.kind === 'sqlite') {
      const file = new Database(t.db.location);
      file.pragma('wal_checkpoint(TRUNCATE)');
      file.close();
    }
    server = await startServerProcess({ TEST_NOW: t.clock.iso() });
    const ROWS = 20_000;
    const csv = togglExport(ROWS, CLIENT, '2012-01-02');
    let answered = false;
    const importing = send(importUrl(server.url), token, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    }).then((status) => {
      answered = true;
      return status;
    });
    await until(async () => answered || (await importWriting()));
    await server.kill();
    const status = await importing;
    const count = await imported();
    // Killed mid-write, the transaction is rolled back with the process: nothing stays.
    // (Had the commit won the race with the kill, all of it would be there.)
    expect([0, ROWS]).toContain(count);
    if (count === 0) expect(status).toBe(CUT_OFF);

    // Nothing half-written stands in the way: the same file imports whole, as new work.
    const again = await t
      .http()
      .post('/api/interventions/import?source=toggl&dryRun=false')
      .set(...bearer(token))
      .set('Content-Type', 'text/csv')
      .send(csv);
    if (count === 0) {
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ accepted: ROWS, refused: [], created: ROWS });
    }
    expect(await imported()).toBe(ROWS);
    await expectChainIntact(3);
  });

  it('changes nothing when killed while it renders reports, and leaves no lock behind', async () => {
    const query = 'from=2012-01-01&to=2012-12-31';
    const before = await t
      .http()
      .get(`/api/reports/workload?${query}`)
      .set(...bearer(token))
      .expect(200);
    server = await startServerProcess({ TEST_NOW: t.clock.iso() });
    const statuses: number[] = [];
    const reports = Array.from({ length: 6 }, (_, k) =>
      send(
        k % 2
          ? `${server.url}/api/reports/workload?${query}&format=pdf`
          : `${server.url}/api/reports/clients/${contract.clientId}?from=2012-01&to=2012-12&format=pdf`,
        token,
      ).then((status) => void statuses.push(status)),
    );
    // Killed as soon as one report is out: the others are still being read or drawn.
    await until(() => statuses.length > 0);
    await server.kill();
    await Promise.all(reports);
    expect(statuses[0]).toBe(200);
    expect(statuses.filter((s) => s === CUT_OFF).length).toBeGreaterThan(0);

    const after = await t
      .http()
      .get(`/api/reports/workload?${query}`)
      .set(...bearer(token))
      .expect(200);
    expect(after.body).toEqual(before.body);
    expect(await imported()).toBe(20_000);
    // The remaining process issues at once: the killed one holds no lock any more.
    const [draft] = await insertManualDrafts(t, contract, 1);
    await t
      .http()
      .post(`/api/invoices/${draft}/issue`)
      .set(...bearer(token))
      .expect(200);
    await expectChainIntact(4);
  });
});
