import { randomUUID } from 'node:crypto';
import { uniqueViolation } from '../src/common/error.filter';
import { ContractsService } from '../src/contracts/contracts.service';
import { TestApp } from './app';
import { bearer, createActivity, createClient, createUser } from './factories';
import { contractInput, createContract } from './factories/contracts';
import { interventionInput, logIntervention } from './factories/interventions';
import { signedIn, startPractice } from './support/world';

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
    ({ t, consultant } = await startPractice({ now: NOW }));
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
          reason: 'quota_reached',
        },
      ]);
    });

    it('the inactive contract, the status move and the invoiced intervention', async () => {
      const ended = await createContract(t, consultant, client.id, { endDate: '2026-10-31' });
      const inactive = await api('post', '/api/requests', clientUser)
        .send({ contractId: ended.id, title: 'Help', description: 'Please', urgency: 'low' })
        .expect(422);
      expect(arrayOf(inactive.body)).toEqual([
        {
          field: 'contractId',
          message: inactive.body.message,
          standing: 'ended',
          reference: ended.reference,
          startDate: ended.startDate,
          endDate: '2026-10-31',
        },
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

  describe("the reader's language", () => {
    it('answers one refusal in French and in English, with the same code and figures', async () => {
      const contract = await createContract(t, consultant, client.id);
      await logIntervention(
        t,
        consultant,
        interventionInput(contract.id, activityId, {
          startedAt: '2026-10-06T09:00:00+02:00',
          endedAt: '2026-10-06T11:00:00+02:00',
        }),
      ).expect(201);
      const draft = await api('post', '/api/invoices/drafts')
        .send({ contractId: contract.id, periodStart: '2026-10-01', periodEnd: '2026-10-31' })
        .expect(201);
      const issued = await api('post', `/api/invoices/${draft.body.id}/issue`).expect(200);
      const balanceCents = issued.body.balanceCents as number;
      const pay = (language: string) =>
        api('post', `/api/invoices/${issued.body.id}/payments`)
          .set('Accept-Language', language)
          .send({ amountCents: balanceCents + 100, paidOn: '2026-11-20', method: 'transfer' })
          .expect(422);
      const [fr, en] = [await pay('fr'), await pay('en-GB,en;q=0.9')];
      expect(fr.body.code).toBe('rule.overpayment');
      expect(en.body.code).toBe(fr.body.code);
      const figures = (body: { details: Detail[] }) =>
        body.details.map(({ message: _words, ...rest }) => rest);
      expect(figures(fr.body)).toEqual([
        {
          field: 'amountCents',
          code: 'overpayment',
          amountCents: balanceCents + 100,
          balanceCents,
        },
      ]);
      expect(figures(en.body)).toEqual(figures(fr.body));
      const euros = (cents: number, locale: string) =>
        new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
      expect(fr.body.message).toBe(
        `Le paiement de ${euros(balanceCents + 100, 'fr')} dépasse le solde de ${euros(balanceCents, 'fr')}`,
      );
      expect(en.body.message).toBe(
        `The payment of ${euros(balanceCents + 100, 'en')} exceeds the balance of ${euros(balanceCents, 'en')}`,
      );
      expect(fr.body.details[0].message).toBe(fr.body.message);
      expect(en.body.details[0].message).toBe(en.body.message);
    });

    it("says a role refusal on a page in the page's language", async () => {
      const web = await signedIn(t);
      const fr = await web.get('/portal');
      expect(fr.status).toBe(403);
      expect(fr.text).toContain('Cette action n’est pas ouverte au consultant');
      expect(fr.text).not.toMatch(/not allowed|consultant role/);
      await web.get('/lang/en');
      const en = await web.get('/portal');
      expect(en.status).toBe(403);
      expect(en.text).toContain('This action is not open to the consultant');
    });
  });

  describe('what a client user reads', () => {
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    /** Names of the code and of the database, and English words, that a French reader never sees. */
    const INTERNAL =
      /\b(contractId|clientId|requestId|articleId|urgency|level|quota_reached|resetsOn|standing|critical|rule|not_found|forbidden|null|undefined|the|is|not|of|request|contract)\b|[{}]/;

    const refusals = async () => {
      const other = await createClient(t, consultant, { name: 'Other company' });
      const othersContract = await createContract(t, consultant, other.id);
      const ended = await createContract(t, consultant, client.id, { endDate: '2026-10-31' });
      const contract = await createContract(t, consultant, client.id);
      const file = (contractId: string, urgency: string) =>
        api('post', '/api/requests', clientUser).send({
          contractId,
          title: 'Server down',
          description: 'Nothing works',
          urgency,
        });
      await file(contract.id, 'critical').expect(201);
      await file(contract.id, 'critical').expect(201);
      const filed = await file(contract.id, 'low').expect(201);
      await api('patch', `/api/requests/${filed.body.id}`).send({ status: 'closed' }).expect(200);
      return [
        await file(contract.id, 'critical').expect(422),
        await file(ended.id, 'low').expect(422),
        await file(othersContract.id, 'low').expect(404),
        await api('get', `/api/contracts/${othersContract.id}`, clientUser).expect(404),
        await api('get', `/api/requests/${randomUUID()}`, clientUser).expect(404),
        await api('post', `/api/requests/${filed.body.id}/comments`, clientUser)
          .send({ body: 'Still broken' })
          .expect(409),
        await api('post', '/api/clients', clientUser).send({ name: 'Mine' }).expect(403),
        await api('get', '/api/invoices/verify-chain', clientUser).expect(403),
      ];
    };

    it("gives a client's refusals in words with no id and no internal name", async () => {
      const answers = await refusals();
      expect(answers.map((r) => r.body.code)).toEqual([
        'rule.quota_exceeded',
        'rule.contract_inactive',
        'not_found.contract',
        'not_found.contract',
        'not_found.request',
        'conflict.request_closed',
        'forbidden.role',
        'forbidden.role',
      ]);
      for (const { body } of answers) {
        const { requestId: _id, ...rest } = body as { requestId: string };
        expect(JSON.stringify(rest)).not.toMatch(UUID);
        const words = [body.message, ...((body.details ?? []) as Detail[]).map((d) => d.message)];
        for (const text of words) {
          expect({ code: body.code, text }).toEqual({
            code: body.code,
            text: expect.not.stringMatching(INTERNAL),
          });
        }
      }
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
          details: [{ field: 'reference', message: res.body.message }],
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
