/**
 * `npm run backup [-- FILE]`: backs up the database that the environment names (DATABASE_URL,
 * else the SQLite file of DATA_DIR / SQLITE_FILE), while the server runs. Without FILE, the
 * backup goes to $DATA_DIR/backups/gardefou-<UTC time>Z.sqlite (or .dump on PostgreSQL).
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/common/config';
import { backup, BackupRefusal, defaultBackupFile } from './backup-lib';

const USAGE = `Usage: npm run backup [-- FILE]

Backs up the database of DATABASE_URL (PostgreSQL, with pg_dump) or of DATA_DIR / SQLITE_FILE
(SQLite, online backup) while the server runs. FILE defaults to
$DATA_DIR/backups/gardefou-<UTC date and time>Z.sqlite (.dump on PostgreSQL).`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h'))
    return void process.stdout.write(`${USAGE}\n`);
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) return fail(USAGE);
  const installation = loadConfig(process.env);
  // The machine's clock names the file; nothing else reads it.
  const file = args[0] ?? defaultBackupFile(installation, new Date());
  const result = await backup(installation, file);
  for (const line of result.report) process.stdout.write(`${line}\n`);
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof BackupRefusal || error instanceof ConfigError) {
    fail(`Backup not made: ${error.message}`);
  } else {
    fail(
      `Backup not made: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
});
