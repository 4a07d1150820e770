import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as passwords from '../src/auth/passwords';
import { startTestApp, TestApp } from './app';
import { bearer, createUser, PASSWORD, setupConsultant } from './factories';
import { WebSession } from './support/web';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const NEW_PASSWORD = 'lichen orage boussole';

/**
 * Two server processes on one database, as behind a load balancer: on PostgreSQL a data folder
 * of its own for the second; SQLite is embedded, so both share the host and its data folder.
 */
async function twoProcesses(
  env: Record<string, string> = {},
): Promise<{ first: TestApp; second: TestApp; close(): Promise<void> }> {
  const first = await startTestApp(env);
  const dataDir = onPostgres
    ? mkdtempSync(join(tmpdir(), 'gardefou-test-second-'))
    : first.db.env.DATA_DIR;
  const second = await startTestApp({ ...env, DATA_DIR: dataDir }, { database: first.db });
  return {
    first,
    second,
    close: async () => {
      await second.close();
      await first.close();
      if (onPostgres) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('sessions end at once, in every process', () => {
  let first: TestApp;
  let second: TestApp;
  let close: () => Promise<void>;
  let consultant: string;

  beforeAll(async () => {
    ({ first, second, close } = await twoProcesses());
    consultant = await setupConsultant(first);
  });
  afterAll(() => close());

  const me = (t: TestApp, token: string) =>
    t
      .http()
      .get('/api/auth/me')
      .set(...bearer(token));
  const login = (t: TestApp, email: string, password = PASSWORD) =>
    t.http().post('/api/auth/login').send({ email, password });

  it('signing out through the API ends every token of the user, and no one else’s', async () => {
    const user = await createUser(first, consultant, 'accountant');
    const other = (await login(second, user.email).expect(200)).body.accessToken as string;
    await me(second, user.token).expect(200);

    await first
      .http()
      .post('/api/auth/logout')
      .set(...bearer(user.token))
      .expect(204);

    for (const t of [first, second]) {
      await me(t, user.token).expect(401);
      await me(t, other).expect(401);
    }
    await me(second, consultant).expect(200);
    const again = (await login(second, user.email).expect(200)).body.accessToken as string;
    await me(first, again).expect(200);
  });

  it('signing out of a page ends its cookie and the API tokens, even replayed', async () => {
    const user = await createUser(first, consultant, 'accountant');
    const web = new WebSession(first);
    await web.signIn(user.email, PASSWORD);
    const cookie = (web as unknown as { cookies: Map<string, string> }).cookies.get('gf_session')!;
    const page = () => second.http().get('/accounting').set('Cookie', `gf_session=${cookie}`);
    expect((await page()).status).toBe(200);

    await web.get('/accounting');
    const out = await web.post('/logout', {});
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login');

    // The same cookie, kept by whoever copied it, opens nothing any more.
    const replayed = await page();
    expect(replayed.status).toBe(303);
    expect(replayed.headers.location).toBe('/login?next=%2Faccounting');
    await me(second, user.token).expect(401);
  });

  it('a new password ends every earlier token, the one that changed it included', async () => {
    const user = await createUser(first, consultant, 'client', await clientId());
    const other = (await login(second, user.email).expect(200)).body.accessToken as string;

    await second
      .http()
      .post('/api/auth/password')
      .set(...bearer(user.token))
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);

    for (const t of [first, second]) {
      await me(t, user.token).expect(401);
      await me(t, other).expect(401);
    }
    await login(first, user.email).expect(401);
    const fresh = (await login(first, user.email, NEW_PASSWORD).expect(200)).body
      .accessToken as string;
    await me(second, fresh).expect(200);
  });

  it('deactivation ends every token for good: activating the user again does not revive them', async () => {
    const user = await createUser(first, consultant, 'accountant');
    await first
      .http()
      .delete(`/api/users/${user.id}`)
      .set(...bearer(consultant))
      .expect(204);
    await me(second, user.token).expect(401);

    await second
      .http()
      .post(`/api/users/${user.id}/activate`)
      .set(...bearer(consultant))
      .expect(200);
    for (const t of [first, second]) await me(t, user.token).expect(401);
    const fresh = (await login(first, user.email).expect(200)).body.accessToken as string;
    await me(second, fresh).expect(200);
  });

  it('answers 404 when deactivating an unknown user', async () => {
    await first
      .http()
      .delete('/api/users/00000000-0000-4000-8000-000000000000')
      .set(...bearer(consultant))
      .expect(404);
  });

  let client: string | undefined;
  async function clientId(): Promise<string> {
    client ??= (
      (
        await first
          .http()
          .post('/api/clients')
          .set(...bearer(consultant))
          .send({
            name: 'Atelier Zéphyr',
            siren: '443061841',
            address: {
              line1: '8 rue de Londres',
              postalCode: '75009',
              city: 'Paris',
              country: 'FR',
            },
            billingEmail: 'compta@zephyr.example',
          })
          .expect(201)
      ).body as { id: string }
    ).id;
    return client;
  }
});

describe('the per-email lock-out under simultaneous attempts', () => {
  const ATTEMPTS = 20;
  let first: TestApp;
  let second: TestApp;
  let close: () => Promise<void>;
  let consultant: string;
  let verify: jest.SpyInstance;

  beforeAll(async () => {
    // The per-address limit of sign-in attempts out of the way: this measures the lock-out alone.
    ({ first, second, close } = await twoProcesses({ SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' }));
    consultant = await setupConsultant(first);
  });
  beforeEach(() => {
    verify = jest.spyOn(passwords, 'verifyPassword');
  });
  afterEach(() => verify.mockRestore());
  afterAll(async () => {
    await close();
    delete process.env.SIGN_IN_ATTEMPTS_PER_MINUTE;
  });

  const storedFailures = async (email: string): Promise<number> => {
    const [row] = await first.dataSource.query(
      `SELECT COUNT(*) AS n FROM login_failures WHERE email = '${email}'`,
    );
    return Number(row.n);
  };

  it(`checks at most 5 of ${ATTEMPTS} simultaneous wrong passwords, and refuses the rest with 429 unchecked`, async () => {
    const user = await createUser(first, consultant, 'accountant');
    verify.mockClear();
    const answers = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        first
          .http()
          .post('/api/auth/login')
          .send({ email: user.email, password: `wrong guess ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(ATTEMPTS - 5).fill(429)]);
    expect(verify).toHaveBeenCalledTimes(5);
    expect(await storedFailures(user.email)).toBe(5);
    const locked = answers.find((a) => a.status === 429)!;
    expect(locked.body).toMatchObject({
      code: 'too_many.login',
      statusCode: 429,
      details: [{ waitMinutes: 15, minutesToWait: 15 }],
    });
    expect(locked.body.message).toBe(
      'Trop de connexions échouées pour cette adresse e-mail : réessayez dans 15 minutes',
    );
    // Locked for the right password too, until the window has passed.
    const english = await first
      .http()
      .post('/api/auth/login')
      .set('Accept-Language', 'en')
      .send({ email: user.email, password: PASSWORD })
      .expect(429);
    expect(english.body.message).toBe(
      'Too many failed sign-ins for this email: try again in 15 minutes',
    );
    first.clock.advance({ minutes: 15, seconds: 1 });
    second.clock.advance({ minutes: 15, seconds: 1 });
    await first
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: PASSWORD })
      .expect(200);
    expect(await storedFailures(user.email)).toBe(0);
  });

  it('counts wrong current passwords the same way', async () => {
    const user = await createUser(first, consultant, 'accountant');
    verify.mockClear();
    const answers = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        first
          .http()
          .post('/api/auth/password')
          .set(...bearer(user.token))
          .send({ currentPassword: `wrong guess ${i}`, newPassword: NEW_PASSWORD }),
      ),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(ATTEMPTS - 5);
    expect(verify).toHaveBeenCalledTimes(5);
  });

  // Several server processes share a database only on PostgreSQL (SQLite is one process's file).
  (onPostgres ? it : it.skip)('holds across two server processes attacked at once', async () => {
    const user = await createUser(first, consultant, 'accountant');
    verify.mockClear();
    const answers = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        (i % 2 ? first : second)
          .http()
          .post('/api/auth/login')
          .send({ email: user.email, password: `wrong guess ${i}` }),
      ),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(ATTEMPTS - 5);
    expect(verify).toHaveBeenCalledTimes(5);
    expect(await storedFailures(user.email)).toBe(5);
  });
});
