import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { insertContract } from './factories/interventions';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';

describe('the timer', () => {
  let t: TestApp;
  let consultant: string;
  let client: { id: string; name: string };
  let activityId: string;

  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, token = consultant) =>
    t
      .http()
      [method](path)
      .set(...bearer(token));

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
    client = await createClient(t, consultant, { name: 'Garage Morel' });
    activityId = (await createActivity(t, consultant, { name: 'Support' })).id;
  });
  afterAll(() => t.close());

  describe('timer and contract dates', () => {
    let user: { token: string };
    const start = (contractId: string) =>
      api('post', '/api/interventions/timer/start', user.token).send({
        contractId,
        activityId,
        urgency: 'normal',
        location: 'remote',
      });

    beforeAll(async () => {
      user = await createUser(t, consultant, 'consultant');
    });

    it.each([
      ['ended', { startDate: '2026-01-01', endDate: '2026-10-31' }, 'du 01/01/2026 au 31/10/2026'],
      [
        'not yet started',
        { startDate: '2026-12-01', endDate: null },
        'du 01/12/2026 sans date de fin',
      ],
    ])('refuses to start on a contract %s (422 naming contractId)', async (_, dates, period) => {
      const contract = await insertContract(t, client.id, dates);
      const res = await start(contract.id).expect(422);
      const message = `Le 25/11/2026 est en dehors du contrat ${contract.reference}, qui court ${period}`;
      expect(res.body).toMatchObject({
        code: 'rule.outside_contract',
        message,
        details: [
          {
            field: 'contractId',
            message,
            date: '2026-11-25',
            reference: contract.reference,
            startDate: dates.startDate,
            endDate: dates.endDate,
          },
        ],
      });
      await api('get', '/api/interventions/timer', user.token).expect(200, { running: null });
    });

    it('stops a timer whose contract no longer covers the day, with a warning, and starts again', async () => {
      const contract = await insertContract(t, client.id);
      await start(contract.id).expect(201);
      await api('patch', `/api/contracts/${contract.id}`)
        .send({ endDate: '2026-11-24' })
        .expect(200);
      const stopped = await api('post', '/api/interventions/timer/stop', user.token).expect(200);
      expect(stopped.body).toMatchObject({ running: false, contractId: contract.id });
      expect(stopped.body.warnings).toEqual(
        expect.arrayContaining([
          {
            code: 'outside_contract',
            date: '2026-11-25',
            reference: contract.reference,
            startDate: '2026-01-01',
            endDate: '2026-11-24',
            message: `le travail du 25/11/2026 est hors de la période du contrat ${contract.reference}, qui court du 01/01/2026 au 24/11/2026`,
          },
        ]),
      );
      const other = await insertContract(t, client.id);
      await start(other.id).expect(201);
      await api('post', '/api/interventions/timer/stop', user.token).expect(200);
    });
  });
});
