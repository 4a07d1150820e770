import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, setupConsultant } from './factories';
import { createContract } from './factories/contracts';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';

interface Detail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

describe('request changes', () => {
  let t: TestApp;
  let consultant: string;
  let client: { id: string; name: string };
  let clientUser: string;

  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, token = consultant) =>
    t
      .http()
      [method](path)
      .set(...bearer(token));

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
    client = await createClient(t, consultant, { name: 'Garage Morel' });
    clientUser = (await createUser(t, consultant, 'client', client.id)).token;
  });
  afterAll(() => t.close());

  describe('request status and texts', () => {
    let contractId: string;
    const file = (title: string, description = 'Please') =>
      api('post', '/api/requests', clientUser).send({
        contractId,
        title,
        description,
        urgency: 'normal',
      });

    beforeAll(async () => {
      contractId = (await createContract(t, consultant, client.id)).id;
    });

    it.each(['closed', 'resolved'])('lets an open request become %s at once', async (status) => {
      const id = (await file('Duplicate').expect(201)).body.id;
      const res = await api('patch', `/api/requests/${id}`).send({ status }).expect(200);
      expect(res.body.status).toBe(status);
      expect(res.body[status === 'closed' ? 'closedAt' : 'resolvedAt']).toEqual(expect.any(String));
    });

    it('refuses to reclassify a closed request (409) and keeps its urgency', async () => {
      const id = (await file('Spam').expect(201)).body.id;
      await api('patch', `/api/requests/${id}`).send({ status: 'closed' }).expect(200);
      const res = await api('patch', `/api/requests/${id}`)
        .send({ urgency: 'low', reclassificationReason: 'not urgent' })
        .expect(409);
      expect(res.body.code).toBe('conflict.request_closed');
      const read = await api('get', `/api/requests/${id}`).expect(200);
      expect(read.body.urgencyApplied).toBe('normal');
    });

    it('trims the title and description, and refuses them blank (400 naming the field)', async () => {
      const filed = await file('  Printer offline  ', '\n  Since 9:00 \n').expect(201);
      expect(filed.body).toMatchObject({ title: 'Printer offline', description: 'Since 9:00' });
      const blankTitle = await file('   ').expect(400);
      expect(blankTitle.body.details).toEqual([
        { field: 'title', code: 'isNotEmpty', message: 'Le champ « Titre » ne peut pas être vide' },
      ]);
      const blankText = await file('Printer', ' \t ').expect(400);
      expect(blankText.body.details.map((d: Detail) => d.field)).toEqual(['description']);
    });
  });
});
