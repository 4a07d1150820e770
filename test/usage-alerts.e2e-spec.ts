import { Alert } from '../src/alerts/alert.entity';
import { Clock } from '../src/common/clock';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { createContract, insertWork, type WorkRow } from './factories/contracts';

/** Wednesday 25 November 2026, 11:00 in Paris. */
const NOW = '2026-11-25T10:00:00Z';

interface AlertBody {
  id: string;
  contractId: string;
  clientId: string;
  kind: string;
  code: string;
  period: string;
  message: string;
  figures?: Record<string, unknown>;
  acknowledgedAt: string | null;
}

describe('usage and alerts', () => {
  let t: TestApp;
  let consultant: string;
  let consultantId: string;
  let activityId: string;
  let acme: { id: string };
  let globex: { id: string };
  let acmeUser: string;
  let globexUser: string;
  let now: Date;

  beforeAll(async () => {
    t = await startTestApp();
    now = new Date(NOW);
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    consultant = await setupConsultant(t);
    consultantId = (
      await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(consultant))
    ).body.id;
    activityId = (await createActivity(t, consultant)).id;
    acme = await createClient(t, consultant, { name: 'ACME' });
    globex = await createClient(t, consultant, { name: 'Globex' });
    acmeUser = (await createUser(t, consultant, 'client', acme.id)).token;
    globexUser = (await createUser(t, consultant, 'client', globex.id)).token;
  });
  afterAll(() => t.close());

  const work = (contract: { id: string; clientId: string }, row: Partial<WorkRow>) =>
    insertWork(t, {
      consultantId,
      activityId,
      contractId: contract.id,
      clientId: contract.clientId,
      startedAt: NOW,
      minutes: 60,
      ...row,
    });

  const usage = (contractId: string, token = consultant, query = '') =>
    t
      .http()
      .get(`/api/contracts/${contractId}/usage${query}`)
      .set(...bearer(token));

  const fileRequest = (token: string, contractId: string, urgency: string) =>
    t
      .http()
      .post('/api/requests')
      .set(...bearer(token))
      .send({ contractId, title: 'Help', description: 'Please', urgency })
      .expect(201);

  describe('usage of a month', () => {
    let retainer: { id: string; clientId: string };

    beforeAll(async () => {
      retainer = await createContract(t, consultant, acme.id, {
        reference: 'ACME-RET',
        startDate: '2026-09-01',
        billing: { rolloverMonths: 1 },
      });
      // September: 600 used, nothing left. October: 500 used, 100 roll into November.
      await work(retainer, { startedAt: '2026-09-10T08:00:00Z', minutes: 600 });
      await work(retainer, { startedAt: '2026-10-12T08:00:00Z', minutes: 480 });
      // 00:30 on 1 November in Paris is still 31 October in UTC: it counts in November.
      await work(retainer, { startedAt: '2026-10-31T23:30:00Z', minutes: 60 });
      await work(retainer, { startedAt: '2026-10-31T21:00:00Z', minutes: 20 });
      await work(retainer, {
        startedAt: '2026-11-20T18:00:00Z',
        minutes: 240,
        billableMinutes: 240,
        afterHoursMinutes: 120,
      });
      // Neither unbilled work nor a running timer consumes the allowance.
      await work(retainer, { startedAt: '2026-11-21T08:00:00Z', minutes: 90, billable: false });
      await work(retainer, { startedAt: '2026-11-25T09:00:00Z', minutes: 30, running: true });
    });

    it('answers minutes used and left, roll-over and after-hours minutes', async () => {
      const res = await usage(retainer.id, consultant, '?month=2026-11').expect(200);
      expect(res.body).toMatchObject({
        month: '2026-11',
        includedMinutes: 600,
        usedMinutes: 300,
        rolloverMinutes: 100,
        remainingMinutes: 400,
        overageMinutes: 0,
        afterHoursMinutes: 120,
      });
      expect(res.body).not.toHaveProperty('prepaidRemainingMinutes');
      const october = await usage(retainer.id, consultant, '?month=2026-10').expect(200);
      expect(october.body).toMatchObject({
        usedMinutes: 500,
        rolloverMinutes: 0,
        remainingMinutes: 100,
      });
    });

    it("defaults to the practice's current month", async () => {
      const res = await usage(retainer.id).expect(200);
      expect(res.body).toMatchObject({ month: '2026-11', usedMinutes: 300 });
    });

    it('answers quotas per level and SLA results of the month', async () => {
      const contract = await createContract(t, consultant, acme.id);
      const first = (await fileRequest(acmeUser, contract.id, 'critical')).body.id;
      await fileRequest(acmeUser, contract.id, 'critical');
      await fileRequest(acmeUser, contract.id, 'normal');
      // Answered 20 minutes in: met. The other critical is due at 11:00 UTC and missed at 12:00.
      now = new Date('2026-11-25T10:20:00Z');
      await t
        .http()
        .post(`/api/requests/${first}/comments`)
        .set(...bearer(consultant))
        .send({ body: 'On it' })
        .expect(201);
      now = new Date('2026-11-25T12:00:00Z');
      const res = await usage(contract.id, acmeUser).expect(200);
      // Where the units came from: all three were filed as requests, none is an urgent call.
      const from = (requests: number) => ({
        fromRequests: requests,
        fromCalls: 0,
        overUnits: 0,
        overFeesCents: 0,
      });
      expect(res.body.quotas).toEqual({
        low: { used: 0, quota: null, resetsOn: '2026-12-01', ...from(0) },
        normal: { used: 1, quota: null, resetsOn: '2026-12-01', ...from(1) },
        high: { used: 0, quota: 5, resetsOn: '2026-12-01', ...from(0) },
        critical: { used: 2, quota: 2, resetsOn: '2026-12-01', ...from(2) },
      });
      expect(res.body.sla).toEqual({ met: 1, missed: 1, pending: 1 });
      const december = await usage(contract.id, acmeUser, '?month=2026-12').expect(200);
      expect(december.body.quotas.critical).toEqual({
        used: 0,
        quota: 2,
        resetsOn: '2027-01-01',
        ...from(0),
      });
      expect(december.body.sla).toEqual({ met: 0, missed: 0, pending: 0 });
      now = new Date(NOW);
    });

    it('answers the prepaid block left', async () => {
      const prepaid = await createContract(t, consultant, acme.id, {
        startDate: '2026-10-01',
        billing: { mode: 'prepaid', prepaidMinutes: 1200 },
      });
      await work(prepaid, { startedAt: '2026-10-05T08:00:00Z', minutes: 500 });
      await work(prepaid, { startedAt: '2026-11-05T08:00:00Z', minutes: 400 });
      const res = await usage(prepaid.id, consultant, '?month=2026-11').expect(200);
      expect(res.body).toMatchObject({
        includedMinutes: 1200,
        usedMinutes: 400,
        prepaidRemainingMinutes: 300,
        remainingMinutes: 300,
      });
      const october = await usage(prepaid.id, consultant, '?month=2026-10').expect(200);
      expect(october.body.prepaidRemainingMinutes).toBe(700);
    });

    it("is readable by the contract's client users only (404 for another company)", async () => {
      await usage(retainer.id, acmeUser).expect(200);
      const res = await usage(retainer.id, globexUser).expect(404);
      expect(res.body).toMatchObject({ code: 'not_found.contract' });
    });

    it('refuses a malformed month, naming it', async () => {
      const res = await usage(retainer.id, consultant, '?month=2026-13').expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'month' })]);
    });
  });

  describe('alerts', () => {
    const alerts = async (token: string, query = '', language = 'fr') =>
      (
        await t
          .http()
          .get(`/api/alerts${query}`)
          .set(...bearer(token))
          .set('Accept-Language', language)
          .expect(200)
      ).body.items as AlertBody[];

    const acknowledge = (token: string, id: string) =>
      t
        .http()
        .post(`/api/alerts/${id}/acknowledge`)
        .set(...bearer(token));

    it('raises usage_80 at 80 % of the included minutes, then usage_100, once each', async () => {
      const contract = await createContract(t, consultant, globex.id, { reference: 'GLOBEX-2026' });
      await work(contract, { startedAt: '2026-11-10T08:00:00Z', minutes: 470 });
      expect((await alerts(consultant)).filter((a) => a.contractId === contract.id)).toEqual([]);

      await work(contract, { startedAt: '2026-11-12T08:00:00Z', minutes: 22 });
      const at80 = (await alerts(consultant)).filter((a) => a.contractId === contract.id);
      expect(at80).toEqual([
        expect.objectContaining({
          kind: 'usage_80',
          code: 'usage_80',
          period: '2026-11',
          clientId: globex.id,
          figures: {
            reference: 'GLOBEX-2026',
            allowance: 'included',
            percent: 82,
            minutes: 600,
            usedMinutes: 492,
            month: '2026-11',
          },
          // In the reader's language, French by default.
          message:
            'Contrat GLOBEX-2026\u00a0: 82\u00a0% des 10 h incluses en novembre 2026 utilisés (8 h 12)',
          acknowledgedAt: null,
        }),
      ]);
      const inEnglish = (await alerts(consultant, '', 'en-GB,en;q=0.9')).find(
        (a) => a.id === at80[0].id,
      );
      expect(inEnglish?.message).toBe(
        'Contract GLOBEX-2026: 82% of the 10 h included in November 2026 used (8 h 12)',
      );

      await work(contract, { startedAt: '2026-11-13T08:00:00Z', minutes: 120 });
      const at100 = (await alerts(consultant)).filter((a) => a.contractId === contract.id);
      expect(at100.map((a) => a.kind).sort()).toEqual(['usage_100', 'usage_80']);
      expect(at100.find((a) => a.kind === 'usage_100')?.figures).toMatchObject({
        percent: 102,
        usedMinutes: 612,
      });
      // The 80 % alert was written once, with the figures of the day it was raised.
      expect(at100.find((a) => a.kind === 'usage_80')?.id).toBe(at80[0].id);
    });

    it('shows the ledger’s figures when read, not those of the moment it was raised', async () => {
      const contract = await createContract(t, consultant, globex.id, {
        reference: 'GLOBEX-8H',
        billing: { includedMinutesPerMonth: 480 },
      });
      await work(contract, { startedAt: '2026-11-16T08:00:00Z', minutes: 945 });
      const first = (await alerts(globexUser)).find(
        (a) => a.contractId === contract.id && a.kind === 'usage_100',
      );
      expect(first?.figures).toMatchObject({ percent: 196, usedMinutes: 945, minutes: 480 });
      await work(contract, { startedAt: '2026-11-17T08:00:00Z', minutes: 1680 });
      const later = (await alerts(globexUser)).find((a) => a.id === first?.id);
      expect(later).toMatchObject({
        figures: expect.objectContaining({ percent: 546, usedMinutes: 2625, minutes: 480 }),
      });
      const usageNow = await usage(contract.id, globexUser, '?month=2026-11').expect(200);
      expect(usageNow.body.usedMinutes).toBe(2625);
    });

    it('raises an alert with the write that crosses its threshold, before anyone reads', async () => {
      const contract = await createContract(t, consultant, globex.id, { reference: 'GLOBEX-LIVE' });
      const stored = () =>
        t.dataSource.getRepository(Alert).findBy({ contractId: contract.id, kind: 'usage_80' });
      const log = (startedAt: string, endedAt: string) =>
        t
          .http()
          .post('/api/interventions')
          .set(...bearer(consultant))
          .send({
            contractId: contract.id,
            activityId,
            startedAt,
            endedAt,
            urgency: 'normal',
            location: 'remote',
            description: 'Migration',
            billable: true,
          })
          .expect(201);
      await log('2026-11-23T09:00:00+01:00', '2026-11-23T16:00:00+01:00');
      expect(await stored()).toEqual([]);
      await log('2026-11-24T09:00:00+01:00', '2026-11-24T10:00:00+01:00');
      expect(await stored()).toEqual([
        expect.objectContaining({
          period: '2026-11',
          figures: expect.objectContaining({ percent: 80, usedMinutes: 480, minutes: 600 }),
        }),
      ]);
    });

    it('raises an alert with an import that crosses its threshold', async () => {
      const initech = await createClient(t, consultant, { name: 'Initech' });
      const contract = await createContract(t, consultant, initech.id, { reference: 'INITECH' });
      const csv = [
        'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)',
        'Camille,camille@example.fr,Initech,Support,Support,Migration,Yes,2026-11-19,09:00:00,2026-11-19,17:00:00,08:00:00,,',
      ].join('\n');
      const res = await t
        .http()
        .post('/api/interventions/import?source=toggl&dryRun=false&email=camille@example.fr')
        .set(...bearer(consultant))
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(200);
      expect(res.body.refused).toEqual([]);
      expect(res.body.created).toBe(1);
      const stored = await t.dataSource
        .getRepository(Alert)
        .findBy({ contractId: contract.id, kind: 'usage_80' });
      expect(stored).toEqual([expect.objectContaining({ period: '2026-11' })]);
    });

    it('raises them for a prepaid block too', async () => {
      const contract = await createContract(t, consultant, globex.id, {
        reference: 'GLOBEX-BLOCK',
        startDate: '2026-06-01',
        billing: { mode: 'prepaid', prepaidMinutes: 1000 },
      });
      await work(contract, { startedAt: '2026-07-01T08:00:00Z', minutes: 700 });
      await work(contract, { startedAt: '2026-11-02T08:00:00Z', minutes: 150 });
      const mine = (await alerts(globexUser)).filter((a) => a.contractId === contract.id);
      expect(mine).toEqual([
        expect.objectContaining({
          kind: 'usage_80',
          period: 'prepaid-1000',
          figures: {
            reference: 'GLOBEX-BLOCK',
            allowance: 'prepaid',
            percent: 85,
            minutes: 1000,
            usedMinutes: 850,
          },
        }),
      ]);
    });

    it('warns 30 days before a contract ends', async () => {
      const ending = await createContract(t, consultant, acme.id, {
        reference: 'ACME-ENDING',
        endDate: '2026-12-15',
      });
      const later = await createContract(t, consultant, acme.id, { endDate: '2026-12-26' });
      const list = await alerts(consultant, '', 'en');
      expect(list.filter((a) => a.contractId === ending.id)).toEqual([
        expect.objectContaining({
          kind: 'contract_ending',
          code: 'contract_ending',
          period: '2026-12-15',
          figures: { reference: 'ACME-ENDING', endDate: '2026-12-15', days: 20 },
          message: 'Contract ACME-ENDING ends on 15 Dec 2026, in 20 days',
        }),
      ]);
      expect(list.filter((a) => a.contractId === later.id)).toEqual([]);
    });

    it('acknowledging hides an alert for good on that side; the other side still sees it', async () => {
      const contract = await createContract(t, consultant, acme.id, { endDate: '2026-12-01' });
      const [alert] = (await alerts(consultant)).filter((a) => a.contractId === contract.id);
      const ack = await acknowledge(consultant, alert.id).expect(200);
      expect(ack.body.acknowledgedAt).toBe(NOW.replace('Z', '.000Z'));
      expect((await alerts(consultant)).some((a) => a.id === alert.id)).toBe(false);
      const all = await alerts(consultant, '?includeAcknowledged=true');
      expect(all.filter((a) => a.contractId === contract.id)).toEqual([
        expect.objectContaining({ id: alert.id, acknowledgedAt: expect.any(String) }),
      ]);
      // The client's portal keeps its own copy until the client acknowledges it.
      expect((await alerts(acmeUser)).some((a) => a.id === alert.id)).toBe(true);
      await acknowledge(acmeUser, alert.id).expect(200);
      expect((await alerts(acmeUser)).some((a) => a.id === alert.id)).toBe(false);
    });

    it('shows a client user only its own company’s alerts', async () => {
      const theirs = await createContract(t, consultant, globex.id, { endDate: '2026-12-10' });
      const acmeAlerts = await alerts(acmeUser, '?includeAcknowledged=true');
      expect(acmeAlerts.length).toBeGreaterThan(0);
      expect(acmeAlerts.every((a) => a.clientId === acme.id)).toBe(true);
      const [other] = (await alerts(consultant)).filter((a) => a.contractId === theirs.id);
      await acknowledge(acmeUser, other.id).expect(404);
      expect((await alerts(globexUser)).some((a) => a.id === other.id)).toBe(true);
    });

    it('is not for the accountant (403)', async () => {
      const accountant = await createUser(t, consultant, 'accountant');
      await t
        .http()
        .get('/api/alerts')
        .set(...bearer(accountant.token))
        .expect(403);
    });
  });

  it('lists its routes in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(doc.body.paths['/api/contracts/{id}/usage']).toHaveProperty('get');
    expect(doc.body.paths['/api/alerts']).toHaveProperty('get');
    expect(doc.body.paths['/api/alerts/{id}/acknowledge']).toHaveProperty('post');
  });
});
