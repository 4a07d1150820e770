import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** A throw-away database for one test file: SQLite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  /** Connection URL (PostgreSQL) or file path (SQLite). */
  location: string;
  drop(): Promise<void>;
}

export function assertTestName(name: string): void {
  if (!/test/i.test(name)) {
    throw new Error(
      `Refusing to use database "${name}": test databases must have "test" in their name`,
    );
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gardefou-test-'));
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const file = join(dataDir, 'gardefou-test.sqlite');
    assertTestName(file);
    return {
      kind: 'sqlite',
      location: file,
      env: { SQLITE_FILE: file, DATA_DIR: dataDir },
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const url = new URL(base);
  assertTestName(url.pathname.slice(1));
  const name =
    `${url.pathname.slice(1)}_${process.pid}_${randomBytes(3).toString('hex')}`.toLowerCase();
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    location: url.toString(),
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
