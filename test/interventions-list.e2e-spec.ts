import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { insertContract, interventionInput, logIntervention } from './factories/interventions';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';

describe('GET /api/interventions', () => {
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

  describe('interventions list', () => {
    let user: { token: string; id: string };
    let training: string;
    let contractId: string;

    beforeAll(async () => {
      user = await createUser(t, consultant, 'consultant');
      training = (await createActivity(t, consultant, { name: 'Training', billable: false })).id;
      contractId = (await insertContract(t, client.id)).id;
      const entries = [
        { startedAt: '2026-11-09T09:00:00+01:00', endedAt: '2026-11-09T09:50:00+01:00' },
        { startedAt: '2026-11-10T14:00:00+01:00', endedAt: '2026-11-10T15:30:00+01:00' },
        {
          startedAt: '2026-11-11T09:00:00+01:00',
          endedAt: '2026-11-11T11:00:00+01:00',
          activityId: training,
          urgency: 'high',
        },
      ];
      for (const entry of entries) {
        await logIntervention(
          t,
          user.token,
          interventionInput(contractId, activityId, entry),
        ).expect(201);
      }
    });

    const list = (query: string) =>
      api('get', `/api/interventions?consultantId=${user.id}&${query}`).expect(200);

    it('totals the whole filtered set, not only the page', async () => {
      const res = await list('limit=1');
      expect(res.body.items).toHaveLength(1);
      expect(res.body.total).toBe(3);
      // 50 min billed as 60, 90 min as 90, at 90 €/h; the training is not billable.
      expect(res.body.totals).toEqual({
        durationMinutes: 260,
        billableMinutes: 150,
        amountCents: 22500,
      });
    });

    it.each([
      ['activityId', () => `activityId=${training}`, 1, 120],
      ['urgency', () => 'urgency=high', 1, 120],
      ['billable=false', () => 'billable=false', 1, 120],
      ['billable=true', () => 'billable=true', 2, 140],
      ['nothing matching', () => 'urgency=critical', 0, 0],
    ])('filters by %s', async (_, query, total, minutes) => {
      const res = await list(query());
      expect(res.body.total).toBe(total);
      expect(res.body.totals.durationMinutes).toBe(minutes);
    });

    it.each([
      ['a day before the from day', 'from=2026-11-10&to=2026-11-09'],
      ['an instant before from', 'from=2026-11-10T12:00:00Z&to=2026-11-10T08:00:00Z'],
    ])('refuses a period ending on %s (400 naming to)', async (_, query) => {
      const res = await api('get', `/api/interventions?${query}`).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
    });

    it('takes one day as from and to', async () => {
      expect((await list('from=2026-11-10&to=2026-11-10')).body.total).toBe(1);
    });
  });
});
