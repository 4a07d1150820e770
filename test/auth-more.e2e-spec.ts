import { Logger } from '@nestjs/common';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtSecret } from '../src/auth/jwt-secret.service';
import { startTestApp, TestApp } from './app';
import { createTestDatabase, TestDatabase } from './database';
import { bearer, createClient, createUser, PASSWORD, setupConsultant } from './factories';

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

describe('users: invite again, activate, change one’s password', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
  });
  afterAll(() => t.close());

  const invite = async (email: string) =>
    (
      await t
        .http()
        .post('/api/users')
        .set(...bearer(consultant))
        .send({ email, role: 'accountant', displayName: 'Alex Compta' })
        .expect(201)
    ).body as { user: { id: string }; inviteToken: string; inviteExpiresAt: string };

  const accept = (token: string) =>
    t.http().post('/api/auth/accept-invite').send({ token, password: PASSWORD });

  const login = (email: string, password: string) =>
    t.http().post('/api/auth/login').send({ email, password });

  it('re-sends an expired invitation: a new token works, the old one no longer does', async () => {
    const first = await invite('late@example.org');
    // The invitation lives 72 hours (INVITE_TTL_HOURS); the clock moves past it.
    t.clock.advance({ hours: 72, minutes: 1 });
    await accept(first.inviteToken).expect(401);
    // Creating the user again is refused: the email is taken.
    await t
      .http()
      .post('/api/users')
      .set(...bearer(consultant))
      .send({ email: 'late@example.org', role: 'accountant', displayName: 'Alex' })
      .expect(409);

    const again = await t
      .http()
      .post(`/api/users/${first.user.id}/invite`)
      .set(...bearer(consultant))
      .expect(201);
    expect(again.body.user).toMatchObject({ id: first.user.id, email: 'late@example.org' });
    expect(again.body.inviteToken).not.toBe(first.inviteToken);
    expect(again.body.inviteExpiresAt).toBe(t.clock.in({ hours: 72 }));
    await accept(first.inviteToken).expect(401);
    await accept(again.body.inviteToken).expect(200);
    await login('late@example.org', PASSWORD).expect(200);

    const refused = await t
      .http()
      .post(`/api/users/${first.user.id}/invite`)
      .set(...bearer(consultant))
      .expect(409);
    expect(refused.body.code).toBe('conflict.password_set');
  });

  it('makes a second invitation replace the first even before it expires', async () => {
    const first = await invite('twice@example.org');
    const again = await t
      .http()
      .post(`/api/users/${first.user.id}/invite`)
      .set(...bearer(consultant))
      .expect(201);
    await accept(first.inviteToken).expect(401);
    await accept(again.body.inviteToken).expect(200);
  });

  it('answers 404 for an unknown user and 403 to anyone but the consultant', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await t
      .http()
      .post(`/api/users/${unknown}/invite`)
      .set(...bearer(consultant))
      .expect(404);
    await t
      .http()
      .post(`/api/users/${unknown}/activate`)
      .set(...bearer(consultant))
      .expect(404);
    const client = await createClient(t, consultant);
    const clientUser = await createUser(t, consultant, 'client', client.id);
    await t
      .http()
      .post(`/api/users/${clientUser.id}/invite`)
      .set(...bearer(clientUser.token))
      .expect(403);
    await t
      .http()
      .post(`/api/users/${clientUser.id}/activate`)
      .set(...bearer(clientUser.token))
      .expect(403);
  });

  it('activates a deactivated user again: sign-in works once more, earlier tokens stay ended', async () => {
    const accountant = await createUser(t, consultant, 'accountant');
    await t
      .http()
      .delete(`/api/users/${accountant.id}`)
      .set(...bearer(consultant))
      .expect(204);
    await login(accountant.email, PASSWORD).expect(401);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(accountant.token))
      .expect(401);

    const activated = await t
      .http()
      .post(`/api/users/${accountant.id}/activate`)
      .set(...bearer(consultant))
      .expect(200);
    expect(activated.body).toMatchObject({ id: accountant.id, active: true });
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(accountant.token))
      .expect(401);
    const again = await login(accountant.email, PASSWORD).expect(200);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(again.body.accessToken))
      .expect(200);
  });

  it('refuses to re-invite a deactivated user until they are activated', async () => {
    const pending = await invite('paused@example.org');
    await t
      .http()
      .delete(`/api/users/${pending.user.id}`)
      .set(...bearer(consultant))
      .expect(204);
    const refused = await t
      .http()
      .post(`/api/users/${pending.user.id}/invite`)
      .set(...bearer(consultant))
      .expect(409);
    expect(refused.body.code).toBe('conflict.user_inactive');
    await t
      .http()
      .post(`/api/users/${pending.user.id}/activate`)
      .set(...bearer(consultant))
      .expect(200);
    const again = await t
      .http()
      .post(`/api/users/${pending.user.id}/invite`)
      .set(...bearer(consultant))
      .expect(201);
    await accept(again.body.inviteToken).expect(200);
  });

  it('lets any role change its password with the current one', async () => {
    const client = await createClient(t, consultant);
    const user = await createUser(t, consultant, 'client', client.id);
    const change = (body: object) =>
      t
        .http()
        .post('/api/auth/password')
        .set(...bearer(user.token))
        .send(body);
    const newPassword = 'a brand new passphrase';

    const wrong = await change({ currentPassword: 'not my password', newPassword }).expect(401);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const short = await change({ currentPassword: PASSWORD, newPassword: 'short' }).expect(400);
    expect(short.body.details).toEqual([
      expect.objectContaining({ field: 'newPassword', message: expect.stringMatching(/12/) }),
    ]);
    for (const guessable of ['password1234', user.email]) {
      const weak = await change({ currentPassword: PASSWORD, newPassword: guessable }).expect(400);
      expect(weak.body).toMatchObject({ code: 'invalid.newPassword' });
      expect(weak.body.details).toEqual([
        expect.objectContaining({
          field: 'newPassword',
          message: expect.stringMatching(/^newPassword is too easy to guess: /),
        }),
      ]);
    }
    await login(user.email, PASSWORD).expect(200);

    await change({ currentPassword: PASSWORD, newPassword }).expect(204);
    // The token that changed it ends with every other one: sign in again.
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(user.token))
      .expect(401);
    await login(user.email, PASSWORD).expect(401);
    await login(user.email, newPassword).expect(200);
    const [row] = await t.dataSource.query(
      `SELECT "passwordHash" AS hash FROM users WHERE id = '${user.id}'`,
    );
    expect(row.hash).toMatch(/^\$argon2id\$/);
  });

  it('needs a signed-in user, and locks out after repeated wrong current passwords', async () => {
    await t
      .http()
      .post('/api/auth/password')
      .send({ currentPassword: PASSWORD, newPassword: 'whatever passphrase' })
      .expect(401);
    const user = await createUser(t, consultant, 'accountant');
    const attempt = (currentPassword: string) =>
      t
        .http()
        .post('/api/auth/password')
        .set(...bearer(user.token))
        .send({ currentPassword, newPassword: 'whatever passphrase' });
    for (let i = 0; i < 5; i++) await attempt(`wrong guess ${i}`).expect(401);
    await attempt(PASSWORD).expect(429);
    await login(user.email, PASSWORD).expect(429);
  });
});
