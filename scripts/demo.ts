/**
 * `npm run demo`: the server on a fresh SQLite file holding a realistic demo practice.
 * Port from PORT (default 3000); the file lives in data/demo and is replaced on every start.
 */
import 'reflect-metadata';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const DATA_DIR = join('data', 'demo');
const SQLITE_FILE = join(DATA_DIR, 'gardefou-demo.sqlite');
const LABELS: Record<string, string> = { creditNotes: 'credit notes' };

async function main(): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(SQLITE_FILE + suffix, { force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  delete process.env.DATABASE_URL;
  // The demo's people have made-up addresses: its messages wait in the console's outbox.
  Object.assign(process.env, {
    DATA_DIR,
    SQLITE_FILE,
    SMTP_URL: '',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  // Loaded after the environment is set: the application reads it as it loads.
  const { createApp, migrate } = await import('../src/bootstrap');
  const { AppConfigService } = await import('../src/common/app-config.service');
  const { seedDemo } = await import('./demo-seed');
  const app = await createApp();
  await migrate(app);
  const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
  out('Seeding the demo practice…');
  const summary = await seedDemo(app);
  const { PORT, HOST } = app.get(AppConfigService).values;
  await app.listen(PORT, HOST);
  const base = `http://localhost:${PORT}`;
  const counts = Object.entries(summary.counts).map(([what, n]) => `${n} ${LABELS[what] ?? what}`);
  out(
    `Seeded ${summary.period.from} to ${summary.period.to} in ${summary.seconds} s: ${counts.join(', ')}.`,
  );
  out();
  out(`Gardefou demo on ${base}  (database: ${SQLITE_FILE})`);
  out();
  out(`Sign in at ${base}/login with the password "${summary.password}":`);
  for (const user of summary.users) out(`  ${user.email.padEnd(24)} ${user.role} — ${user.name}`);
  out();
  out(`  Consultant console   ${base}/console`);
  out(`  Client portal        ${base}/portal`);
  out(`  Accounting exports   ${base}/accounting`);
  out(`  API documentation    ${base}/api/docs`);
  out();
  out('Stop with Ctrl+C; the next start rebuilds the demo from scratch.');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The demo could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
