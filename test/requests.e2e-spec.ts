import { Clock } from '../src/common/clock';
import { QuotaUnit } from '../src/requests/quota-unit.entity';
import { SupportRequest } from '../src/requests/request.entity';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { createContract, insertWork, type Overrides } from './factories/contracts';

/** Wednesday 25 November 2026, 11:00 in Paris. */
const WEDNESDAY = '2026-11-25T10:00:00Z';

describe('requests: urgency policy, quotas, SLA, status, comments', () => {
  let t: TestApp;
  let consultant: string;
  let acme: { id: string };
  let globex: { id: string };
  let acmeUser: string;
  let globexUser: string;
  let now: Date;

  const setNow = (iso: string) => {
    now = new Date(iso);
  };

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    setNow(WEDNESDAY);
    consultant = await setupConsultant(t);
    acme = await createClient(t, consultant, { name: 'ACME' });
    globex = await createClient(t, consultant, { name: 'Globex' });
    acmeUser = (await createUser(t, consultant, 'client', acme.id)).token;
    globexUser = (await createUser(t, consultant, 'client', globex.id)).token;
  });
  afterAll(() => t.close());

  const file = (token: string, contractId: string, urgency = 'critical', title = 'Server down') =>
    t
      .http()
      .post('/api/requests')
      .set(...bearer(token))
      .send({ contractId, title, description: 'Nothing works since 9:00', urgency });

  const patch = (id: string, body: Record<string, unknown>) =>
    t
      .http()
      .patch(`/api/requests/${id}`)
      .set(...bearer(consultant))
      .send(body);

  const detail = (id: string, token = consultant) =>
    t
      .http()
      .get(`/api/requests/${id}`)
      .set(...bearer(token));

  const criticalQuotaOfTwo = (critical: Overrides): Overrides => ({
    urgencyPolicy: { levels: { critical: { monthlyQuota: 2, ...critical } } },
  });

  const stored = async (contractId: string) => ({
    requests: await t.dataSource.getRepository(SupportRequest).countBy({ contractId }),
    units: await t.dataSource.getRepository(QuotaUnit).countBy({ contractId, released: false }),
  });

  describe('over quota', () => {
    it('refuses the third critical request under reject: 422 naming level, use and reset date; nothing stored', async () => {
      const contract = await createContract(
        t,
        consultant,
        acme.id,
        criticalQuotaOfTwo({ overQuota: 'reject' }),
      );
      const first = await file(acmeUser, contract.id).expect(201);
      expect(first.body).toMatchObject({
        status: 'open',
        urgencyRequested: 'critical',
        urgencyApplied: 'critical',
        policyOutcome: 'accepted',
        quota: { level: 'critical', used: 1, quota: 2 },
        sla: 'pending',
      });
      expect(first.body.reason ?? null).toBeNull();
      await file(acmeUser, contract.id).expect(201);
      const third = await file(acmeUser, contract.id).expect(422);
      expect(third.body).toMatchObject({
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'rule.quota_exceeded',
        details: [
          {
            field: 'urgency',
            level: 'critical',
            used: 2,
            quota: 2,
            resetsOn: '2026-12-01',
            reason: 'quota_reached',
          },
        ],
      });
      expect(await stored(contract.id)).toEqual({ requests: 2, units: 2 });
    });

    it('downgrades the third to high under downgrade, and says why', async () => {
      const contract = await createContract(
        t,
        consultant,
        acme.id,
        criticalQuotaOfTwo({ overQuota: 'downgrade' }),
      );
      await file(acmeUser, contract.id).expect(201);
      await file(acmeUser, contract.id).expect(201);
      const third = await file(acmeUser, contract.id).expect(201);
      expect(third.body).toMatchObject({
        urgencyRequested: 'critical',
        urgencyApplied: 'high',
        policyOutcome: 'downgraded',
        reason: {
          code: 'downgraded',
          level: 'critical',
          used: 2,
          quota: 2,
          appliedLevel: 'high',
          appliedUsed: 1,
          appliedQuota: 5,
          message:
            'Quota Critique du mois épuisé (2 sur 2)\u00a0: demande enregistrée au niveau Haute (1 sur 5)',
        },
        quota: { level: 'high', used: 1, quota: 5 },
      });
      // Read again later, in English: the same code and figures, the words of the reader.
      const read = await t
        .http()
        .get(`/api/requests/${third.body.id}`)
        .set(...bearer(acmeUser))
        .set('Accept-Language', 'en')
        .expect(200);
      expect(read.body.reason).toEqual({
        ...third.body.reason,
        message: 'Critical quota used up this month (2 of 2): recorded at level High (1 of 5 used)',
      });
      // The high level answers within 2 business hours, not the critical 1 hour.
      expect(third.body.responseDueAt).toBe('2026-11-25T12:00:00.000Z');
      expect(await stored(contract.id)).toEqual({ requests: 3, units: 3 });
    });

    it('accepts the third as overage with the fee of the level', async () => {
      const contract = await createContract(
        t,
        consultant,
        acme.id,
        criticalQuotaOfTwo({ overQuota: 'overage', overageFeeCents: 15000 }),
      );
      await file(acmeUser, contract.id).expect(201);
      await file(acmeUser, contract.id).expect(201);
      const third = await file(acmeUser, contract.id).expect(201);
      expect(third.body).toMatchObject({
        urgencyApplied: 'critical',
        policyOutcome: 'overage',
        reason: {
          code: 'overage',
          level: 'critical',
          used: 2,
          quota: 2,
          overageFeeCents: 15000,
          message:
            'Quota Critique du mois épuisé (2 sur 2)\u00a0: demande acceptée avec un supplément de 150,00\u00a0€',
        },
        quota: { level: 'critical', used: 3, quota: 2 },
      });
      const unit = await t.dataSource
        .getRepository(QuotaUnit)
        .findOneByOrFail({ requestId: third.body.id });
      expect(unit).toMatchObject({ level: 'critical', overage: true, feeCents: 15000 });
    });

    it('counts each month apart: the quota resets on the first of the next month', async () => {
      const contract = await createContract(
        t,
        consultant,
        acme.id,
        criticalQuotaOfTwo({ overQuota: 'reject' }),
      );
      setNow('2026-10-30T10:00:00Z');
      await file(acmeUser, contract.id).expect(201);
      await file(acmeUser, contract.id).expect(201);
      const refused = await file(acmeUser, contract.id).expect(422);
      expect(refused.body.details[0].resetsOn).toBe('2026-11-01');
      setNow('2026-11-02T10:00:00Z');
      await file(acmeUser, contract.id).expect(201);
      setNow(WEDNESDAY);
    });

    it('lets exactly the quota through when ten requests arrive at once', async () => {
      const contract = await createContract(
        t,
        consultant,
        acme.id,
        criticalQuotaOfTwo({ overQuota: 'reject' }),
      );
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => file(acmeUser, contract.id, 'critical', `Call ${i}`)),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 201, ...Array<number>(8).fill(422)]);
      expect(await stored(contract.id)).toEqual({ requests: 2, units: 2 });
    });
  });

  describe('tenants', () => {
    let globexContract: { id: string };
    let globexRequest: string;
    beforeAll(async () => {
      globexContract = await createContract(t, consultant, globex.id);
      globexRequest = (await file(globexUser, globexContract.id, 'normal').expect(201)).body.id;
    });

    it("cannot file on another company's contract (404) and stores nothing", async () => {
      const res = await file(acmeUser, globexContract.id, 'normal').expect(404);
      expect(res.body).toMatchObject({ code: 'not_found.contract' });
      expect((await stored(globexContract.id)).requests).toBe(1);
    });

    it("cannot read another company's request (404), nor find it in lists", async () => {
      await detail(globexRequest, acmeUser).expect(404);
      const mine = await t
        .http()
        .get('/api/requests')
        .set(...bearer(acmeUser))
        .expect(200);
      expect(mine.body.total).toBeGreaterThan(0);
      expect(mine.body.items.every((r: { clientId: string }) => r.clientId === acme.id)).toBe(true);
      const asked = await t
        .http()
        .get(`/api/requests?clientId=${globex.id}`)
        .set(...bearer(acmeUser))
        .expect(200);
      expect(asked.body).toEqual({ items: [], total: 0 });
      await t
        .http()
        .post(`/api/requests/${globexRequest}/comments`)
        .set(...bearer(acmeUser))
        .send({ body: 'Hello?' })
        .expect(404);
    });

    it('files for any client as the consultant, and filters the list', async () => {
      await file(consultant, globexContract.id, 'high').expect(201);
      const res = await t
        .http()
        .get(`/api/requests?contractId=${globexContract.id}&status=open`)
        .set(...bearer(consultant))
        .expect(200);
      expect(res.body.total).toBe(2);
      const page = await t
        .http()
        .get(`/api/requests?contractId=${globexContract.id}&limit=1&offset=1`)
        .set(...bearer(consultant))
        .expect(200);
      expect(page.body).toMatchObject({ total: 2, items: [expect.any(Object)] });
    });

    it('lists the inbox: open and in-progress requests, earliest response deadline first', async () => {
      const contract = await createContract(t, consultant, acme.id);
      setNow('2026-11-25T10:00:00Z');
      const low = await file(consultant, contract.id, 'low', 'Low one').expect(201);
      await file(consultant, contract.id, 'critical', 'Critical one').expect(201);
      const high = await file(consultant, contract.id, 'high', 'High one').expect(201);
      await patch(high.body.id, { status: 'in_progress' }).expect(200);
      await patch(low.body.id, { status: 'in_progress' }).expect(200);
      await patch(low.body.id, { status: 'resolved' }).expect(200);
      const inbox = await t
        .http()
        .get(`/api/requests?contractId=${contract.id}&active=true&sort=deadline`)
        .set(...bearer(consultant))
        .expect(200);
      expect(inbox.body.items.map((r: { title: string }) => r.title)).toEqual([
        'Critical one',
        'High one',
      ]);
      expect(inbox.body.total).toBe(2);
      const dues = inbox.body.items.map((r: { responseDueAt: string }) => r.responseDueAt);
      expect([...dues].sort()).toEqual(dues);
      await t
        .http()
        .get('/api/requests?sort=oldest')
        .set(...bearer(consultant))
        .expect(400);
    });

    it('refuses a request on an ended or archived contract (422)', async () => {
      const ended = await createContract(t, consultant, acme.id, { endDate: '2026-10-31' });
      const res = await file(acmeUser, ended.id, 'normal').expect(422);
      expect(res.body).toMatchObject({ code: 'rule.contract_inactive' });
      expect(res.body.details).toEqual([
        expect.objectContaining({ standing: 'ended', endDate: '2026-10-31' }),
      ]);
      expect(res.body.message).toContain('a pris fin le 31/10/2026');
      const archived = await createContract(t, consultant, acme.id);
      await file(acmeUser, archived.id, 'low').expect(201);
      await t
        .http()
        .delete(`/api/contracts/${archived.id}`)
        .set(...bearer(consultant))
        .expect(204);
      const refused = await file(acmeUser, archived.id, 'low').expect(422);
      expect(refused.body.details).toEqual([expect.objectContaining({ standing: 'archived' })]);
      expect(refused.body.message).toContain('est archivé');
    });

    it('refuses a malformed request, naming each field', async () => {
      const res = await t
        .http()
        .post('/api/requests')
        .set(...bearer(acmeUser))
        .send({ contractId: 'nope', title: '', urgency: 'panic' })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['contractId', 'title', 'description', 'urgency']),
      );
    });
  });

  describe('response deadline', () => {
    it('a critical business-clock request filed Friday 17:30 Paris with 60 minutes is due Monday 09:30', async () => {
      const contract = await createContract(t, consultant, acme.id);
      setNow('2026-11-27T16:30:00Z');
      const res = await file(acmeUser, contract.id).expect(201);
      expect(res.body.responseDueAt).toBe('2026-11-30T08:30:00.000Z');
      setNow(WEDNESDAY);
    });

    it('a 24x7 clock runs through the night', async () => {
      const contract = await createContract(t, consultant, acme.id, {
        urgencyPolicy: { levels: { critical: { clock: '24x7', responseMinutes: 60 } } },
      });
      setNow('2026-11-27T16:30:00Z');
      const res = await file(acmeUser, contract.id).expect(201);
      expect(res.body.responseDueAt).toBe('2026-11-27T17:30:00.000Z');
      setNow(WEDNESDAY);
    });
  });

  describe('reclassification', () => {
    it('needs a reason, naming the field', async () => {
      const contract = await createContract(t, consultant, acme.id);
      const id = (await file(acmeUser, contract.id).expect(201)).body.id;
      const res = await patch(id, { urgency: 'low' }).expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'reclassificationReason' }),
      ]);
    });

    it('a downgrade is a false urgency and gives the unit back', async () => {
      const contract = await createContract(
        t,
        consultant,
        acme.id,
        criticalQuotaOfTwo({ overQuota: 'reject' }),
      );
      const first = (await file(acmeUser, contract.id).expect(201)).body;
      await file(acmeUser, contract.id).expect(201);
      await file(acmeUser, contract.id).expect(422);
      const res = await patch(first.id, {
        urgency: 'normal',
        reclassificationReason: 'A forgotten password is not critical',
      }).expect(200);
      expect(res.body).toMatchObject({
        urgencyRequested: 'critical',
        urgencyApplied: 'normal',
        reclassifiedFrom: 'critical',
        reclassificationReason: 'A forgotten password is not critical',
        falseUrgency: true,
        // normal answers within 4 business hours of the filing
        responseDueAt: '2026-11-25T14:00:00.000Z',
      });
      const again = await file(acmeUser, contract.id).expect(201);
      expect(again.body.quota).toEqual({ level: 'critical', used: 2, quota: 2 });
      const units = await t.dataSource
        .getRepository(QuotaUnit)
        .findBy({ requestId: first.id, released: false });
      expect(units).toEqual([
        expect.objectContaining({ level: 'normal', overage: false, feeCents: 0 }),
      ]);
    });

    it('an upgrade past the quota is taken, flagged as overage', async () => {
      const contract = await createContract(
        t,
        consultant,
        acme.id,
        criticalQuotaOfTwo({ overQuota: 'overage', overageFeeCents: 9000 }),
      );
      await file(acmeUser, contract.id).expect(201);
      await file(acmeUser, contract.id).expect(201);
      const normal = (await file(acmeUser, contract.id, 'normal').expect(201)).body;
      const res = await patch(normal.id, {
        urgency: 'critical',
        reclassificationReason: 'Production is down',
      }).expect(200);
      expect(res.body).toMatchObject({
        urgencyApplied: 'critical',
        falseUrgency: false,
        quota: { level: 'critical', used: 3, quota: 2 },
      });
      const units = await t.dataSource
        .getRepository(QuotaUnit)
        .findBy({ requestId: normal.id, released: false });
      expect(units).toEqual([
        expect.objectContaining({ level: 'critical', overage: true, feeCents: 9000 }),
      ]);
    });

    it("is the consultant's decision only (403 for a client user)", async () => {
      const contract = await createContract(t, consultant, acme.id);
      const id = (await file(acmeUser, contract.id, 'low').expect(201)).body.id;
      await t
        .http()
        .patch(`/api/requests/${id}`)
        .set(...bearer(acmeUser))
        .send({ urgency: 'critical', reclassificationReason: 'Please' })
        .expect(403);
    });
  });

  describe('status and comments', () => {
    let contract: { id: string };
    beforeAll(async () => {
      contract = await createContract(t, consultant, acme.id);
    });

    it('follows open → in_progress → resolved → closed, with reopening; other jumps are 409', async () => {
      const id = (await file(acmeUser, contract.id, 'normal').expect(201)).body.id;
      await patch(id, { status: 'in_progress' }).expect(200);
      const jump = await patch(id, { status: 'closed' }).expect(409);
      expect(jump.body).toMatchObject({ code: 'conflict.status_transition' });
      expect(jump.body.details).toEqual([
        expect.objectContaining({ from: 'in_progress', to: 'closed', allowed: ['resolved'] }),
      ]);
      expect(jump.body.message).toBe('Une demande en cours ne peut pas devenir fermée');
      const resolved = await patch(id, { status: 'resolved' }).expect(200);
      expect(resolved.body.resolvedAt).toEqual(expect.any(String));
      const reopened = await patch(id, { status: 'in_progress' }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'in_progress', resolvedAt: null });
      await patch(id, { status: 'resolved' }).expect(200);
      const closed = await patch(id, { status: 'closed' }).expect(200);
      expect(closed.body.closedAt).toEqual(expect.any(String));
      await patch(id, { status: 'open' }).expect(409);
      await patch(id, { status: 'in_progress' }).expect(409);
      const after = await t
        .http()
        .post(`/api/requests/${id}/comments`)
        .set(...bearer(acmeUser))
        .send({ body: 'Still broken' })
        .expect(409);
      expect(after.body.code).toBe('conflict.request_closed');
    });

    it("the consultant's first comment is the response: respondedAt set, open becomes in_progress", async () => {
      const id = (await file(acmeUser, contract.id, 'critical').expect(201)).body.id;
      setNow('2026-11-25T10:10:00Z');
      await t
        .http()
        .post(`/api/requests/${id}/comments`)
        .set(...bearer(acmeUser))
        .send({ body: 'Any news?' })
        .expect(201);
      expect((await detail(id).expect(200)).body).toMatchObject({
        status: 'open',
        respondedAt: null,
      });
      setNow('2026-11-25T10:20:00Z');
      const comment = await t
        .http()
        .post(`/api/requests/${id}/comments`)
        .set(...bearer(consultant))
        .send({ body: 'On it.' })
        .expect(201);
      expect(comment.body).toMatchObject({
        body: 'On it.',
        authorRole: 'consultant',
        authorName: 'Camille Martin',
      });
      setNow('2026-11-25T10:40:00Z');
      await t
        .http()
        .post(`/api/requests/${id}/comments`)
        .set(...bearer(consultant))
        .send({ body: 'Fixed, I think.' })
        .expect(201);
      const res = await detail(id, acmeUser).expect(200);
      expect(res.body).toMatchObject({
        status: 'in_progress',
        respondedAt: '2026-11-25T10:20:00.000Z',
        sla: 'met',
      });
      expect(
        res.body.comments.map((c: { body: string; authorRole: string }) => [c.authorRole, c.body]),
      ).toEqual([
        ['client', 'Any news?'],
        ['consultant', 'On it.'],
        ['consultant', 'Fixed, I think.'],
      ]);
      setNow(WEDNESDAY);
    });

    it('answers sla met, missed or pending', async () => {
      setNow('2026-11-25T10:00:00Z');
      const met = (await file(acmeUser, contract.id, 'high', 'met').expect(201)).body.id;
      const late = (await file(acmeUser, contract.id, 'high', 'late').expect(201)).body.id;
      const silent = (await file(acmeUser, contract.id, 'high', 'silent').expect(201)).body.id;
      const waiting = (await file(acmeUser, contract.id, 'low', 'waiting').expect(201)).body.id;
      const comment = (id: string) =>
        t
          .http()
          .post(`/api/requests/${id}/comments`)
          .set(...bearer(consultant))
          .send({ body: 'Looking' })
          .expect(201);
      setNow('2026-11-25T11:00:00Z');
      await comment(met);
      setNow('2026-11-25T12:30:00Z'); // high is due at 12:00
      await comment(late);
      const sla = async (id: string) => (await detail(id).expect(200)).body.sla as string;
      expect(await sla(met)).toBe('met');
      expect(await sla(late)).toBe('missed');
      expect(await sla(silent)).toBe('missed');
      expect(await sla(waiting)).toBe('pending');
      setNow(WEDNESDAY);
    });

    it('lists the work logged against the request in its detail', async () => {
      const id = (await file(acmeUser, contract.id, 'normal').expect(201)).body.id;
      const me = await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(consultant))
        .expect(200);
      const activity = await createActivity(t, consultant);
      const workId = await insertWork(t, {
        consultantId: me.body.id,
        contractId: contract.id,
        clientId: acme.id,
        activityId: activity.id,
        requestId: id,
        startedAt: '2026-11-25T13:00:00Z',
        minutes: 45,
      });
      const res = await detail(id, acmeUser).expect(200);
      expect(res.body.interventions).toEqual([
        expect.objectContaining({
          id: workId,
          startedAt: '2026-11-25T13:00:00.000Z',
          endedAt: '2026-11-25T13:45:00.000Z',
          durationMinutes: 45,
          billableMinutes: 45,
          urgency: 'normal',
        }),
      ]);
    });
  });

  it('lists its routes in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(doc.body.paths['/api/requests']).toHaveProperty('post');
    expect(doc.body.paths['/api/requests']).toHaveProperty('get');
    expect(doc.body.paths['/api/requests/{id}']).toHaveProperty('get');
    expect(doc.body.paths['/api/requests/{id}']).toHaveProperty('patch');
    expect(doc.body.paths['/api/requests/{id}/comments']).toHaveProperty('post');
  });
});
