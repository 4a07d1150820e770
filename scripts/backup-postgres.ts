import { execFile } from 'node:child_process';
import { chmodSync, renameSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { BackupRefusal, type RestoreOptions } from './backup-terms';

/**
 * The connection of DATABASE_URL for pg_dump and pg_restore: the URL without its password
 * (command lines are visible to every user of the machine), the password in PGPASSWORD.
 */
function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv; name: string } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return {
    dbname: url.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    name: `${decodeURIComponent(url.pathname.slice(1))} on ${url.hostname}`,
  };
}

export async function backupPostgres(databaseUrl: string, file: string): Promise<string[]> {
  const { dbname, env, name } = connection(databaseUrl);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await run(
      'pg_dump',
      ['--format=custom', `--file=${partial}`, '--no-password', `--dbname=${dbname}`],
      env,
    );
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  chmodSync(partial, 0o600);
  renameSync(partial, file);
  return [
    `Backed up the PostgreSQL database ${name} to ${file} (pg_dump, custom format: one consistent snapshot; invoice PDFs are in it).`,
    'The JWT secret (table server_secrets) is in the backup: whoever reads it can sign tokens, so keep it private.',
  ];
}

export async function restorePostgres(
  databaseUrl: string,
  file: string,
  { force = false }: RestoreOptions,
): Promise<string[]> {
  const { dbname, env, name } = connection(databaseUrl);
  const contents = await run('pg_restore', ['--list', file], env);
  if (!/ TABLE \S+ migrations /.test(contents)) {
    throw new BackupRefusal(`${file} is a pg_dump file, but not of Gardefou's database`);
  }
  const sessions = await otherSessions(databaseUrl);
  if (sessions > 0 && !force) {
    throw new BackupRefusal(
      `The database ${name} is open in a running server (${sessions} other sessions): nothing was restored. Stop the servers first, or pass --force to replace the data while they run.`,
    );
  }
  // One transaction: on any error the database stays as it was.
  await run(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      '--no-password',
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
  return [
    `Restored the PostgreSQL database ${name} from ${file} (pg_restore --clean --if-exists, in one transaction; ${await tableCount(databaseUrl)} tables, the JWT secret among the data).`,
    sessions > 0
      ? 'Servers had the database open: restart them, so that nothing they hold in memory predates the restore.'
      : 'Start the servers: migrations newer than the backup run then.',
  ];
}

/** Sessions on the database besides this one: each server process keeps a pool open. */
async function otherSessions(databaseUrl: string): Promise<number> {
  return queryNumber(
    databaseUrl,
    'SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
}

async function tableCount(databaseUrl: string): Promise<number> {
  return queryNumber(
    databaseUrl,
    `SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema()`,
  );
}

async function queryNumber(databaseUrl: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>(sql);
    return Number(rows[0].n);
  } catch (error) {
    throw new BackupRefusal(`The database cannot be reached: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs a PostgreSQL client program and gives its output; its error output becomes the refusal's
 * message.
 */
function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new BackupRefusal(
          missing
            ? `${program} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client)`
            : `${program} failed: ${stderr.trim() || error.message}`,
        ),
      );
    });
  });
}
