import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { backup, BackupRefusal, defaultBackupFile, restore } from '../scripts/backup-lib';
import { loadConfig } from '../src/common/config';
import { startTestApp, TestApp } from './app';
import { createTestDatabase, TestDatabase } from './database';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { createContract } from './factories/contracts';
import { interventionInput, logIntervention } from './factories/interventions';

/** The scenario happens on Wednesday 25 November 2026: October's work is invoiced. */
const NOW = '2026-11-25T10:00:00+01:00';
/** No JWT_SECRET: the secret is generated and kept with the data, as on a real installation. */
const GENERATED_SECRET = { JWT_SECRET: '' };

type Row = Record<string, unknown>;

/** Every table of the database, as the database lists them. */
async function tablesOf(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
        )
      : await dataSource.query(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        );
  return rows.map((row) => row.name);
}

/** Each row of a table as text (binary columns by their SHA-256), sorted. */
async function rowsOf(dataSource: DataSource, table: string): Promise<string[]> {
  const rows: Row[] = await dataSource.query(`SELECT * FROM "${table}"`);
  const text = (row: Row) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(row)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([column, value]) => [
            column,
            Buffer.isBuffer(value) ? createHash('sha256').update(value).digest('hex') : value,
          ]),
      ),
    );
  return rows.map(text).sort();
}

async function contentsOf(dataSource: DataSource): Promise<Record<string, string[]>> {
  const contents: Record<string, string[]> = {};
  for (const table of await tablesOf(dataSource)) contents[table] = await rowsOf(dataSource, table);
  return contents;
}

const installationOf = (db: TestDatabase) => loadConfig(db.env);

describe('backup and restore', () => {
  let t: TestApp;
  let token: string;
  let folder: string;
  let file: string;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'gardefou-backup-test-'));
    file = join(folder, 'gardefou.backup');
    t = await startTestApp(GENERATED_SECRET, { now: NOW });
    token = await setupConsultant(t);
    const api = (method: 'get' | 'post' | 'patch', url: string, body?: object) =>
      t
        .http()
        [method](url)
        .set(...bearer(token))
        .send(body);
    await api('patch', '/api/practice', {
      vatRegime: 'standard',
      vatNumber: 'FR44732829320',
    }).expect(200);
    const client = await createClient(t, token, { name: 'Boulangerie Lefèvre' });
    const activity = await createActivity(t, token);
    const contract = await createContract(t, token, client.id, { startDate: '2026-09-01' });
    for (const day of ['05', '12', '19']) {
      await logIntervention(
        t,
        token,
        interventionInput(contract.id, activity.id, {
          startedAt: `2026-10-${day}T09:00:00+02:00`,
          endedAt: `2026-10-${day}T11:30:00+02:00`,
          description: `Maintenance du ${day}/10`,
        }),
      ).expect(201);
    }
    const draft = await api('post', '/api/invoices/drafts', {
      contractId: contract.id,
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
    }).expect(201);
    await api('post', `/api/invoices/${draft.body.id}/issue`).expect(200);
    await api('post', `/api/invoices/${draft.body.id}/payments`, {
      amountCents: 20000,
      paidOn: '2026-11-20',
      method: 'transfer',
    }).expect(201);
    await api('post', `/api/invoices/${draft.body.id}/credit-notes`, {
      reason: 'Forfait facturé deux fois',
    }).expect(201);
    before = await contentsOf(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('backs up while the server runs, with the invoices, their PDFs, the payment and the secret', async () => {
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['clients', 'contracts', 'interventions', 'invoice_documents']),
    );
    expect(before.invoices).toHaveLength(2);
    expect(before.invoice_documents).toHaveLength(2);
    expect(before.payments).toHaveLength(1);
    const result = await backup(installationOf(t.db), file);
    expect(result.database).toBe(t.db.kind);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(result.report.join('\n')).toMatch(/JWT secret .*in the backup/);
  });

  it('restores into a fresh database: every table row by row, the chain verified, old tokens valid', async () => {
    const fresh = await createTestDatabase();
    let restored: TestApp | undefined;
    try {
      const result = await restore(installationOf(fresh), file);
      expect(result.report[0]).toMatch(/^Restored /);
      restored = await startTestApp(GENERATED_SECRET, { database: fresh, now: NOW });
      expect(await contentsOf(restored.dataSource)).toEqual(before);
      // The token was signed by the first server before the backup: the secret came back too.
      const chain = await restored
        .http()
        .get('/api/invoices/verify-chain')
        .set(...bearer(token))
        .expect(200);
      expect(chain.body).toMatchObject({ ok: true, checked: 2 });
      const invoices = await restored
        .http()
        .get('/api/invoices?kind=invoice')
        .set(...bearer(token))
        .expect(200);
      expect(invoices.body.items).toEqual([
        expect.objectContaining({ status: 'cancelled', paidCents: 20000 }),
      ]);
    } finally {
      await restored?.close();
      await fresh.drop();
    }
  });

  it('refuses to restore over a database a running server has open, unless forced', async () => {
    const installation = installationOf(t.db);
    const extra = await createClient(t, token, { name: 'Client ajouté après la sauvegarde' });
    const refusal = restore(installation, file);
    await expect(refusal).rejects.toBeInstanceOf(BackupRefusal);
    await expect(refusal).rejects.toThrow(/is open in a running server.*: nothing was restored/);
    await t
      .http()
      .get(`/api/clients/${extra.id}`)
      .set(...bearer(token))
      .expect(200);

    const forced = await restore(installation, file, { force: true });
    expect(forced.report.join('\n')).toMatch(/restart/);
    // The running server reads the restored data: the client added since is gone.
    await t
      .http()
      .get(`/api/clients/${extra.id}`)
      .set(...bearer(token))
      .expect(404);
    expect(await contentsOf(t.dataSource)).toEqual(before);
  });

  it('refuses a file that is not a backup, and a backup of the other kind of database', async () => {
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not a database');
    await expect(restore(installationOf(t.db), text)).rejects.toThrow(/not a Gardefou backup/);
    const otherKind =
      t.db.kind === 'postgres'
        ? { DATA_DIR: folder, SQLITE_FILE: join(folder, 'other.sqlite') }
        : { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/other_test', DATA_DIR: folder };
    await expect(restore(loadConfig(otherKind), file)).rejects.toThrow(
      /restore it into the same kind of database/,
    );
    expect(existsSync(join(folder, 'other.sqlite'))).toBe(false);
  });

  it("refuses a backup of a database that is not Gardefou's", async () => {
    const foreign = await createTestDatabase();
    try {
      if (foreign.kind === 'sqlite') {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Database = require('better-sqlite3') as new (file: string) => {
          exec(sql: string): void;
          close(): void;
        };
        const db = new Database(foreign.location);
        db.exec('CREATE TABLE notes (text TEXT)');
        db.close();
      }
      const other = join(folder, 'foreign.backup');
      await backup(installationOf(foreign), other);
      await expect(restore(installationOf(t.db), other, { force: true })).rejects.toThrow(
        /not (of )?Gardefou's/,
      );
      await t
        .http()
        .get('/api/invoices/verify-chain')
        .set(...bearer(token))
        .expect(200);
    } finally {
      await foreign.drop();
    }
  });

  it('names a default file under $DATA_DIR/backups by the UTC time', () => {
    const installation = installationOf(t.db);
    const at = new Date('2026-11-25T09:05:07.123Z');
    expect(defaultBackupFile(installation, at)).toBe(
      join(
        installation.DATA_DIR,
        'backups',
        `gardefou-2026-11-25T09-05-07Z.${t.db.kind === 'postgres' ? 'dump' : 'sqlite'}`,
      ),
    );
  });
});
