/**
 * Seeds the demo practice (its present at DEMO_NOW, default now) into the database the environment names (SQLITE_FILE or DATABASE_URL),
 * with the built application (BENCH_DIST, default dist), then prints the summary as JSON.
 * Run by the HTTP benches before they start the server on the same database.
 */
'use strict';
require('reflect-metadata');
const { join, resolve } = require('node:path');

const dist = resolve(process.env.BENCH_DIST || 'dist');

async function main() {
  const { createApp, migrate } = require(join(dist, 'src/bootstrap'));
  const { seedDemo } = require(join(dist, 'scripts/demo-seed'));
  const app = await createApp();
  await migrate(app);
  const now = process.env.DEMO_NOW ? new Date(process.env.DEMO_NOW) : undefined;
  const summary = await seedDemo(app, { now });
  await app.close();
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
