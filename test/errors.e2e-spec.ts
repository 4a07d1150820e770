import { uniqueViolation } from '../src/common/error.filter';
import { ContractsService } from '../src/contracts/contracts.service';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { contractInput, createContract } from './factories/contracts';
import { interventionInput, logIntervention } from './factories/interventions';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';

interface Detail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

describe('error bodies', () => {
  let t: TestApp;
  let consultant: string;
  let client: { id: string; name: string };
  let clientUser: string;
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
    clientUser = (await createUser(t, consultant, 'client', client.id)).token;
    activityId = (await createActivity(t, consultant, { name: 'Support' })).id;
  });
  afterAll(() => t.close());

  describe('error details are always a list', () => {
    const arrayOf = (body: { details?: unknown }): Detail[] => {
      expect(Array.isArray(body.details)).toBe(true);
      return body.details as Detail[];
    };

    it('the quota refusal names urgency and keeps its figures', async () => {
      const contract = await createContract(t, consultant, client.id);
      const file = () =>
        api('post', '/api/requests', clientUser).send({
          contractId: contract.id,
          title: 'Server down',
          description: 'Nothing works',
          urgency: 'critical',
        });
      await file().expect(201);
      await file().expect(201);
      const refused = await file().expect(422);
      expect(arrayOf(refused.body)).toEqual([
        {
          field: 'urgency',
          message: refused.body.message,
          level: 'critical',
          used: 2,
          quota: 2,
          resetsOn: '2026-12-01',
        },
      ]);
    });

    it('the inactive contract, the status move and the invoiced intervention', async () => {
      const ended = await createContract(t, consultant, client.id, { endDate: '2026-10-31' });
      const inactive = await api('post', '/api/requests', clientUser)
        .send({ contractId: ended.id, title: 'Help', description: 'Please', urgency: 'low' })
        .expect(422);
      expect(arrayOf(inactive.body)).toEqual([
        expect.objectContaining({ field: 'contractId', standing: 'ended', contractId: ended.id }),
      ]);

      const contract = await createContract(t, consultant, client.id);
      const filed = await api('post', '/api/requests', clientUser)
        .send({ contractId: contract.id, title: 'Help', description: 'Please', urgency: 'low' })
        .expect(201);
      await api('patch', `/api/requests/${filed.body.id}`).send({ status: 'closed' }).expect(200);
      const move = await api('patch', `/api/requests/${filed.body.id}`)
        .send({ status: 'open' })
        .expect(409);
      expect(arrayOf(move.body)).toEqual([
        { field: 'status', message: move.body.message, from: 'closed', to: 'open', allowed: [] },
      ]);

      const logged = await logIntervention(
        t,
        consultant,
        interventionInput(contract.id, activityId, {
          startedAt: '2026-11-05T09:00:00+01:00',
          endedAt: '2026-11-05T10:00:00+01:00',
        }),
      ).expect(201);
      const invoiceId = '00000000-0000-4000-8000-00000000000a';
      await t.dataSource.query(
        `UPDATE interventions SET "invoiceId" = '${invoiceId}' WHERE id = '${logged.body.id}'`,
      );
      const frozen = await api('delete', `/api/interventions/${logged.body.id}`).expect(409);
      expect(arrayOf(frozen.body)).toEqual([
        expect.objectContaining({ message: frozen.body.message, invoiceId }),
      ]);
    });
  });

  describe('unique values', () => {
    it('answers two creations of one reference at once with one 201 and one 409', async () => {
      const body = contractInput(client.id, { reference: 'CT-TWICE' });
      const both = await Promise.all([
        api('post', '/api/contracts').send(body),
        api('post', '/api/contracts').send(body),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      const conflict = both.find((r) => r.status === 409)!;
      expect(conflict.body.details).toEqual([expect.objectContaining({ field: 'reference' })]);
      const [{ n }] = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM contracts WHERE reference = 'CT-TWICE'`,
      );
      expect(Number(n)).toBe(1);
    });

    it('answers 409 naming the column when the database index refuses the row (a lost race)', async () => {
      const check = jest
        .spyOn(
          ContractsService.prototype as unknown as { assertReferenceFree: () => Promise<void> },
          'assertReferenceFree',
        )
        .mockResolvedValue(undefined);
      try {
        const body = contractInput(client.id, { reference: 'CT-RACE' });
        await api('post', '/api/contracts').send(body).expect(201);
        const res = await api('post', '/api/contracts').send(body).expect(409);
        expect(res.body).toMatchObject({
          statusCode: 409,
          code: 'conflict.duplicate',
          message: 'This reference is already used: choose another one',
          details: [{ field: 'reference', message: 'already used' }],
        });
      } finally {
        check.mockRestore();
      }
    });

    it('reads the unique column from the database error itself', async () => {
      const error: unknown = await t.dataSource
        .query(`UPDATE contracts SET reference = 'CT-TWICE' WHERE reference = 'CT-RACE'`)
        .catch((e: unknown) => e);
      expect(uniqueViolation(error)).toEqual({ columns: ['reference'] });
      expect(uniqueViolation(new Error('something else'))).toBeNull();
    });
  });
});
