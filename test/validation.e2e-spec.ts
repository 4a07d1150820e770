import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { createContract } from './factories/contracts';

/** A PATCH may leave a field out, but a null where a value is required is a 400 naming it. */
describe('PATCH with null values', () => {
  let t: TestApp;
  let consultant: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
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
