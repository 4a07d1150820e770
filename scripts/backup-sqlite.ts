import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { BackupRefusal, type Installation, type RestoreOptions } from './backup-terms';

/** The few better-sqlite3 calls used here (the package ships no type declarations). */
interface Sqlite {
  backup(destination: string): Promise<unknown>;
  pragma(statement: string, options?: { simple: boolean }): unknown;
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };
  exec(sql: string): void;
  close(): void;
}
type SqliteOptions = { readonly?: boolean; fileMustExist?: boolean; timeout?: number };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string, options?: SqliteOptions) => Sqlite;

/** The table a backup carries beside the data: what it is, and the data folder's JWT secret. */
const MANIFEST = 'gardefou_backup';

interface Manifest {
  lastMigration: string | null;
  jwtSecret: string | null;
}

export async function backupSqlite(installation: Installation, file: string): Promise<string[]> {
  const database = installation.sqliteFile;
  if (!existsSync(database)) {
    throw new BackupRefusal(`There is no database at ${database} (SQLITE_FILE, DATA_DIR)`);
  }
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(database, { fileMustExist: true, timeout: 5000 });
  try {
    // SQLite's online backup: a consistent copy while the server goes on reading and writing.
    await source.backup(partial);
  } finally {
    source.close();
  }
  const secret = secretFile(installation);
  const manifest = stamp(partial, database, secret);
  chmodSync(partial, 0o600);
  renameSync(partial, file);
  return [
    `Backed up the SQLite database ${database} to ${file} (online backup, consistent while the server runs; invoice PDFs are in it).`,
    manifest.jwtSecret === null
      ? `No JWT secret file in ${installation.DATA_DIR}${installation.JWT_SECRET ? ' (JWT_SECRET is set: keep it with the backup)' : ''}.`
      : `The JWT secret of ${secret} is in the backup: tokens signed now stay valid after a restore. Whoever reads the backup can sign tokens: keep it private.`,
  ];
}

/** Writes the manifest into the copy and makes it one self-contained file (no WAL beside it). */
function stamp(copyFile: string, database: string, secret: string): Manifest {
  const copy = new Database(copyFile, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new BackupRefusal(`The copy of ${database} is damaged: ${String(check)}`);
    const manifest: Manifest = {
      lastMigration: lastMigration(copy),
      jwtSecret: existsSync(secret) ? readFileSync(secret, 'utf8').trim() || null : null,
    };
    copy.exec(`CREATE TABLE ${MANIFEST} (name TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    const insert = copy.prepare(`INSERT INTO ${MANIFEST} (name, value) VALUES (?, ?)`);
    insert.run('format', '1');
    for (const [name, value] of Object.entries(manifest)) {
      if (value !== null) insert.run(name, value);
    }
    copy.pragma('journal_mode = DELETE');
    return manifest;
  } finally {
    copy.close();
  }
}

export async function restoreSqlite(
  installation: Installation,
  file: string,
  { force = false }: RestoreOptions,
): Promise<string[]> {
  const manifest = readManifest(file);
  const target = installation.sqliteFile;
  const inUse = sqliteInUse(target);
  if (inUse && !force) {
    throw new BackupRefusal(
      `${target} is open in a running server: nothing was restored. Stop the server first, or pass --force to replace its data while it runs.`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const staged = `${target}.restoring`;
  rmSync(staged, { force: true });
  await copyDatabase(file, staged);
  const copy = new Database(staged, { fileMustExist: true });
  copy.exec(`DROP TABLE IF EXISTS ${MANIFEST}`);
  copy.close();
  if (inUse) {
    // Page by page into the open database, under SQLite's locks: the server reads the new data.
    await copyDatabase(staged, target);
    rmSync(staged, { force: true });
  } else {
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
    renameSync(staged, target);
  }
  return [
    `Restored ${target} from ${file}${manifest.lastMigration ? ` (schema at ${manifest.lastMigration})` : ''}.`,
    ...restoreSecret(installation, manifest.jwtSecret),
    inUse
      ? 'A server had the database open: restart it, so that nothing it holds in memory predates the restore.'
      : 'Start the server: migrations newer than the backup run then.',
  ];
}

async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

/** The backup's manifest, after checking that it is a sound Gardefou database. */
function readManifest(file: string): Manifest {
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupRefusal(`${file} is damaged: ${String(check)}`);
    if (!tableExists(backup, 'migrations')) {
      throw new BackupRefusal(`${file} is an SQLite database, but not Gardefou's`);
    }
    const read = (name: string): string | null =>
      tableExists(backup, MANIFEST)
        ? ((
            backup.prepare(`SELECT value FROM ${MANIFEST} WHERE name = ?`).get(name) as
              { value: string } | undefined
          )?.value ?? null)
        : null;
    return {
      lastMigration: lastMigration(backup),
      jwtSecret: read('jwtSecret'),
    };
  } finally {
    backup.close();
  }
}

/** The secret file as the backup had it; without one the data folder's file is left alone. */
function restoreSecret(installation: Installation, secret: string | null): string[] {
  const file = secretFile(installation);
  if (secret === null) {
    return [
      existsSync(file)
        ? `The backup holds no JWT secret: ${file} was left as it was.`
        : 'The backup holds no JWT secret: the server signs tokens with JWT_SECRET, or generates a new secret (users sign in again).',
    ];
  }
  mkdirSync(installation.DATA_DIR, { recursive: true });
  rmSync(file, { force: true });
  const temporary = `${file}.restoring`;
  // Written beside it, then moved in place, so a reader never sees half a secret.
  writeFileSync(temporary, secret, { mode: 0o600 });
  renameSync(temporary, file);
  return [
    installation.JWT_SECRET
      ? `Restored the JWT secret to ${file}; JWT_SECRET is set, and the server signs with it instead.`
      : `Restored the JWT secret to ${file} (mode 0600): tokens signed before the backup are valid again.`,
  ];
}

/**
 * Whether a process (a running server) has the database open. Each connection to a WAL
 * database holds a shared lock for as long as it is open, so an exclusive lock is refused.
 */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

function tableExists(db: Sqlite, name: string): boolean {
  return (
    db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !==
    undefined
  );
}

function lastMigration(db: Sqlite): string | null {
  if (!tableExists(db, 'migrations')) return null;
  const row = db.prepare('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1').get() as
    { name: string } | undefined;
  return row?.name ?? null;
}

function secretFile(installation: Installation): string {
  return join(installation.DATA_DIR, 'jwt-secret');
}
