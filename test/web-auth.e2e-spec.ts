import * as passwords from '../src/auth/passwords';
import { startTestApp, TestApp } from './app';
import { bearer, createClient, PASSWORD, setupConsultant } from './factories';
import { WebSession } from './support/web';
import { signedIn, startPractice } from './support/world';

describe('web pages: sign-in, CSRF, language', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    ({ t, consultant } = await startPractice());
  });
  afterAll(() => t.close());

  it('renders the sign-in page in French by default and in English for an English browser', async () => {
    const fr = await t.http().get('/login').expect(200);
    expect(fr.headers['content-type']).toContain('text/html');
    expect(fr.text).toContain('Connexion');
    expect(fr.text).toMatch(/<label for="email">/);
    const en = await t.http().get('/login').set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
    expect(en.text).toContain('Sign in');
  });

  it('says, once an email is locked out, how long to wait, in the page’s language', async () => {
    const web = new WebSession(t);
    for (let i = 0; i < 5; i++) {
      expect((await web.signIn('camille@example.fr', 'not the password')).status).toBe(401);
    }
    const locked = await web.signIn('camille@example.fr', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toContain('réessayez dans 15 minutes');
    t.clock.advance({ minutes: 16 });
    expect((await web.signIn('camille@example.fr', PASSWORD)).status).toBe(303);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const web = new WebSession(t);
    await web.get('/login');
    const res = await web.post(
      '/login',
      { email: 'camille@example.fr', password: PASSWORD },
      false,
    );
    expect(res.status).toBe(403);
    const forged = await web.post(
      '/login',
      { email: 'camille@example.fr', password: PASSWORD, _csrf: 'forged' },
      false,
    );
    expect(forged.status).toBe(403);
  });

  it('signs in with a session cookie (httpOnly, SameSite=Lax) and lands on the role home', async () => {
    const web = new WebSession(t);
    await web.get('/login');
    const res = await web.post('/login', { email: 'camille@example.fr', password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console');
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'])
      .find((c) => c.startsWith('gf_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const home = await web.get('/');
    expect(home.headers.location).toBe('/console');
  });

  it('shows a wrong password on the page with 401', async () => {
    const web = new WebSession(t);
    const res = await web.signIn('camille@example.fr', 'wrong password!');
    expect(res.status).toBe(401);
    expect(res.text).toContain('E-mail ou mot de passe incorrect');
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    const res = await t.http().get('/').expect(303);
    expect(res.headers.location).toBe('/login?next=%2F');
  });

  it('does not accept the session cookie on the API (bearer tokens only)', async () => {
    const web = await signedIn(t);
    const cookie = (web as unknown as { cookies: Map<string, string> }).cookies.get('gf_session');
    await t.http().get('/api/auth/me').set('Cookie', `gf_session=${cookie}`).expect(401);
  });

  it.each([
    ['get', '/%61pi/auth/me'],
    ['get', '/%41pi/auth/me'],
    ['get', '/api/%61uth/me'],
    ['patch', '/%61pi/practice'],
    ['delete', '/%61pi/activities/00000000-0000-4000-8000-000000000000'],
  ] as const)(
    'refuses the session cookie on %s %s however the API path is spelt',
    async (method, path) => {
      const web = await signedIn(t);
      const cookie = (web as unknown as { cookies: Map<string, string> }).cookies.get('gf_session');
      const before = await t
        .http()
        .get('/api/practice')
        .set(...bearer(consultant));
      const res = await t
        .http()
        [method](path)
        .set('Cookie', `gf_session=${cookie}`)
        .send(method === 'patch' ? { name: 'Changed by a forged request' } : undefined);
      expect([401, 404]).toContain(res.status);
      const after = await t
        .http()
        .get('/api/practice')
        .set(...bearer(consultant));
      expect(after.body).toEqual(before.body);
    },
  );

  it('activates an invited account from the invite page', async () => {
    const client = await createClient(t, consultant);
    const invited = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${consultant}`)
      .send({
        email: 'staff@client.example',
        role: 'client',
        clientId: client.id,
        displayName: 'Staff',
      })
      .expect(201);
    const web = new WebSession(t);
    await web.get(`/invite?token=${invited.body.inviteToken}`);
    const res = await web.post('/invite', { token: invited.body.inviteToken, password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/portal');
  });

  it('refuses a guessable password on the invite page, says why in the reader’s language, and keeps the invitation', async () => {
    const invited = await t
      .http()
      .post('/api/users')
      .set(...bearer(consultant))
      .send({ email: 'compta@cabinet.example', role: 'accountant', displayName: 'Compta' })
      .expect(201);
    const token = invited.body.inviteToken as string;
    const web = new WebSession(t);
    await web.get(`/invite?token=${token}`);
    const fr = await web.post('/invite', { token, password: 'password1234' });
    expect(fr.status).toBe(400);
    expect(fr.text).toContain('Ce mot de passe est trop facile à deviner');
    expect(fr.text).toContain(
      'Ce mot de passe est similaire à un mot de passe couramment utilisé.',
    );
    expect(fr.text).toContain(`name="token" value="${token}"`);

    await web.get('/lang/en');
    await web.get(`/invite?token=${token}`);
    const en = await web.post('/invite', { token, password: '            ' });
    expect(en.status).toBe(400);
    expect(en.text).toContain('This password is too easy to guess');
    expect(en.text).toContain('Repeated characters like');

    const ok = await web.post('/invite', { token, password: PASSWORD });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/accounting');
  });
});

/** Apps with low limits, so that a test reaches them in a few requests. */
async function startLimitedApp(env: Record<string, string>): Promise<TestApp> {
  const t = await startTestApp(env);
  // The settings stay in the environment; the next app of this file must not inherit them.
  for (const key of Object.keys(env)) delete process.env[key];
  return t;
}

describe('web pages: the sign-in limit per address', () => {
  let t: TestApp;
  let verify: jest.SpyInstance;

  beforeAll(async () => {
    t = await startLimitedApp({ SIGN_IN_ATTEMPTS_PER_MINUTE: '5' });
    await setupConsultant(t);
    verify = jest.spyOn(passwords, 'verifyPassword');
  });
  afterAll(async () => {
    verify.mockRestore();
    await t.close();
  });

  it('counts the sign-in form with the API: past the limit, neither checks a password', async () => {
    // A different email each time, so that the per-email lock-out never steps in.
    const apiLogin = (i: number) =>
      t
        .http()
        .post('/api/auth/login')
        .send({ email: `guess-${i}@example.fr`, password: PASSWORD });
    const web = new WebSession(t);
    for (let i = 0; i < 3; i++) await apiLogin(i).expect(401);
    for (let i = 3; i < 5; i++) {
      expect((await web.signIn(`guess-${i}@example.fr`, PASSWORD)).status).toBe(401);
    }
    const page = await web.signIn('camille@example.fr', PASSWORD);
    expect(page.status).toBe(429);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['set-cookie']?.toString() ?? '').not.toContain('gf_session=');
    const api = await apiLogin(6).expect(429);
    expect(api.body).toMatchObject({ statusCode: 429, code: 'too_many.sign_in' });
    expect(Number(api.headers['retry-after'])).toBeGreaterThan(0);
    expect(verify).toHaveBeenCalledTimes(5);
  });
});

describe('the limit of anonymous requests per address', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    t = await startLimitedApp({ ANONYMOUS_REQUESTS_PER_MINUTE: '10' });
    consultant = await setupConsultant(t);
  });
  afterAll(() => t.close());

  it('counts every route together, and leaves signed-in users to their own limit', async () => {
    // The setup was the first anonymous request; nine more pass, on any public route.
    for (let i = 0; i < 9; i++) {
      const path = ['/login', '/invite', '/lang/en'][i % 3];
      expect((await t.http().get(path)).status).not.toBe(429);
    }
    expect((await t.http().get('/login')).status).toBe(429);
    const api = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@example.fr', password: PASSWORD })
      .expect(429);
    expect(api.body).toMatchObject({ code: 'too_many.requests' });
    await t
      .http()
      .get('/api/practice')
      .set(...bearer(consultant))
      .expect(200);
  });
});
