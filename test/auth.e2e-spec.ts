import { Logger } from '@nestjs/common';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtSecret } from '../src/auth/jwt-secret.service';
import { startTestApp, TestApp } from './app';
import { createTestDatabase, TestDatabase } from './database';
import { bearer, PASSWORD, setupConsultant } from './factories';

const IN_DATABASE = 'JWT_SECRET is not set: generated one and stored it in the database';
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** No JWT_SECRET; on PostgreSQL a data folder of its own, as a second server host would have. */
function unsetSecret(dataDir?: string): Record<string, string> {
  return { JWT_SECRET: '', ...(dataDir ? { DATA_DIR: dataDir } : {}) };
}

const storedSecrets = async (t: TestApp): Promise<{ name: string; value: string }[]> =>
  t.dataSource.query(`SELECT name, value FROM server_secrets`);

describe('a generated JWT secret is shared by every server process on the database', () => {
  let first: TestApp;
  let second: TestApp;
  let secondDataDir: string;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(Logger.prototype, 'warn');
    first = await startTestApp(unsetSecret());
    // SQLite is embedded: a second process shares the host and its data folder.
    secondDataDir = onPostgres
      ? mkdtempSync(join(tmpdir(), 'gardefou-test-second-'))
      : first.db.env.DATA_DIR;
    second = await startTestApp(unsetSecret(secondDataDir), { database: first.db });
  });
  afterAll(async () => {
    warn.mockRestore();
    await second.close();
    await first.close();
    if (onPostgres) rmSync(secondDataDir, { recursive: true, force: true });
  });

  it('resolves one secret for both processes even when they ask at the same time', async () => {
    const [a, b] = await Promise.all([
      first.app.get(JwtSecret).get(),
      second.app.get(JwtSecret).get(),
    ]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
    const messages = warn.mock.calls.map(([message]) => String(message));
    const file = join(first.db.env.DATA_DIR, 'jwt-secret');
    if (onPostgres) {
      expect(await storedSecrets(first)).toEqual([{ name: 'jwt', value: a }]);
      expect(messages.filter((m) => m === IN_DATABASE)).toHaveLength(1);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(join(secondDataDir, 'jwt-secret'))).toBe(false);
    } else {
      // Kept in the data folder beside the database file, readable by its owner only.
      expect(readFileSync(file, 'utf8')).toBe(a);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(messages.filter((m) => m.includes(`stored it in ${file} (mode 0600)`))).toHaveLength(
        1,
      );
      expect(await storedSecrets(first)).toEqual([]);
    }
  });

  it("accepts each other's tokens behind a load balancer", async () => {
    const fromFirst = await setupConsultant(first);
    await second
      .http()
      .get('/api/auth/me')
      .set(...bearer(fromFirst))
      .expect(200);
    const login = await second
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@example.fr', password: PASSWORD })
      .expect(200);
    const me = await first
      .http()
      .get('/api/auth/me')
      .set(...bearer(login.body.accessToken))
      .expect(200);
    expect(me.body.email).toBe('camille@example.fr');
  });
});

describe('a secret file in the data folder', () => {
  const fileSecret = 'file-secret-file-secret-file-secret-file-01';
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('keeps signing with it; on PostgreSQL it moves into the database', async () => {
    const before = await startTestApp({ JWT_SECRET: fileSecret }, { database: db });
    const token = await setupConsultant(before);
    await before.close();
    const file = join(db.env.DATA_DIR, 'jwt-secret');
    writeFileSync(file, `${fileSecret}\n`, { mode: 0o600 });

    const after = await startTestApp(unsetSecret(), { database: db });
    try {
      await after
        .http()
        .get('/api/auth/me')
        .set(...bearer(token))
        .expect(200);
      if (onPostgres) {
        expect(await storedSecrets(after)).toEqual([{ name: 'jwt', value: fileSecret }]);
        expect(existsSync(file)).toBe(false);
      } else {
        expect(existsSync(file)).toBe(true);
        expect(await storedSecrets(after)).toEqual([]);
      }
    } finally {
      await after.close();
    }
  });
});
