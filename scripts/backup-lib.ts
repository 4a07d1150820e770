/**
 * Backups of a Gardefou installation and their restore, for `npm run backup` and
 * `npm run restore` (thin wrappers in backup.ts and restore.ts) and for the tests.
 *
 * - SQLite: a consistent copy made by SQLite's online backup API while the server runs, with
 *   the data folder's JWT secret file inside it (table `gardefou_backup`, dropped again on
 *   restore). Invoice PDFs live in the database (invoice_documents), so the copy holds them.
 * - PostgreSQL: `pg_dump` in its custom format, restored by `pg_restore`; the JWT secret is a
 *   row of `server_secrets`, so the dump holds it.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupPostgres, restorePostgres } from './backup-postgres';
import { backupSqlite, restoreSqlite } from './backup-sqlite';
import { BackupRefusal, type Installation, type RestoreOptions } from './backup-terms';

export { BackupRefusal, type Installation, type RestoreOptions } from './backup-terms';

export interface BackupResult {
  file: string;
  database: 'sqlite' | 'postgres';
  /** What was done, one sentence a line. */
  report: string[];
}

/** `$DATA_DIR/backups/gardefou-2026-11-25T09-00-00Z.sqlite` (or `.dump` on PostgreSQL). */
export function defaultBackupFile(installation: Installation, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const extension = installation.usesPostgres ? 'dump' : 'sqlite';
  return join(installation.DATA_DIR, 'backups', `gardefou-${stamp}Z.${extension}`);
}

/** Backs the installation's database up to `file`, written under a temporary name first. */
export async function backup(installation: Installation, file: string): Promise<BackupResult> {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  const report = installation.usesPostgres
    ? await backupPostgres(installation.DATABASE_URL!, file)
    : await backupSqlite(installation, file);
  return {
    file,
    database: installation.usesPostgres ? 'postgres' : 'sqlite',
    report: [...report, `${file}: ${sizeOf(file)}, readable by its owner only (mode 0600).`],
  };
}

/** Replaces the installation's data with the backup in `file`. */
export async function restore(
  installation: Installation,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupResult> {
  const kind = backupKind(file);
  const database = installation.usesPostgres ? 'postgres' : 'sqlite';
  if (kind !== database) {
    throw new BackupRefusal(
      `${file} is a backup of ${LABELS[kind]}, and this installation uses ${LABELS[database]} ` +
        `(${installation.usesPostgres ? 'DATABASE_URL is set' : 'DATABASE_URL is not set'}): ` +
        'restore it into the same kind of database',
    );
  }
  const report = installation.usesPostgres
    ? await restorePostgres(installation.DATABASE_URL!, file, options)
    : await restoreSqlite(installation, file, options);
  return { file, database, report };
}

const LABELS = { sqlite: 'an SQLite database', postgres: 'a PostgreSQL database' } as const;

/** Tells a backup by its first bytes: SQLite's file header, or pg_dump's custom format. */
export function backupKind(file: string): 'sqlite' | 'postgres' {
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    closeSync(fd);
  } catch (error) {
    throw new BackupRefusal(`${file} cannot be read: ${(error as Error).message}`);
  }
  if (head.toString('latin1') === 'SQLite format 3\u0000') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  throw new BackupRefusal(
    `${file} is not a Gardefou backup: neither an SQLite database nor a pg_dump custom-format file`,
  );
}

function sizeOf(file: string): string {
  const bytes = statSync(file).size;
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
