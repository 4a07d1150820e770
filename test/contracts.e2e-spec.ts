import { fieldLabel } from '../src/common/error-text';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { contractInput, createContract } from './factories/contracts';

describe('contracts: terms, coherence, tenants', () => {
  let t: TestApp;
  let consultant: string;
  let acme: { id: string };
  let globex: { id: string };
  let acmeUser: string;

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
    acme = await createClient(t, consultant, { name: 'ACME' });
    globex = await createClient(t, consultant, { name: 'Globex' });
    acmeUser = (await createUser(t, consultant, 'client', acme.id)).token;
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/contracts')
      .set(...bearer(consultant))
      .send(body);

  it('creates a retainer and answers it with its terms and standing', async () => {
    const input = contractInput(acme.id, { reference: 'ACME-2026' });
    const res = await post(input).expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      clientId: acme.id,
      reference: 'ACME-2026',
      startDate: '2026-01-01',
      endDate: null,
      billing: { mode: 'retainer', monthlyFeeCents: 60000, includedMinutesPerMonth: 600 },
      urgencyPolicy: { levels: { critical: { monthlyQuota: 2, overQuota: 'reject' } } },
      standing: 'active',
      active: true,
      archivedAt: null,
    });
    const read = await t
      .http()
      .get(`/api/contracts/${res.body.id}`)
      .set(...bearer(consultant))
      .expect(200);
    expect(read.body.billing).toEqual(res.body.billing);
  });

  it.each([
    {
      case: 'a retainer without its monthly fee',
      overrides: { billing: { monthlyFeeCents: undefined } },
      field: 'billing.monthlyFeeCents',
    },
    {
      case: 'a retainer without included minutes',
      overrides: { billing: { includedMinutesPerMonth: undefined } },
      field: 'billing.includedMinutesPerMonth',
    },
    {
      case: 'a prepaid contract without its block',
      overrides: { billing: { mode: 'prepaid' } },
      field: 'billing.prepaidMinutes',
    },
    {
      case: 'an overage level without a fee',
      overrides: { urgencyPolicy: { levels: { critical: { overQuota: 'overage' } } } },
      field: 'urgencyPolicy.levels.critical.overageFeeCents',
    },
    {
      case: 'an end before the start',
      overrides: { startDate: '2026-06-01', endDate: '2026-05-31' },
      field: 'endDate',
    },
    {
      case: 'a quota-0 downgrade with no lower level ever having room',
      overrides: {
        urgencyPolicy: {
          levels: {
            low: { monthlyQuota: 0 },
            normal: { monthlyQuota: 0 },
            high: { monthlyQuota: 0, overQuota: 'downgrade' },
          },
        },
      },
      field: 'urgencyPolicy.levels.high.overQuota',
    },
    {
      case: 'payment terms over 60 days',
      overrides: { paymentTermsDays: 61 },
      field: 'paymentTermsDays',
    },
    {
      case: 'a rounding increment of 0',
      overrides: { billing: { roundingMinutes: 0 } },
      field: 'billing.roundingMinutes',
    },
    {
      case: 'a rounding increment over 4 hours',
      overrides: { billing: { roundingMinutes: 241 } },
      field: 'billing.roundingMinutes',
    },
    {
      case: 'a minimum over a day',
      overrides: { billing: { minimumBillableMinutes: 1441 } },
      field: 'billing.minimumBillableMinutes',
    },
    {
      case: 'a roll-over over a year',
      overrides: { billing: { rolloverMonths: 13 } },
      field: 'billing.rolloverMonths',
    },
    {
      case: 'a quota that is not a number',
      overrides: { urgencyPolicy: { levels: { normal: { monthlyQuota: 'many' } } } },
      field: 'urgencyPolicy.levels.normal.monthlyQuota',
    },
    {
      case: 'a level missing',
      overrides: { urgencyPolicy: { levels: { low: undefined } } },
      field: 'urgencyPolicy.levels.low',
    },
    {
      case: 'an unknown clock',
      overrides: { urgencyPolicy: { levels: { high: { clock: 'always' } } } },
      field: 'urgencyPolicy.levels.high.clock',
    },
    {
      case: 'a rate for an unknown activity',
      overrides: {
        billing: {
          activityRates: [
            { activityId: '00000000-0000-4000-8000-000000000000', hourlyRateCents: 1 },
          ],
        },
      },
      field: 'billing.activityRates.0.activityId',
    },
  ])('refuses $case, naming $field, and stores nothing', async ({ overrides, field }) => {
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM contracts');
    const res = await post(contractInput(acme.id, overrides)).expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
    );
    // A refused input names the field's label; a rule of the contracts says what is wrong, in
    // words for people rather than the field's path.
    expect(res.body.message).toContain(
      res.body.code === 'invalid.input' ? fieldLabel('fr', field) : res.body.details[0].message,
    );
    expect(res.body.message).not.toContain(field);
    const after = await t.dataSource.query('SELECT COUNT(*) AS n FROM contracts');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });

  it('refuses an unknown client, naming clientId', async () => {
    const res = await post(contractInput('00000000-0000-4000-8000-000000000000')).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'clientId' })]);
  });

  it('names every bad field at once', async () => {
    const res = await post(
      contractInput(acme.id, {
        endDate: '2025-01-01',
        billing: { monthlyFeeCents: undefined },
        urgencyPolicy: { levels: { high: { overQuota: 'overage', overageFeeCents: 0 } } },
      }),
    ).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining([
        'endDate',
        'billing.monthlyFeeCents',
        'urgencyPolicy.levels.high.overageFeeCents',
      ]),
    );
  });

  it('refuses unknown fields, nested ones too', async () => {
    const res = await post(contractInput(acme.id, { billing: { discountPercent: 10 } })).expect(
      400,
    );
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'billing.discountPercent' }),
    ]);
  });

  it('refuses a second contract with the same reference (409)', async () => {
    await createContract(t, consultant, acme.id, { reference: 'DUP-1' });
    const res = await post(contractInput(globex.id, { reference: 'DUP-1' })).expect(409);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'reference' })]);
  });

  it('accepts activity rates for known activities and keeps only the fields of the mode', async () => {
    const training = await createActivity(t, consultant, { name: 'Training', kind: 'training' });
    const contract = await createContract(t, consultant, acme.id, {
      billing: {
        mode: 'prepaid',
        prepaidMinutes: 1200,
        activityRates: [{ activityId: training.id, hourlyRateCents: 12000 }],
      },
    });
    expect(contract.billing).toMatchObject({
      mode: 'prepaid',
      prepaidMinutes: 1200,
      monthlyFeeCents: null,
      includedMinutesPerMonth: null,
      activityRates: [{ activityId: training.id, hourlyRateCents: 12000 }],
    });
  });

  describe('a client user', () => {
    let own: { id: string };
    let other: { id: string };
    beforeAll(async () => {
      own = await createContract(t, consultant, acme.id);
      other = await createContract(t, consultant, globex.id);
    });

    it("reads its own company's contract", async () => {
      await t
        .http()
        .get(`/api/contracts/${own.id}`)
        .set(...bearer(acmeUser))
        .expect(200);
    });

    it("gets 404 for another company's contract, as for an unknown one", async () => {
      const res = await t
        .http()
        .get(`/api/contracts/${other.id}`)
        .set(...bearer(acmeUser))
        .expect(404);
      expect(res.body).toMatchObject({ code: 'not_found.contract' });
    });

    it('lists only its own contracts, even when asking for another client', async () => {
      const mine = await t
        .http()
        .get('/api/contracts')
        .set(...bearer(acmeUser))
        .expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((c: { clientId: string }) => c.clientId === acme.id)).toBe(true);
      const theirs = await t
        .http()
        .get(`/api/contracts?clientId=${globex.id}`)
        .set(...bearer(acmeUser))
        .expect(200);
      expect(theirs.body).toEqual({ items: [], total: 0 });
    });

    it('cannot create, change or delete a contract (403)', async () => {
      await t
        .http()
        .post('/api/contracts')
        .set(...bearer(acmeUser))
        .send(contractInput(acme.id))
        .expect(403);
      await t
        .http()
        .patch(`/api/contracts/${own.id}`)
        .set(...bearer(acmeUser))
        .send({ title: 'Free support' })
        .expect(403);
      await t
        .http()
        .delete(`/api/contracts/${own.id}`)
        .set(...bearer(acmeUser))
        .expect(403);
    });
  });

  it('lists with filters and pagination', async () => {
    const client = await createClient(t, consultant, { name: 'Initech' });
    await createContract(t, consultant, client.id, { reference: 'INI-A', endDate: '2026-03-31' });
    await createContract(t, consultant, client.id, { reference: 'INI-B' });
    await createContract(t, consultant, client.id, { reference: 'INI-C', startDate: '2026-02-01' });
    const list = (q: string) =>
      t
        .http()
        .get(`/api/contracts?clientId=${client.id}${q}`)
        .set(...bearer(consultant))
        .expect(200);
    expect((await list('')).body.total).toBe(3);
    const active = (await list('&active=true')).body;
    expect(active.items.map((c: { reference: string }) => c.reference).sort()).toEqual([
      'INI-B',
      'INI-C',
    ]);
    const ended = (await list('&active=false')).body;
    expect(ended.items).toEqual([
      expect.objectContaining({ reference: 'INI-A', standing: 'ended' }),
    ]);
    const page = (await list('&limit=2&offset=2')).body;
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });

  it('changes terms with PATCH, checking coherence of the result', async () => {
    const contract = await createContract(t, consultant, acme.id);
    const bad = await t
      .http()
      .patch(`/api/contracts/${contract.id}`)
      .set(...bearer(consultant))
      .send({ endDate: '2025-12-01' })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'endDate' })]);
    const good = await t
      .http()
      .patch(`/api/contracts/${contract.id}`)
      .set(...bearer(consultant))
      .send({ title: 'Support 2026', paymentTermsDays: 45 })
      .expect(200);
    expect(good.body).toMatchObject({
      title: 'Support 2026',
      paymentTermsDays: 45,
      reference: contract.reference,
      billing: contract.billing,
    });
    await t
      .http()
      .patch(`/api/contracts/${contract.id}`)
      .set(...bearer(consultant))
      .send({ clientId: globex.id })
      .expect(400);
  });

  it('deletes an unused contract, archives one that requests refer to', async () => {
    const unused = await createContract(t, consultant, acme.id);
    await t
      .http()
      .delete(`/api/contracts/${unused.id}`)
      .set(...bearer(consultant))
      .expect(204);
    await t
      .http()
      .get(`/api/contracts/${unused.id}`)
      .set(...bearer(consultant))
      .expect(404);

    const used = await createContract(t, consultant, acme.id);
    await t
      .http()
      .post('/api/requests')
      .set(...bearer(acmeUser))
      .send({ contractId: used.id, title: 'Printer', description: 'It jams', urgency: 'low' })
      .expect(201);
    await t
      .http()
      .delete(`/api/contracts/${used.id}`)
      .set(...bearer(consultant))
      .expect(204);
    const archived = await t
      .http()
      .get(`/api/contracts/${used.id}`)
      .set(...bearer(consultant))
      .expect(200);
    expect(archived.body).toMatchObject({ standing: 'archived', active: false });
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const restored = await t
      .http()
      .post(`/api/contracts/${used.id}/restore`)
      .set(...bearer(consultant))
      .expect(200);
    expect(restored.body).toMatchObject({ standing: 'active', archivedAt: null });
  });

  it('lists its routes in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/contracts',
        '/api/contracts/{id}',
        '/api/contracts/{id}/restore',
      ]),
    );
  });
});
