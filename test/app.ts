import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, migrate } from '../src/bootstrap';
import { Clock } from '../src/common/clock';
import { createTestDatabase, TestDatabase } from './database';
import { TestClock } from './support/test-clock';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  dataSource: DataSource;
  /** The application's clock, standing still at the scenario's instant until the test moves it. */
  clock: TestClock;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

const DB_ENV_KEYS = ['DATABASE_URL', 'SQLITE_FILE', 'DATA_DIR', 'JWT_SECRET'];

export interface TestAppOptions {
  /**
   * Boot on this database (another app's, already created) instead of a fresh one, as a second
   * server process would; close() then leaves it for its owner to drop.
   */
  database?: TestDatabase;
  /**
   * The instant the scenario happens at (an ISO string with its offset). Without it the clock
   * stands at DEFAULT_TEST_NOW; it never follows the machine's clock.
   */
  now?: string;
}

/** Boots the whole application on a fresh database, migrated, as `npm start` would. */
export async function startTestApp(
  extraEnv: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  for (const key of DB_ENV_KEYS) delete process.env[key];
  Object.assign(
    process.env,
    db.env,
    { JWT_SECRET: 'test-secret-test-secret-test-secret-0123' },
    extraEnv,
  );
  const app = await createApp();
  const clock = new TestClock(options.now).install(app.get(Clock));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await migrate(app);
  const server = app.getHttpServer();
  return {
    app,
    db,
    dataSource: app.get(DataSource),
    clock,
    http: () => request(server),
    close: async () => {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}
