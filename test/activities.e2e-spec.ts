import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { insertContract, interventionInput, logIntervention } from './factories/interventions';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';

describe('activities: archive and restore', () => {
  let t: TestApp;
  let consultant: string;
  let client: { id: string; name: string };

  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, token = consultant) =>
    t
      .http()
      [method](path)
      .set(...bearer(token));

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
    client = await createClient(t, consultant, { name: 'Garage Morel' });
  });
  afterAll(() => t.close());

  describe('activities', () => {
    it('lists archived activities on request and restores one', async () => {
      const used = (await createActivity(t, consultant, { name: 'Audit' })).id;
      const contract = await insertContract(t, client.id);
      await logIntervention(
        t,
        consultant,
        interventionInput(contract.id, used, {
          startedAt: '2026-11-12T09:00:00+01:00',
          endedAt: '2026-11-12T10:00:00+01:00',
        }),
      ).expect(201);
      await api('delete', `/api/activities/${used}`).expect(204);
      const names = async (query: string) =>
        (await api('get', `/api/activities?${query}`).expect(200)).body.items.map(
          (a: { id: string }) => a.id,
        );
      expect(await names('archived=false')).not.toContain(used);
      expect(await names('archived=true')).toEqual([used]);
      const restored = await api('post', `/api/activities/${used}/restore`).expect(200);
      expect(restored.body).toMatchObject({ id: used, archivedAt: null });
      expect(await names('')).toContain(used);
      expect(await names('archived=true')).toEqual([]);
      await api('post', `/api/activities/${used}/restore`).expect(404);
      await api('get', '/api/activities?archived=maybe').expect(400);
    });
  });
});
