import { startTestApp, type TestApp } from './app';
import { bearer, createActivity, createClient, createUser, PASSWORD } from './factories';
import { createContract } from './factories/contracts';
import { interventionInput, logIntervention } from './factories/interventions';
import { summaryOf } from './support/form-problems';
import { WebSession } from './support/web';
import { inputOf, textOfId, problemBeside } from './support/html';

/** The form as a person fills it in, spaces in the identifiers as they are printed. */
const FILLED: Record<string, string> = {
  displayName: 'Camille Martin',
  email: 'camille@example.fr',
  password: PASSWORD,
  practiceName: 'Camille Martin Conseil',
  legalForm: 'EI',
  siren: '732 829 320',
  siret: '732 829 320 00074',
  vatRegime: 'standard',
  vatNumber: 'FR 44 732 829 320',
  line1: '12 rue des Lilas',
  postalCode: '69003',
  city: 'Lyon',
  country: 'FR',
  practiceEmail: '',
  timezone: 'Europe/Paris',
  holidayCalendar: 'FR',
  opens: '09:00',
  closes: '18:00',
  locale: 'fr',
};

/** Mon–Fri ticked, as the form first shows them. */
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'];

function formBody(values: Record<string, string>, days = WEEK): string {
  const body = new URLSearchParams(values);
  for (const day of days) body.append('days', day);
  return body.toString();
}

/** A page session posting the setup form with its ticked days (repeated `days` fields). */
async function postSetup(t: TestApp, web: WebSession, values: Record<string, string>) {
  const csrf = web.csrf();
  const cookies = (web as unknown as { cookies: Map<string, string> }).cookies;
  const res = await t
    .http()
    .post('/setup')
    .set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`${formBody(values)}&_csrf=${encodeURIComponent(csrf)}`);
  web.lastHtml = res.text;
  for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    cookies.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return res;
}

async function counts(t: TestApp): Promise<{ users: number; practices: number }> {
  const [users] = await t.dataSource.query('SELECT COUNT(*) AS n FROM users');
  const [practices] = await t.dataSource.query('SELECT COUNT(*) AS n FROM practice');
  return { users: Number(users.n), practices: Number(practices.n) };
}

describe('first start from the web: /setup', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('leads / and /login to /setup while nobody exists', async () => {
    const home = await t.http().get('/').expect(303);
    expect(home.headers.location).toBe('/setup');
    const login = await t.http().get('/login?next=%2Fconsole').expect(303);
    expect(login.headers.location).toBe('/setup');
  });

  it('offers the form with the defaults: Paris time, French holidays, Monday to Friday 09:00–18:00', async () => {
    const res = await t.http().get('/setup').expect(200);
    expect(res.text).toContain('Créer votre cabinet');
    expect(res.text).toMatch(/<option value="Europe\/Paris" selected>/);
    expect(res.text).toMatch(/<option value="FR" selected>France<\/option>/);
    expect(res.text).toMatch(/<option value="franchise" selected>/);
    for (const day of WEEK) expect(res.text).toMatch(new RegExp(`value="${day}" checked`));
    for (const day of ['sat', 'sun']) expect(res.text).toMatch(new RegExp(`value="${day}">`));
    expect(inputOf(res.text, 'opens')).toContain('value="09:00"');
    expect(inputOf(res.text, 'closes')).toContain('value="18:00"');
    expect(res.text).toContain('<script src="/assets/setup.js" defer></script>');
    const en = await t.http().get('/setup').set('Accept-Language', 'en').expect(200);
    expect(en.text).toContain('Set up your practice');
  });

  it('shows each bad field beside it, keeps what was typed but the password, and creates nothing', async () => {
    const web = new WebSession(t);
    await web.get('/setup');
    const res = await postSetup(t, web, {
      ...FILLED,
      email: 'pas-une-adresse',
      password: 'court',
      siren: '732 829 321',
      city: '',
    });
    expect(res.status).toBe(400);
    const html = res.text;
    expect(problemBeside(html, 'su-email')).toMatch(/e-mail/i);
    expect(problemBeside(html, 'su-password')).toMatch(/12 caractères/);
    expect(problemBeside(html, 'su-siren')).toMatch(/SIREN/);
    expect(problemBeside(html, 'su-city')).not.toBe('');
    for (const fine of ['practiceName', 'line1', 'postalCode', 'siret']) {
      expect(inputOf(html, fine)).not.toContain('aria-invalid');
    }
    // The summary above the form links to each field, once each.
    expect(summaryOf(html, 'su').map((p) => p.href)).toEqual([
      '#su-email',
      '#su-password',
      '#su-siren',
      '#su-city',
    ]);
    expect(inputOf(html, 'siren')).toContain('value="732 829 321"');
    expect(inputOf(html, 'practiceName')).toContain('value="Camille Martin Conseil"');
    expect(inputOf(html, 'password')).toContain('value=""');
    expect(html).not.toContain(PASSWORD);
    expect(await counts(t)).toEqual({ users: 0, practices: 0 });
  });

  it('asks a company for its registry, the registry’s city and its share capital, with the other problems', async () => {
    const blank = await t.http().get('/setup').expect(200);
    expect(blank.text).toMatch(
      /<fieldset class="stack" id="su-company" data-company-forms="[^"]*\bSASU\b[^"]*">/,
    );
    expect(blank.text).toMatch(
      /<option value="RCS">RCS \(registre du commerce et des sociétés\)<\/option>/,
    );
    for (const name of ['tradeRegistryCity', 'shareCapital'])
      expect(inputOf(blank.text, name)).toContain('value=""');
    const web = new WebSession(t);
    await web.get('/setup');
    const first = await postSetup(t, web, {
      ...FILLED,
      legalForm: 'SASU',
      email: 'pas-une-adresse',
    });
    expect(first.status).toBe(400);
    expect(problemBeside(first.text, 'su-email')).toMatch(/e-mail/i);
    expect(problemBeside(first.text, 'su-tradeRegistry')).toBe(
      'Une société (SASU) indique son immatriculation : RCS ou RM',
    );
    expect(problemBeside(first.text, 'su-tradeRegistryCity')).toContain('ville de son greffe');
    expect(problemBeside(first.text, 'su-shareCapital')).toBe(
      'Une société (SASU) indique son capital social',
    );
    // The practice's own checks say the same once the rest is right.
    const company = await postSetup(t, web, {
      ...FILLED,
      legalForm: 'SARL',
      tradeRegistry: 'RCS',
      tradeRegistryCity: 'Lyon',
    });
    expect(company.status).toBe(400);
    expect(summaryOf(company.text, 'su').map((p) => p.href)).toEqual(['#su-shareCapital']);
    expect(problemBeside(company.text, 'su-shareCapital')).toBe(
      'Une société (SARL) indique son capital social',
    );
    expect(company.text).toMatch(/<option value="RCS" selected>/);
    expect(inputOf(company.text, 'tradeRegistryCity')).toContain('value="Lyon"');
    const notAnAmount = await postSetup(t, web, {
      ...FILLED,
      legalForm: 'SARL',
      tradeRegistry: 'RCS',
      tradeRegistryCity: 'Lyon',
      shareCapital: 'mille',
    });
    expect(notAnAmount.status).toBe(400);
    expect(problemBeside(notAnAmount.text, 'su-shareCapital')).not.toBe('');
    expect(await counts(t)).toEqual({ users: 0, practices: 0 });
  });

  it('refuses what only the services know: a SIRET of another SIREN, a VAT number of another company, a guessable password', async () => {
    const web = new WebSession(t);
    await web.get('/setup');
    const coherence = await postSetup(t, web, {
      ...FILLED,
      siret: '443 061 841 00047',
      vatNumber: 'FR 64 443061841',
    });
    expect(coherence.status).toBe(400);
    expect(problemBeside(coherence.text, 'su-siret')).toMatch(/SIRET/);
    expect(problemBeside(coherence.text, 'su-vatNumber')).toMatch(/TVA/);
    const charging = await postSetup(t, web, { ...FILLED, vatNumber: '' });
    expect(charging.status).toBe(400);
    expect(problemBeside(charging.text, 'su-vatNumber')).toMatch(/TVA/);
    const weak = await postSetup(t, web, { ...FILLED, password: 'camillemartin1' });
    expect(weak.status).toBe(400);
    expect(problemBeside(weak.text, 'su-password')).toContain('trop facile à deviner');
    expect(await counts(t)).toEqual({ users: 0, practices: 0 });
  });

  it('creates the practice and the consultant with one form, signs in and lands on the console with its first steps', async () => {
    const web = new WebSession(t);
    await web.get('/setup');
    const res = await postSetup(t, web, FILLED);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console');
    const console = await web.get('/console');
    expect(console.status).toBe(200);
    expect(textOfId(console.text, 'first-steps-h')).toBe('Pour bien démarrer');
    expect(console.text).toContain('0 sur 5 fait');

    const session = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@example.fr', password: PASSWORD })
      .expect(200);
    const practice = await t
      .http()
      .get('/api/practice')
      .set(...bearer(session.body.accessToken))
      .expect(200);
    expect(practice.body).toMatchObject({
      name: 'Camille Martin Conseil',
      legalForm: 'EI',
      siren: '732829320',
      siret: '73282932000074',
      vatRegime: 'standard',
      vatNumber: 'FR44732829320',
      email: 'camille@example.fr',
      address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
      timezone: 'Europe/Paris',
      holidayCalendar: 'FR',
      locale: 'fr',
    });
    expect(practice.body.businessHours).toEqual({
      mon: [['09:00', '18:00']],
      tue: [['09:00', '18:00']],
      wed: [['09:00', '18:00']],
      thu: [['09:00', '18:00']],
      fri: [['09:00', '18:00']],
      sat: [],
      sun: [],
    });
    expect(await counts(t)).toEqual({ users: 1, practices: 1 });
  });

  it('ticks each first step on the console as it is done, each a link to where it is done, and drops the box once all are', async () => {
    const web = new WebSession(t);
    await web.signIn('camille@example.fr', PASSWORD);
    const token = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'camille@example.fr', password: PASSWORD })
        .expect(200)
    ).body.accessToken as string;
    const step = async (name: string) => {
      const html = (await web.get('/console')).text;
      const item = new RegExp(`<li data-step="${name}"( data-done)?>([\\s\\S]*?)</li>`).exec(html);
      if (!item) throw new Error(`no step ${name}`);
      return { done: item[1] !== undefined, href: /href="([^"]+)"/.exec(item[2])![1] };
    };
    expect(await step('activities')).toEqual({ done: false, href: '/console/activities' });
    expect(await step('client')).toEqual({ done: false, href: '/console/clients#new-client' });
    expect(await step('contract')).toEqual({
      done: false,
      href: '/console/contracts#new-contract',
    });
    expect(await step('staff')).toEqual({ done: false, href: '/console/users' });
    expect(await step('intervention')).toEqual({ done: false, href: '/console#log' });

    const activity = await createActivity(t, token);
    expect((await step('activities')).done).toBe(true);
    expect((await step('client')).done).toBe(false);
    const client = await createClient(t, token);
    const contract = await createContract(t, token, client.id);
    expect((await step('contract')).done).toBe(true);
    // An accountant is not the client's staff.
    await createUser(t, token, 'accountant');
    expect((await step('staff')).done).toBe(false);
    await createUser(t, token, 'client', client.id);
    const page = (await web.get('/console')).text;
    expect(page).toContain('4 sur 5 fait');
    await logIntervention(t, token, interventionInput(contract.id, activity.id)).expect(201);
    const done = await web.get('/console');
    expect(done.status).toBe(200);
    expect(done.text).not.toContain('id="first-steps"');
  });

  it('is gone once set up: /setup leads to sign-in, a second setup is refused, / and /login are as usual', async () => {
    const before = await counts(t);
    expect(before.practices).toBe(1);
    const gone = await t.http().get('/setup').expect(303);
    expect(gone.headers.location).toBe('/login');
    expect((await t.http().get('/').expect(303)).headers.location).toBe('/login?next=%2F');
    const web = new WebSession(t);
    expect((await web.get('/login')).status).toBe(200);
    const again = await postSetup(t, web, { ...FILLED, email: 'intrus@example.fr' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Gardefou est déjà prêt');
    expect(again.headers['set-cookie'] ?? []).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^gf_session=/)]),
    );
    await t
      .http()
      .post('/api/auth/setup')
      .send({
        email: 'intrus@example.fr',
        password: PASSWORD,
        displayName: 'Intrus',
        practice: {
          name: 'Autre',
          legalForm: 'EI',
          siren: '443061841',
          address: { line1: '1 rue Neuve', postalCode: '69001', city: 'Lyon', country: 'FR' },
          email: 'intrus@example.fr',
        },
      })
      .expect(409);
    expect(await counts(t)).toEqual(before);
  });
});

describe('first start from the web: a company', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('creates a SASU with its registry, its city and its share capital', async () => {
    const web = new WebSession(t);
    await web.get('/setup');
    const res = await postSetup(t, web, {
      ...FILLED,
      legalForm: 'SASU',
      tradeRegistry: 'RCS',
      tradeRegistryCity: ' Lyon ',
      shareCapital: '1 000,50',
    });
    expect(res.status).toBe(303);
    const session = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'camille@example.fr', password: PASSWORD })
      .expect(200);
    const practice = await t
      .http()
      .get('/api/practice')
      .set(...bearer(session.body.accessToken))
      .expect(200);
    expect(practice.body).toMatchObject({
      legalForm: 'SASU',
      tradeRegistry: 'RCS',
      tradeRegistryCity: 'Lyon',
      shareCapitalCents: 100050,
    });
  });
});

describe('first start from the web: two setups at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('lets one win: one consultant signed in, the other told it is already set up, one practice', async () => {
    const first = new WebSession(t);
    const second = new WebSession(t);
    await first.get('/setup');
    await second.get('/setup');
    const api = t
      .http()
      .post('/api/auth/setup')
      .send({
        email: 'dominique@example.fr',
        password: PASSWORD,
        displayName: 'Dominique Petit',
        practice: {
          name: 'Petit Informatique',
          legalForm: 'EI',
          siren: '443061841',
          address: { line1: '1 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' },
          email: 'dominique@example.fr',
        },
      })
      .then((r) => r);
    const answers = await Promise.all([
      postSetup(t, first, FILLED),
      postSetup(t, second, { ...FILLED, email: 'claude@example.fr', practiceName: 'Claude' }),
      api,
    ]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303 || s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    for (const lost of answers.filter((r) => r.status === 409 && r.type === 'text/html')) {
      expect(lost.text).toContain('Gardefou est déjà prêt');
    }
    expect(await counts(t)).toEqual({ users: 1, practices: 1 });
  });
});

describe('first start from the web: the setup limit per address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  it('counts the page and the API together and refuses beyond the limit', async () => {
    await t.http().post('/api/auth/setup').send({}).expect(400);
    const web = new WebSession(t);
    await web.get('/setup');
    expect((await postSetup(t, web, { ...FILLED, siren: '1' })).status).toBe(400);
    await web.get('/setup');
    expect((await postSetup(t, web, { ...FILLED, siren: '2' })).status).toBe(400);
    await web.get('/setup');
    const refused = await postSetup(t, web, FILLED);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await counts(t)).toEqual({ users: 0, practices: 0 });
  });
});
