import { TestApp } from './app';
import { bearer, clientInput, createActivity, createClient } from './factories';
import { contractInput, createContract } from './factories/contracts';
import { startPractice } from './support/world';

/** A PATCH may leave a field out, but a null where a value is required is a 400 naming it. */
describe('PATCH with null values', () => {
  let t: TestApp;
  let consultant: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, consultant } = await startPractice());
    const client = await createClient(t, consultant);
    ids.client = client.id;
    ids.activity = (await createActivity(t, consultant)).id;
    ids.contract = (await createContract(t, consultant, client.id)).id;
    const intervention = await t
      .http()
      .post('/api/interventions')
      .set(...bearer(consultant))
      .send({
        contractId: ids.contract,
        activityId: ids.activity,
        startedAt: '2026-11-02T09:00:00+01:00',
        endedAt: '2026-11-02T10:00:00+01:00',
        urgency: 'normal',
        location: 'remote',
        description: 'Mail server',
        billable: true,
      })
      .expect(201);
    ids.intervention = intervention.body.id;
    const request = await t
      .http()
      .post('/api/requests')
      .set(...bearer(consultant))
      .send({ contractId: ids.contract, title: 'x', description: 'y', urgency: 'normal' })
      .expect(201);
    ids.request = request.body.id;
    const article = await t
      .http()
      .post('/api/articles')
      .set(...bearer(consultant))
      .send({ title: 'VPN', bodyMarkdown: 'Reconnect.', tags: [], published: true })
      .expect(201);
    ids.article = article.body.id;
  });
  afterAll(() => t.close());

  it.each([
    ['/api/practice', 'name'],
    ['/api/practice', 'siren'],
    ['/api/practice', 'address'],
    ['/api/clients/:client', 'name'],
    ['/api/clients/:client', 'billingEmail'],
    ['/api/clients/:client', 'address'],
    ['/api/activities/:activity', 'defaultRateCents'],
    ['/api/contracts/:contract', 'startDate'],
    ['/api/contracts/:contract', 'title'],
    ['/api/interventions/:intervention', 'urgency'],
    ['/api/interventions/:intervention', 'description'],
    ['/api/interventions/:intervention', 'billable'],
    ['/api/interventions/:intervention', 'contractId'],
    ['/api/requests/:request', 'status'],
    ['/api/articles/:article', 'title'],
  ])('PATCH %s { %s: null } → 400 naming the field', async (path, field) => {
    const url = path.replace(/:(\w+)/, (_, key: string) => ids[key]);
    const res = await t
      .http()
      .patch(url)
      .set(...bearer(consultant))
      .send({ [field]: null })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('still clears a field that may be empty (a contract with no end, a client without VAT number)', async () => {
    await t
      .http()
      .patch(`/api/contracts/${ids.contract}`)
      .set(...bearer(consultant))
      .send({ endDate: null })
      .expect(200);
    const client = await t
      .http()
      .patch(`/api/clients/${ids.client}`)
      .set(...bearer(consultant))
      .send({ vatNumber: null })
      .expect(200);
    expect(client.body.vatNumber).toBeNull();
  });
});

type Problem = { field: string; code: string; message: string; [figure: string]: unknown };

/** A problem without its words: what stays the same in every language. */
const figures = ({ message: _message, ...rest }: Problem) => rest;

/** The words for people, in the language of Accept-Language; the codes and figures for machines. */
describe('refused input in the reader’s language', () => {
  let t: TestApp;
  let consultant: string;
  let clientId: string;

  beforeAll(async () => {
    ({ t, consultant } = await startPractice());
    clientId = (await createClient(t, consultant)).id;
  });
  afterAll(() => t.close());

  const send = (method: 'post' | 'patch', url: string, body: object, language?: string) => {
    const req = t
      .http()
      [method](url)
      .set(...bearer(consultant));
    return (language ? req.set('Accept-Language', language) : req).send(body);
  };

  it('says a negative fee once, on monthlyFeeCents, in French and in English with the same figures', async () => {
    const body = contractInput(clientId, { billing: { monthlyFeeCents: -50 } });
    const fr = await send('post', '/api/contracts', body, 'fr').expect(400);
    const en = await send('post', '/api/contracts', body, 'en').expect(400);
    for (const res of [fr, en]) {
      expect(res.body.code).toBe('invalid.input');
      expect(res.body.details.map(figures)).toEqual([
        { field: 'billing.monthlyFeeCents', code: 'min', min: 0, unit: 'cents' },
      ]);
    }
    expect(fr.body.details[0].message).toBe(
      'Le champ « Forfait mensuel » ne peut pas être négatif',
    );
    expect(en.body.details[0].message).toBe('Monthly fee cannot be negative');
    expect(fr.body.message).toBe('Un champ n’est pas valide : Forfait mensuel');
    expect(en.body.message).toBe('One field is not valid: Monthly fee');
  });

  it('gives the same codes, fields and figures in both languages, one problem per field, the most basic first', async () => {
    const body = {
      name: '',
      siren: '123456789',
      billingEmail: 'nobody',
      locale: 'de',
      colour: 'red',
    };
    const fr = await send('post', '/api/clients', body, 'fr').expect(400);
    const en = await send('post', '/api/clients', body, 'en-GB,en;q=0.9').expect(400);
    expect(fr.body.code).toBe('invalid.input');
    expect(en.body.code).toBe('invalid.input');
    expect(fr.body.details.map(figures)).toEqual(en.body.details.map(figures));
    expect(fr.body.details.map(figures)).toEqual([
      { field: 'colour', code: 'whitelistValidation' },
      { field: 'name', code: 'isNotEmpty' },
      { field: 'address', code: 'isDefined' },
      { field: 'siren', code: 'isSiren' },
      { field: 'billingEmail', code: 'isEmail' },
      { field: 'locale', code: 'isIn', values: 'fr, en' },
    ]);
    const words = (res: typeof fr) =>
      Object.fromEntries((res.body.details as Problem[]).map((d) => [d.field, d.message]));
    expect(words(fr)).toEqual({
      colour: 'Le champ « colour » n’est pas attendu ici',
      name: 'Le champ « Nom » ne peut pas être vide',
      address: 'Le champ « Adresse » est obligatoire',
      siren: 'Le SIREN doit compter 9 chiffres et une clé valide',
      billingEmail: 'Le champ « E-mail de facturation » doit être une adresse e-mail valide',
      locale: 'Le champ « Langue » doit valoir l’une de ces valeurs : fr, en',
    });
    expect(words(en)).toEqual({
      colour: 'colour is not expected here',
      name: 'Name cannot be empty',
      address: 'Address is required',
      siren: 'The SIREN must have 9 digits and a valid check digit',
      billingEmail: 'Billing email must be a valid email address',
      locale: 'Language must be one of these values: fr, en',
    });
    expect(fr.body.message).toBe('Des champs ne sont pas valides : colour et 5 autres');
    expect(en.body.message).toBe('Some fields are not valid: colour and 5 others');
    // Neither the values sent nor the objects validated come back.
    const text = JSON.stringify([fr.body, en.body]);
    expect(text).not.toContain('123456789');
    expect(text).not.toContain('nobody');
    expect(text).not.toContain('target');
  });

  it('says French by default, and keeps the figures of a bound (maximum, minutes)', async () => {
    const body = contractInput(clientId, {
      billing: { roundingMinutes: 300, monthlyFeeCents: 'x' },
    });
    const res = await send('post', '/api/contracts', body).expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'billing.monthlyFeeCents',
        code: 'isInt',
        message: 'Le champ « Forfait mensuel » doit être un nombre entier',
      },
      {
        field: 'billing.roundingMinutes',
        code: 'max',
        max: 240,
        unit: 'minutes',
        message: 'Le champ « Arrondi » doit valoir au plus 240 minutes',
      },
    ]);
  });

  it('codes and words the pipe’s own refusals: a malformed id, a body too deep', async () => {
    for (const [language, words] of [
      ['fr', 'Le champ « Identifiant » doit être un identifiant (UUID)'],
      ['en', 'Identifier must be an identifier (UUID)'],
    ]) {
      const res = await t
        .http()
        .get('/api/contracts/not-a-uuid')
        .set(...bearer(consultant))
        .set('Accept-Language', language)
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'invalid.input',
        details: [{ field: 'id', code: 'isUuid', message: words }],
      });
    }
    const deep = await t
      .http()
      .post('/api/clients')
      .set(...bearer(consultant))
      .set('content-type', 'application/json')
      .set('Accept-Language', 'en')
      .send(`{"name":${'['.repeat(40)}${']'.repeat(40)}}`)
      .expect(400);
    expect(deep.body.details).toEqual([
      {
        field: 'body',
        code: 'maxDepth',
        maxDepth: 16,
        message: 'Request body nests more than 16 levels',
      },
    ]);
  });
});

/** SIREN, SIRET, VAT numbers and IBANs are taken as people type them, and stored normalised. */
describe('identifiers as people type them', () => {
  let t: TestApp;
  let consultant: string;

  beforeAll(async () => {
    ({ t, consultant } = await startPractice());
  });
  afterAll(() => t.close());

  const api = (method: 'get' | 'post' | 'patch', url: string, body?: object) =>
    t
      .http()
      [method](url)
      .set(...bearer(consultant))
      .send(body);

  it('stores a client’s SIREN and VAT number without their spaces, dots and dashes', async () => {
    const created = await api(
      'post',
      '/api/clients',
      clientInput({
        name: 'Parfums Lumière',
        siren: '732 829.320',
        vatNumber: 'fr 44-732 829 320',
      }),
    ).expect(201);
    expect(created.body).toMatchObject({ siren: '732829320', vatNumber: 'FR44732829320' });
    const read = await api('get', `/api/clients/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ siren: '732829320', vatNumber: 'FR44732829320' });
  });

  it('keeps a tax identifier outside the EU as its country writes it, within the column', async () => {
    const swiss = { line1: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zurich', country: 'CH' };
    const created = await api(
      'post',
      '/api/clients',
      clientInput({ siren: null, address: swiss, vatNumber: ' CHE-123.456.789 MWST ' }),
    ).expect(201);
    expect(created.body.vatNumber).toBe('CHE-123.456.789 MWST');
    const tooLong = await api(
      'post',
      '/api/clients',
      clientInput({ siren: null, address: swiss, vatNumber: 'CHE-123.456.789 MWST TVA' }),
    ).expect(400);
    expect(tooLong.body.details).toEqual([
      expect.objectContaining({ field: 'vatNumber', code: 'maxLength', maxLength: 20 }),
    ]);
  });

  it('stores the practice’s SIRET, VAT number and IBAN normalised', async () => {
    const res = await api('patch', '/api/practice', {
      siren: '732 829 320',
      siret: '732 829 320 00074',
      vatNumber: 'FR 44 732 829 320',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
    }).expect(200);
    expect(res.body).toMatchObject({
      siren: '732829320',
      siret: '73282932000074',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
    });
  });

  it('still refuses a typed SIREN whose key is wrong, naming it', async () => {
    const res = await api('post', '/api/clients', clientInput({ siren: '732 829 321' })).expect(
      400,
    );
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'siren', code: 'isSiren' }),
    ]);
  });

  it('refuses a second client with a SIREN already taken, naming the client that has it', async () => {
    const first = await api(
      'post',
      '/api/clients',
      clientInput({ name: 'Imprimerie Durand', siren: '356000000' }),
    ).expect(201);
    for (const [language, words, summary] of [
      [
        'fr',
        'Ce SIREN est déjà celui du client Imprimerie Durand',
        'Le SIREN 356000000 est déjà celui du client Imprimerie Durand',
      ],
      [
        'en',
        'This SIREN is already that of the client Imprimerie Durand',
        'The SIREN 356000000 is already that of the client Imprimerie Durand',
      ],
    ]) {
      const again = await t
        .http()
        .post('/api/clients')
        .set(...bearer(consultant))
        .set('Accept-Language', language)
        .send(clientInput({ name: 'Durand Impressions', siren: '356 000 000' }))
        .expect(409);
      expect(again.body).toMatchObject({
        code: 'conflict.duplicate_siren',
        message: summary,
        details: [
          {
            field: 'siren',
            code: 'duplicateSiren',
            siren: '356000000',
            client: 'Imprimerie Durand',
            message: words,
          },
        ],
      });
    }
    const other = await api('post', '/api/clients', clientInput()).expect(201);
    const moved = await api('patch', `/api/clients/${other.body.id}`, { siren: '356.000.000' });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('conflict.duplicate_siren');
    // The client that has it may be saved with it again.
    await api('patch', `/api/clients/${first.body.id}`, { siren: '356000000' }).expect(200);
    const { body } = await api('get', '/api/clients?q=Durand').expect(200);
    expect(body.total).toBe(1);
  });

  it('makes one of two clients sent at once with the same SIREN, and refuses the other', async () => {
    const answers = await Promise.all(
      ['Atelier Martin', 'Martin Atelier', 'Ateliers Martin'].map((name) =>
        api('post', '/api/clients', clientInput({ name, siren: '918 273 657' })),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const { body } = await api('get', '/api/clients?q=Martin').expect(200);
    expect(body.total).toBe(1);
  });
});
