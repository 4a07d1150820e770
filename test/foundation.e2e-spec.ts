import {
  bearer,
  clientInput,
  createClient,
  createUser,
  PASSWORD,
  practiceInput,
  setupConsultant,
} from './factories';
import { startTestApp, TestApp } from './app';

describe('foundation: setup, accounts, roles, practice, clients, activities', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers health without auth and serves the OpenAPI document', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok', database: 'up' });
    const doc = await t.http().get('/api/docs-json').expect(200);
    for (const path of [
      '/api/auth/setup',
      '/api/auth/login',
      '/api/auth/me',
      '/api/users',
      '/api/users/{id}',
      '/api/auth/accept-invite',
      '/api/practice',
      '/api/clients',
      '/api/clients/{id}',
      '/api/activities',
      '/api/health',
    ]) {
      expect(doc.body.paths).toHaveProperty([path]);
    }
    await t.http().get('/api/docs').expect(200);
  });

  it('refuses a setup with an invalid practice and writes nothing', async () => {
    const res = await t
      .http()
      .post('/api/auth/setup')
      .send({
        email: 'camille@example.fr',
        password: PASSWORD,
        displayName: 'C',
        practice: practiceInput({ siren: '732829321' }),
      })
      .expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'practice.siren' })]),
    );
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@example.fr', password: PASSWORD })
      .expect(401);
  });

  it.each([
    ['password1234', 'similarToCommon', /similar to a commonly used password/],
    ['            ', 'simpleRepeat', /repeated characters/],
    ['camille@example.fr', 'userInputs', /your email, your name/],
  ])(
    'refuses the guessable password %j at setup, says why, and writes nothing',
    async (password, warning, why) => {
      const res = await t
        .http()
        .post('/api/auth/setup')
        .set('Accept-Language', 'en')
        .send({
          email: 'camille@example.fr',
          password,
          displayName: 'Camille Martin',
          practice: practiceInput(),
        })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'invalid.password', statusCode: 400 });
      expect(res.body.message).toMatch(/^This password is too easy to guess: /);
      expect(res.body.message).toMatch(why);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'password', reason: 'weak', warning }),
      ]);
      const [users] = await t.dataSource.query('SELECT COUNT(*) AS n FROM users');
      expect(Number(users.n)).toBe(0);
    },
  );

  it('sets up once, then answers 409', async () => {
    consultant = await setupConsultant(t);
    const again = await t
      .http()
      .post('/api/auth/setup')
      .send({
        email: 'other@example.fr',
        password: PASSWORD,
        displayName: 'X',
        practice: practiceInput(),
      })
      .expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(typeof again.body.message).toBe('string');
  });

  it('applies the defaults of PRODUCT.md to the practice', async () => {
    const res = await t
      .http()
      .get('/api/practice')
      .set(...bearer(consultant))
      .expect(200);
    expect(res.body).toMatchObject({
      timezone: 'Europe/Paris',
      holidayCalendar: 'FR',
      paymentTermsDays: 30,
      invoiceNumberFormat: 'F{YYYY}-{SEQ:5}',
      creditNoteNumberFormat: 'AV{YYYY}-{SEQ:5}',
      businessHours: { mon: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [], sun: [] },
      limits: {
        maxWeeklyMinutes: 2880,
        alertWeeklyMinutes: 2400,
        maxDailyMinutes: 600,
        minDailyRestMinutes: 660,
        minWeeklyDaysOff: 1,
      },
    });
  });

  it('signs in, rejects a wrong password with 401, and locks the email after 5 failures', async () => {
    const ok = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'CAMILLE@example.fr', password: PASSWORD })
      .expect(200);
    expect(ok.body.user).toMatchObject({
      email: 'camille@example.fr',
      role: 'consultant',
      clientId: null,
    });
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@example.fr', password: 'not the password' })
      .expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    for (let i = 0; i < 4; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'camille@example.fr', password: 'not the password' })
        .expect(401);
    }
    const locked = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@example.fr', password: PASSWORD })
      .expect(429);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // The lock-out is per email: nobody else is locked out.
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.fr', password: PASSWORD })
      .expect(401);
  });

  it('keeps every route private unless public', async () => {
    await t.http().get('/api/auth/me').expect(401);
    await t.http().get('/api/practice').set('Authorization', 'Bearer not-a-token').expect(401);
    const me = await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(consultant))
      .expect(200);
    expect(me.body).toMatchObject({ email: 'camille@example.fr', role: 'consultant' });
  });

  it('names every bad field of the practice and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ siren: '123456789' }, 'siren'],
      [{ siret: '73282932000075' }, 'siret'],
      [{ vatNumber: 'FR45732829320' }, 'vatNumber'],
      [{ iban: 'FR76 3000 6000 0112 3456 7890 188' }, 'iban'],
      [{ timezone: 'Europe/Lyon' }, 'timezone'],
      [
        {
          businessHours: {
            mon: [
              ['09:00', '13:00'],
              ['12:00', '18:00'],
            ],
            tue: [],
            wed: [],
            thu: [],
            fri: [],
            sat: [],
            sun: [],
          },
        },
        'businessHours',
      ],
      [
        {
          limits: {
            maxWeeklyMinutes: 0,
            alertWeeklyMinutes: 2400,
            maxDailyMinutes: 600,
            minDailyRestMinutes: 660,
            minWeeklyDaysOff: 1,
            maxAfterHoursMinutesPerWeek: 480,
            maxUrgentInterruptionsPerDay: 3,
          },
        },
        'limits.maxWeeklyMinutes',
      ],
      [{ paymentTermsDays: 61 }, 'paymentTermsDays'],
    ];
    for (const [body, field] of cases) {
      const res = await t
        .http()
        .patch('/api/practice')
        .set(...bearer(consultant))
        .send({ name: 'Renamed', ...body })
        .expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const unknown = await t
      .http()
      .patch('/api/practice')
      .set(...bearer(consultant))
      .send({ name: 'Renamed', colour: 'red' })
      .expect(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field)).toContain('colour');
    const after = await t
      .http()
      .get('/api/practice')
      .set(...bearer(consultant))
      .expect(200);
    expect(after.body.name).toBe('Camille Martin Conseil');
  });

  it('accepts valid identifiers and settings', async () => {
    const res = await t
      .http()
      .patch('/api/practice')
      .set(...bearer(consultant))
      .send({
        siret: '73282932000074',
        vatNumber: 'FR44732829320',
        vatRegime: 'standard',
        iban: 'FR76 3000 6000 0112 3456 7890 189',
        timezone: 'Europe/Paris',
        closures: ['2026-08-10'],
      })
      .expect(200);
    expect(res.body).toMatchObject({
      siret: '73282932000074',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
      vatRegime: 'standard',
    });
  });

  it('confines a client user to its company: 403 on practice settings, 404 on another client', async () => {
    const mine = await createClient(t, consultant);
    const other = await createClient(t, consultant);
    const client = await createUser(t, consultant, 'client', mine.id);
    await t
      .http()
      .patch('/api/practice')
      .set(...bearer(client.token))
      .send({ name: 'Hack' })
      .expect(403);
    await t
      .http()
      .get('/api/practice')
      .set(...bearer(client.token))
      .expect(403);
    await t
      .http()
      .get(`/api/clients/${mine.id}`)
      .set(...bearer(client.token))
      .expect(200);
    const hidden = await t
      .http()
      .get(`/api/clients/${other.id}`)
      .set(...bearer(client.token))
      .expect(404);
    expect(hidden.body.error).toBe('Not Found');
    const list = await t
      .http()
      .get('/api/clients')
      .set(...bearer(client.token))
      .expect(200);
    expect(list.body).toEqual({ items: [expect.objectContaining({ id: mine.id })], total: 1 });
    await t
      .http()
      .post('/api/clients')
      .set(...bearer(client.token))
      .send(clientInput())
      .expect(403);
    await t
      .http()
      .get('/api/users')
      .set(...bearer(client.token))
      .expect(403);
  });

  it('lets an accountant read clients and the practice but change nothing', async () => {
    const accountant = await createUser(t, consultant, 'accountant');
    await t
      .http()
      .get('/api/clients')
      .set(...bearer(accountant.token))
      .expect(200);
    await t
      .http()
      .get('/api/practice')
      .set(...bearer(accountant.token))
      .expect(200);
    await t
      .http()
      .patch('/api/practice')
      .set(...bearer(accountant.token))
      .send({ name: 'x' })
      .expect(403);
    await t
      .http()
      .post('/api/clients')
      .set(...bearer(accountant.token))
      .send(clientInput())
      .expect(403);
    await t
      .http()
      .post('/api/activities')
      .set(...bearer(accountant.token))
      .send({ name: 'x', kind: 'other', defaultRateCents: 1 })
      .expect(403);
  });

  it('keeps the activities to the consultant: the accountant may not read them (403)', async () => {
    const accountant = await createUser(t, consultant, 'accountant');
    const activity = await t
      .http()
      .post('/api/activities')
      .set(...bearer(consultant))
      .send({ name: 'Audit', kind: 'consulting', defaultRateCents: 15000 })
      .expect(201);
    for (const path of ['/api/activities', `/api/activities/${activity.body.id}`]) {
      const res = await t
        .http()
        .get(path)
        .set(...bearer(accountant.token));
      expect(`${path} → ${res.status} ${res.body.code}`).toBe(`${path} → 403 forbidden.role`);
    }
  });

  it('invites with a one-time token that expires, and deactivation revokes tokens at once', async () => {
    const invited = await t
      .http()
      .post('/api/users')
      .set(...bearer(consultant))
      .send({ email: 'acc@example.org', role: 'accountant', displayName: 'Acc' })
      .expect(201);
    expect(invited.body.user).not.toHaveProperty('passwordHash');
    const token = invited.body.inviteToken as string;
    const stored = await t.dataSource.query(
      `SELECT "inviteTokenHash" FROM users WHERE id = '${invited.body.user.id}'`,
    );
    expect(stored[0].inviteTokenHash).not.toContain(token);
    const session = await t
      .http()
      .post('/api/auth/accept-invite')
      .send({ token, password: PASSWORD })
      .expect(200);
    await t.http().post('/api/auth/accept-invite').send({ token, password: PASSWORD }).expect(401);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(session.body.accessToken))
      .expect(200);

    const late = await t
      .http()
      .post('/api/users')
      .set(...bearer(consultant))
      .send({ email: 'late@example.org', role: 'accountant', displayName: 'Late' })
      .expect(201);
    await t.dataSource.query(
      `UPDATE users SET "inviteExpiresAt" = '2020-01-01T00:00:00.000Z' WHERE id = '${late.body.user.id}'`,
    );
    await t
      .http()
      .post('/api/auth/accept-invite')
      .send({ token: late.body.inviteToken, password: PASSWORD })
      .expect(401);

    await t
      .http()
      .delete(`/api/users/${invited.body.user.id}`)
      .set(...bearer(consultant))
      .expect(204);
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(session.body.accessToken))
      .expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'acc@example.org', password: PASSWORD })
      .expect(401);
  });

  it('requires a client for a client user and refuses a short or guessable password', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set(...bearer(consultant))
      .send({ email: 'c@example.org', role: 'client', displayName: 'C' })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('clientId');
    const invited = await t
      .http()
      .post('/api/users')
      .set(...bearer(consultant))
      .send({ email: 'short@example.org', role: 'accountant', displayName: 'S' })
      .expect(201);
    const short = await t
      .http()
      .post('/api/auth/accept-invite')
      .send({ token: invited.body.inviteToken, password: 'short' })
      .expect(400);
    expect(short.body.details[0].field).toBe('password');
    const guessable = await t
      .http()
      .post('/api/auth/accept-invite')
      .send({ token: invited.body.inviteToken, password: 'password1234' })
      .expect(400);
    expect(guessable.body.details).toEqual([
      expect.objectContaining({
        field: 'password',
        message: expect.stringMatching(
          /trop facile à deviner.*ressemble à un mot de passe courant/,
        ),
      }),
    ]);
    // The user's own email is as guessable as a common password.
    await t
      .http()
      .post('/api/auth/accept-invite')
      .send({ token: invited.body.inviteToken, password: 'short@example.org' })
      .expect(400);
    // The invitation is still good for a strong password.
    await t
      .http()
      .post('/api/auth/accept-invite')
      .send({ token: invited.body.inviteToken, password: PASSWORD })
      .expect(200);
  });

  it('lists clients with filters and pagination, and archives a referenced client instead of deleting it', async () => {
    const a = await createClient(t, consultant, { name: 'Atelier Zéphyr' });
    const unused = await createClient(t, consultant, { name: 'Zèbre Unused' });
    await createUser(t, consultant, 'client', a.id);
    const filtered = await t
      .http()
      .get('/api/clients?q=zéphyr')
      .set(...bearer(consultant))
      .expect(200);
    expect(filtered.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const page = await t
      .http()
      .get('/api/clients?limit=1&offset=1')
      .set(...bearer(consultant))
      .expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(2);
    await t
      .http()
      .delete(`/api/clients/${unused.id}`)
      .set(...bearer(consultant))
      .expect(204);
    await t
      .http()
      .get(`/api/clients/${unused.id}`)
      .set(...bearer(consultant))
      .expect(404);
    await t
      .http()
      .delete(`/api/clients/${a.id}`)
      .set(...bearer(consultant))
      .expect(204);
    const archived = await t
      .http()
      .get(`/api/clients/${a.id}`)
      .set(...bearer(consultant))
      .expect(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const active = await t
      .http()
      .get('/api/clients?q=zéphyr')
      .set(...bearer(consultant))
      .expect(200);
    expect(active.body.total).toBe(0);
    const listed = await t
      .http()
      .get('/api/clients?archived=true')
      .set(...bearer(consultant))
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(a.id);
  });

  it('manages activities and validates them', async () => {
    const created = await t
      .http()
      .post('/api/activities')
      .set(...bearer(consultant))
      .send({ name: 'Formation', kind: 'training', defaultRateCents: 12000 })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Formation',
      kind: 'training',
      defaultRateCents: 12000,
      billable: true,
    });
    const bad = await t
      .http()
      .post('/api/activities')
      .set(...bearer(consultant))
      .send({ name: '', kind: 'gardening', defaultRateCents: 12.5 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'defaultRateCents',
      'kind',
      'name',
    ]);
    await t
      .http()
      .patch(`/api/activities/${created.body.id}`)
      .set(...bearer(consultant))
      .send({ defaultRateCents: 13000 })
      .expect(200);
    const list = await t
      .http()
      .get('/api/activities?kind=training')
      .set(...bearer(consultant))
      .expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ defaultRateCents: 13000 })]);
    await t
      .http()
      .delete(`/api/activities/${created.body.id}`)
      .set(...bearer(consultant))
      .expect(204);
  });

  it('puts a request id on error bodies and response headers', async () => {
    const res = await t.http().get('/api/auth/me').set('x-request-id', 'trace-abc-123').expect(401);
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.body.requestId).toBe('trace-abc-123');
  });
});
