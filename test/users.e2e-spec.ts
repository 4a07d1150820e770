import { TestApp } from './app';
import { bearer, createClient, createUser, PASSWORD } from './factories';
import { startPractice } from './support/world';
import type { AuthUser } from '../src/auth/auth.decorators';
import { UsersService } from '../src/users/users.service';

describe('users: invite again, activate, change one’s password', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    ({ t, consultant } = await startPractice());
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
          reason: 'weak',
          message: expect.stringMatching(/^Ce mot de passe est trop facile à deviner/),
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
  describe('changing a role', () => {
    const patch = (token: string, id: string, body: Record<string, unknown>) =>
      t
        .http()
        .patch(`/api/users/${id}`)
        .set(...bearer(token))
        .send(body);
    const me = async (token: string) =>
      (
        await t
          .http()
          .get('/api/auth/me')
          .set(...bearer(token))
          .expect(200)
      ).body as { id: string; role: string };
    const activeConsultants = async () =>
      Number(
        (
          await t.dataSource.query(
            `SELECT COUNT(*) AS n FROM users WHERE role = 'consultant' AND active = ${
              t.dataSource.options.type === 'postgres' ? 'true' : '1'
            }`,
          )
        )[0].n,
      );

    it('makes the accountant a client user and back; the change is read back and ends their tokens', async () => {
      const client = await createClient(t, consultant, { name: 'Boulangerie Rivet' });
      const accountant = await createUser(t, consultant, 'accountant');
      const changed = await patch(consultant, accountant.id, {
        role: 'client',
        clientId: client.id,
      }).expect(200);
      expect(changed.body).toMatchObject({
        id: accountant.id,
        role: 'client',
        clientId: client.id,
      });
      const listed = await t
        .http()
        .get('/api/users?limit=200')
        .set(...bearer(consultant))
        .expect(200);
      expect(listed.body.items.find((u: { id: string }) => u.id === accountant.id)).toMatchObject({
        role: 'client',
        clientId: client.id,
      });
      // The token issued for the accountant role no longer opens anything.
      await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(accountant.token))
        .expect(401);
      const signedIn = await login(accountant.email, PASSWORD).expect(200);
      expect(await me(signedIn.body.accessToken)).toMatchObject({ role: 'client' });

      // Any role but client clears the company, even when one is sent.
      const back = await patch(consultant, accountant.id, {
        role: 'accountant',
        clientId: client.id,
      }).expect(200);
      expect(back.body).toMatchObject({ role: 'accountant', clientId: null });
    });

    it('refuses the client role without a company, with an unknown one or an archived one', async () => {
      const accountant = await createUser(t, consultant, 'accountant');
      const missing = await patch(consultant, accountant.id, { role: 'client' }).expect(400);
      expect(missing.body).toMatchObject({
        code: 'invalid.role_client',
        details: [{ field: 'clientId', code: 'client_required' }],
      });
      const unknown = await patch(consultant, accountant.id, {
        role: 'client',
        clientId: '00000000-0000-4000-8000-000000000000',
      }).expect(400);
      expect(unknown.body.details).toMatchObject([{ field: 'clientId', code: 'client_unknown' }]);

      const gone = await createClient(t, consultant, { name: 'Ancienne SARL' });
      await createUser(t, consultant, 'client', gone.id);
      await t
        .http()
        .delete(`/api/clients/${gone.id}`)
        .set(...bearer(consultant))
        .expect(204);
      const archived = await patch(consultant, accountant.id, {
        role: 'client',
        clientId: gone.id,
      })
        .set('Accept-Language', 'en')
        .expect(400);
      expect(archived.body.details).toMatchObject([
        { field: 'clientId', code: 'client_archived', message: expect.stringMatching(/archived/) },
      ]);
      const bad = await patch(consultant, accountant.id, { role: 'boss' }).expect(400);
      expect(JSON.stringify(bad.body.details)).toContain('role');
      // Nothing changed, and the accountant's token still works.
      await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(accountant.token))
        .expect(200);
    });

    it('refuses a change of one’s own role', async () => {
      const own = await me(consultant);
      const refused = await patch(consultant, own.id, { role: 'accountant' }).expect(409);
      expect(refused.body).toMatchObject({
        code: 'conflict.own_role',
        details: [{ field: 'role', code: 'own_role' }],
      });
      expect(await me(consultant)).toMatchObject({ role: 'consultant' });
    });

    it('answers 403 to a client user and to the accountant, and 404 for an unknown user', async () => {
      const client = await createClient(t, consultant);
      const clientUser = await createUser(t, consultant, 'client', client.id);
      const accountant = await createUser(t, consultant, 'accountant');
      await patch(clientUser.token, accountant.id, { role: 'consultant' }).expect(403);
      await patch(accountant.token, clientUser.id, { role: 'consultant' }).expect(403);
      await patch(accountant.token, accountant.id, { role: 'consultant' }).expect(403);
      await patch(consultant, '00000000-0000-4000-8000-000000000000', {
        role: 'accountant',
      }).expect(404);
      expect(await me(accountant.token)).toMatchObject({ role: 'accountant' });
    });

    it('keeps at least one active consultant', async () => {
      const own = await me(consultant);
      const second = await createUser(t, consultant, 'consultant');
      // Two consultants demoting each other at once: one change goes through, never both.
      const answers = await Promise.all([
        patch(consultant, second.id, { role: 'accountant' }),
        patch(second.token, own.id, { role: 'accountant' }),
      ]);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(await activeConsultants()).toBe(1);
      const [survivor, survivorToken] =
        answers[0].status === 200 ? [own.id, consultant] : [second.id, second.token];
      expect(await me(survivorToken)).toMatchObject({ role: 'consultant' });

      // The rule itself, met by a consultant whose account ended meanwhile: the last one stays.
      const third = await createUser(t, survivorToken, 'consultant');
      await t
        .http()
        .delete(`/api/users/${third.id}`)
        .set(...bearer(survivorToken))
        .expect(204);
      const ended = { id: third.id, role: 'consultant', clientId: null } as AuthUser;
      await expect(
        t.app.get(UsersService).changeRole(ended, survivor, { role: 'accountant' }),
      ).rejects.toMatchObject({
        code: 'conflict.last_consultant',
        details: [{ field: 'role', code: 'last_consultant', activeConsultants: 1 }],
      });
      expect(await activeConsultants()).toBe(1);
    });
  });
});
