import { startTestApp, TestApp } from './app';
import { bearer, createClient, PASSWORD, setupConsultant } from './factories';
import { WebSession } from './support/web';

describe('web pages: sign-in, CSRF, language', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
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
    const web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
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
      const web = new WebSession(t);
      await web.signIn('camille@example.fr', PASSWORD);
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
});
