import { QuotaUnit } from '../src/requests/quota-unit.entity';
import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, setupConsultant } from './factories';
import { createContract, type CreatedContract } from './factories/contracts';

/** Wednesday 2 December 2026, 10:00 in Paris. */
const NOW = '2026-12-02T10:00:00+01:00';

describe('requests: cancelling one while it is open', () => {
  let t: TestApp;
  let consultant: string;
  let contract: CreatedContract;
  let staff: string;
  let colleague: string;
  let stranger: string;

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
    const acme = await createClient(t, consultant, { name: 'ACME' });
    const globex = await createClient(t, consultant, { name: 'Globex' });
    // Critical: 2 a month, refused beyond.
    contract = await createContract(t, consultant, acme.id);
    staff = (await createUser(t, consultant, 'client', acme.id)).token;
    colleague = (await createUser(t, consultant, 'client', acme.id)).token;
    stranger = (await createUser(t, consultant, 'client', globex.id)).token;
  });
  afterAll(() => t.close());

  const file = async (urgency = 'critical'): Promise<string> =>
    (
      await t
        .http()
        .post('/api/requests')
        .set(...bearer(staff))
        .send({ contractId: contract.id, title: 'Serveur arrêté', description: 'x', urgency })
        .expect(201)
    ).body.id as string;

  const cancel = (id: string, token = staff) =>
    t
      .http()
      .post(`/api/requests/${id}/cancel`)
      .set(...bearer(token));

  const used = async (level = 'critical'): Promise<number> =>
    (
      await t
        .http()
        .get(`/api/contracts/${contract.id}/usage?month=2026-12`)
        .set(...bearer(consultant))
        .expect(200)
    ).body.quotas[level].used as number;

  it('cancels an open request and gives its quota unit back, so the level has room again', async () => {
    const first = await file();
    await file();
    expect(await used()).toBe(2);
    // The quota is spent: a third critical request is refused.
    await t
      .http()
      .post('/api/requests')
      .set(...bearer(staff))
      .send({ contractId: contract.id, title: 'Encore', description: 'x', urgency: 'critical' })
      .expect(422);
    const res = await cancel(first).expect(200);
    expect(res.body).toMatchObject({ id: first, status: 'cancelled' });
    expect(res.body.closedAt).toBe('2026-12-02T09:00:00.000Z');
    expect(await used()).toBe(1);
    const units = await t.dataSource.getRepository(QuotaUnit).findBy({ requestId: first });
    expect(units.map((u) => u.released)).toEqual([true]);
    await file();
    expect(await used()).toBe(2);
  });

  it('lets a colleague of the same company cancel it, and the consultant too', async () => {
    const byColleague = await file('normal');
    await cancel(byColleague, colleague).expect(200);
    const byConsultant = await file('normal');
    await cancel(byConsultant, consultant).expect(200);
  });

  it('refuses once the request is answered or cancelled (409 naming its status), changing nothing', async () => {
    const answered = await file('normal');
    await t
      .http()
      .post(`/api/requests/${answered}/comments`)
      .set(...bearer(consultant))
      .send({ body: 'Je regarde.' })
      .expect(201);
    const late = await cancel(answered).expect(409);
    expect(late.body).toMatchObject({
      code: 'conflict.request_not_open',
      details: [{ field: 'status', status: 'in_progress' }],
    });
    const cancelled = await file('normal');
    await cancel(cancelled).expect(200);
    const twice = await cancel(cancelled).expect(409);
    expect(twice.body.details[0].status).toBe('cancelled');
    const stored = await t
      .http()
      .get(`/api/requests/${answered}`)
      .set(...bearer(consultant))
      .expect(200);
    expect(stored.body.status).toBe('in_progress');
  });

  it('keeps a cancelled request as it is: no status move and no reclassification', async () => {
    const id = await file('high');
    await cancel(id).expect(200);
    const before = { high: await used('high'), low: await used('low') };
    for (const body of [
      { status: 'in_progress' },
      { urgency: 'low', reclassificationReason: 'x' },
    ]) {
      const res = await t
        .http()
        .patch(`/api/requests/${id}`)
        .set(...bearer(consultant))
        .send(body)
        .expect(409);
      expect(res.body.code).toBe('conflict.request_cancelled');
    }
    expect({ high: await used('high'), low: await used('low') }).toEqual(before);
    // Cancelling is its own route, not a status the consultant sets.
    const open = await file('normal');
    const refused = await t
      .http()
      .patch(`/api/requests/${open}`)
      .set(...bearer(consultant))
      .send({ status: 'cancelled' })
      .expect(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'status', code: 'isIn' });
  });

  it("answers 404 to another company's staff, as for a request that exists nowhere", async () => {
    const id = await file('normal');
    const foreign = await cancel(id, stranger).expect(404);
    const nowhere = await cancel('00000000-0000-4000-8000-000000000000', stranger).expect(404);
    expect(foreign.body.code).toBe(nowhere.body.code);
    const stored = await t
      .http()
      .get(`/api/requests/${id}`)
      .set(...bearer(consultant))
      .expect(200);
    expect(stored.body.status).toBe('open');
  });

  it('speaks the refusal in the reader’s language', async () => {
    const id = await file('normal');
    await cancel(id).expect(200);
    const fr = await cancel(id).expect(409);
    expect(fr.body.message).toBe(
      'Seule une demande ouverte peut être annulée ; celle-ci est déjà annulée',
    );
    const en = await cancel(id).set('Accept-Language', 'en').expect(409);
    expect(en.body.message).toBe(
      'Only an open request can be cancelled; this one is already cancelled',
    );
  });
});

describe('requests: a cancelled request in the response deadlines’ figures', () => {
  let t: TestApp;
  let consultant: string;
  let staff: string;
  let contract: CreatedContract;
  let clientId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
    const acme = await createClient(t, consultant, { name: 'ACME' });
    clientId = acme.id;
    // Normal: answered within 4 business hours (14:00 today); critical: within 1 (11:00).
    contract = await createContract(t, consultant, acme.id);
    staff = (await createUser(t, consultant, 'client', acme.id)).token;
  });
  afterAll(() => t.close());

  const file = async (urgency: string): Promise<string> =>
    (
      await t
        .http()
        .post('/api/requests')
        .set(...bearer(staff))
        .send({ contractId: contract.id, title: 'Imprimante', description: 'x', urgency })
        .expect(201)
    ).body.id as string;

  const comment = (id: string) =>
    t
      .http()
      .post(`/api/requests/${id}/comments`)
      .set(...bearer(consultant))
      .send({ body: 'Vu.' })
      .expect(201);

  const cancel = (id: string) =>
    t
      .http()
      .post(`/api/requests/${id}/cancel`)
      .set(...bearer(staff))
      .expect(200);

  const usageSla = async () =>
    (
      await t
        .http()
        .get(`/api/contracts/${contract.id}/usage?month=2026-12`)
        .set(...bearer(consultant))
        .expect(200)
    ).body.sla as unknown;

  const slaOf = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/requests/${id}`)
        .set(...bearer(consultant))
        .expect(200)
    ).body.sla as unknown;

  it('counts it neither as met, missed nor pending, before its deadline and long after, even once commented on', async () => {
    const answered = await file('normal');
    await comment(answered);
    const forgotten = await file('normal');
    const withdrawn = await file('critical');
    await cancel(withdrawn);
    const withdrawnThenNoted = await file('normal');
    await cancel(withdrawnThenNoted);

    // Before the deadlines: only the forgotten one is pending.
    expect(await usageSla()).toEqual({ met: 1, missed: 0, pending: 1 });
    expect(await slaOf(withdrawn)).toBe('none');

    // The next day, every deadline has passed; a word on a cancelled request answers nothing.
    t.clock.advance({ days: 1 });
    await comment(withdrawnThenNoted);
    expect(await usageSla()).toEqual({ met: 1, missed: 1, pending: 0 });
    expect(await slaOf(answered)).toBe('met');
    expect(await slaOf(forgotten)).toBe('missed');
    expect(await slaOf(withdrawn)).toBe('none');
    expect(await slaOf(withdrawnThenNoted)).toBe('none');

    const report = await t
      .http()
      .get(`/api/reports/clients/${clientId}?from=2026-12&to=2026-12`)
      .set(...bearer(consultant))
      .expect(200);
    const [month] = report.body.contracts.find((c: { id: string }) => c.id === contract.id).months;
    expect(month).toMatchObject({ month: '2026-12', sla: { met: 1, missed: 1, pending: 0 } });
    expect(report.body.totals).toMatchObject({
      sla: { met: 1, missed: 1, pending: 0 },
      slaCompliance: 0.5,
    });
  });
});
