/**
 * Boots the whole application on a port, as `npm start` would, for tests that need several
 * server processes on one database:
 *   node -r ./test/support/register-ts.js test/support/serve.ts <port>
 * The database and secrets come from the environment (DATABASE_URL, JWT_SECRET, DATA_DIR);
 * TEST_NOW, when set, is the instant the process's clock stands at, as in the test that runs it.
 */
import 'reflect-metadata';
import { createApp, migrate } from '../../src/bootstrap';
import { Clock } from '../../src/common/clock';
import { TestClock } from './test-clock';

async function serve(port: number): Promise<void> {
  const app = await createApp();
  if (process.env.TEST_NOW) new TestClock(process.env.TEST_NOW).install(app.get(Clock));
  await migrate(app);
  await app.listen(port, '127.0.0.1');
  process.stdout.write(`listening ${port}\n`);
}

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('usage: serve.ts <port>\n');
  process.exit(2);
}
serve(port).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
