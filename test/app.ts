import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, migrate } from '../src/bootstrap';
import { createTestDatabase, TestDatabase } from './database';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  dataSource: DataSource;
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
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await migrate(app);
  const server = app.getHttpServer();
  return {
    app,
    db,
    dataSource: app.get(DataSource),
    http: () => request(server),
    close: async () => {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}
