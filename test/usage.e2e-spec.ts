import { startTestApp, TestApp } from './app';
import { bearer, createClient, setupConsultant } from './factories';
import { insertContract } from './factories/interventions';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';

describe('contract usage', () => {
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

  describe('usage outside the contract', () => {
    it.each([
      [0, 'the month before it starts', '2026-02'],
      [600, 'its first month', '2026-03'],
      [600, 'its last month', '2026-06'],
      [0, 'the month after it ends', '2026-07'],
    ])('includes %i minutes in %s', async (included, _, month) => {
      const contract = await insertContract(t, client.id, {
        startDate: '2026-03-10',
        endDate: '2026-06-20',
      });
      const res = await api('get', `/api/contracts/${contract.id}/usage?month=${month}`).expect(
        200,
      );
      expect(res.body).toMatchObject({ month, includedMinutes: included });
    });
  });
});
