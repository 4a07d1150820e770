/**
 * `npm run restore -- FILE [--force]`: replaces the data of the database that the environment
 * names with a backup made by `npm run backup`. A database that a running server has open is
 * refused unless --force is given.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/common/config';
import { BackupRefusal, restore } from './backup-lib';

const USAGE = `Usage: npm run restore -- FILE [--force]

Replaces the data of the database of DATABASE_URL (PostgreSQL, with pg_restore) or of
DATA_DIR / SQLITE_FILE (SQLite) with the backup in FILE, and the JWT secret it holds.
Refused while a server has the database open, unless --force is given.`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h'))
    return void process.stdout.write(`${USAGE}\n`);
  const force = args.includes('--force');
  const files = args.filter((arg) => arg !== '--force');
  if (files.length !== 1 || files[0].startsWith('-')) return fail(USAGE);
  const result = await restore(loadConfig(process.env), files[0], { force });
  for (const line of result.report) process.stdout.write(`${line}\n`);
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof BackupRefusal || error instanceof ConfigError) {
    fail(`Nothing restored: ${error.message}`);
  } else {
    fail(
      `Restore failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
});
