import { Clock } from '../src/common/clock';
import { startTestApp, TestApp } from './app';
import { bearer, createClient, createUser, setupConsultant } from './factories';
import {
  insertContract,
  insertRequest,
  interventionInput,
  logIntervention,
  supportSetup,
} from './factories/interventions';

const NOW = '2026-12-02T10:00:00+01:00';
describe('interventions: logging, pricing, refusals, timer, quota, guardrails', () => {
  let t: TestApp;
  let consultant: string;
  let setup: Awaited<ReturnType<typeof supportSetup>>;
  const log = (overrides: Record<string, unknown>, token = consultant) =>
    logIntervention(t, token, interventionInput(setup.contract.id, setup.activityId, overrides));

  beforeAll(async () => {
    // The scenario's clock: Wednesday 2 December 2026, 10:00 in Paris.
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
    setup = await supportSetup(t, consultant);
  });
  afterAll(() => t.close());

  describe('derived figures', () => {
    it('bills a 50-minute remote intervention at 90 €/h as one hour: 60 minutes, 90.00 €', async () => {
      const res = await log({}).expect(201);
      expect(res.body).toMatchObject({
        durationMinutes: 50,
        afterHoursMinutes: 0,
        billableMinutes: 60,
        hourlyRateCents: 9000,
        surchargePercent: 0,
        amountCents: 9000,
        clientId: setup.clientId,
        startedAt: '2026-11-02T09:00:00.000Z',
        warnings: [],
      });
      expect(res.body).not.toHaveProperty('quota');
    });

    it('puts the 50 % after-hours surcharge on the hour after 18:00 only (17:00–19:00)', async () => {
      const res = await log({
        startedAt: '2026-11-03T17:00:00+01:00',
        endedAt: '2026-11-03T19:00:00+01:00',
      }).expect(201);
      expect(res.body).toMatchObject({
        durationMinutes: 120,
        afterHoursMinutes: 60,
        billableMinutes: 120,
        baseAmountCents: 18000,
        afterHoursSurchargePercent: 50,
        afterHoursSurchargeCents: 4500,
        amountCents: 22500,
      });
    });

    it('counts true time across the autumn clock change: 01:00–04:00 on 25 October is 4 hours', async () => {
      const res = await log({
        startedAt: '2026-10-25T01:00:00+02:00',
        endedAt: '2026-10-25T04:00:00+01:00',
      }).expect(201);
      expect(res.body).toMatchObject({ durationMinutes: 240, afterHoursMinutes: 240 });
    });

    it('takes a Saturday as after hours from start to end', async () => {
      const res = await log({
        startedAt: '2026-11-07T10:00:00+01:00',
        endedAt: '2026-11-07T11:30:00+01:00',
      }).expect(201);
      expect(res.body).toMatchObject({ durationMinutes: 90, afterHoursMinutes: 90 });
    });

    it('applies the urgency level surcharge and the activity rate of the contract', async () => {
      const training = await t
        .http()
        .post('/api/activities')
        .set(...bearer(consultant))
        .send({ name: 'Training', kind: 'training', defaultRateCents: 5000 })
        .expect(201);
      const contract = await insertContract(t, setup.clientId, {
        billing: {
          hourlyRateCents: 9000,
          activityRates: [{ activityId: training.body.id, hourlyRateCents: 12000 }],
          roundingMinutes: 15,
          minimumBillableMinutes: 30,
        },
      });
      const res = await logIntervention(
        t,
        consultant,
        interventionInput(contract.id, training.body.id, {
          startedAt: '2026-11-04T09:00:00+01:00',
          endedAt: '2026-11-04T10:00:00+01:00',
          urgency: 'critical',
        }),
      ).expect(201);
      // 60 min at 120.00 €/h, plus the critical level's 50 % surcharge.
      expect(res.body).toMatchObject({
        hourlyRateCents: 12000,
        baseAmountCents: 12000,
        surchargePercent: 50,
        urgencySurchargeCents: 6000,
        amountCents: 18000,
      });
    });

    it('bills nothing for work marked not billable, or on a non-billable activity', async () => {
      const own = await log({
        startedAt: '2026-11-04T11:00:00+01:00',
        endedAt: '2026-11-04T11:40:00+01:00',
        billable: false,
      }).expect(201);
      expect(own.body).toMatchObject({ durationMinutes: 40, billableMinutes: 0, amountCents: 0 });
      const internal = await t
        .http()
        .post('/api/activities')
        .set(...bearer(consultant))
        .send({ name: 'Internal', kind: 'other', defaultRateCents: 0, billable: false })
        .expect(201);
      const res = await log({
        activityId: internal.body.id,
        startedAt: '2026-11-04T12:00:00+01:00',
        endedAt: '2026-11-04T12:30:00+01:00',
      }).expect(201);
      expect(res.body).toMatchObject({ billable: false, billableMinutes: 0, amountCents: 0 });
    });

    it('writes one local-day row per day: 23:00–01:00 is 60 minutes on each day', async () => {
      const res = await log({
        startedAt: '2026-11-09T23:00:00+01:00',
        endedAt: '2026-11-10T01:00:00+01:00',
      }).expect(201);
      const rows = await t.dataSource.query(
        `SELECT "day", "minutes", "afterHoursMinutes", "isStartDay" FROM intervention_days WHERE "interventionId" = '${res.body.id}' ORDER BY "day"`,
      );
      expect(
        rows.map((r: Record<string, unknown>) => [r.day, r.minutes, r.afterHoursMinutes]),
      ).toEqual([
        ['2026-11-09', 60, 60],
        ['2026-11-10', 60, 60],
      ]);
      expect(rows.map((r: { isStartDay: unknown }) => Boolean(r.isStartDay))).toEqual([
        true,
        false,
      ]);
    });

    it('rewrites the day rows and the figures on a correction', async () => {
      const created = await log({
        startedAt: '2026-11-05T09:00:00+01:00',
        endedAt: '2026-11-05T10:00:00+01:00',
      }).expect(201);
      const res = await t
        .http()
        .patch(`/api/interventions/${created.body.id}`)
        .set(...bearer(consultant))
        .send({ startedAt: '2026-11-05T22:00:00+01:00', endedAt: '2026-11-06T02:00:00+01:00' })
        .expect(200);
      expect(res.body).toMatchObject({
        durationMinutes: 240,
        afterHoursMinutes: 240,
        amountCents: 54000,
      });
      const rows = await t.dataSource.query(
        `SELECT "day", "minutes" FROM intervention_days WHERE "interventionId" = '${created.body.id}' ORDER BY "day"`,
      );
      expect(rows).toEqual([
        { day: '2026-11-05', minutes: 120 },
        { day: '2026-11-06', minutes: 120 },
      ]);
    });
  });

  describe('refusals', () => {
    it.each([
      [
        'an end before the start',
        { startedAt: '2026-11-12T10:00:00+01:00', endedAt: '2026-11-12T09:00:00+01:00' },
        'endedAt',
        /La fin doit venir après le début/,
      ],
      [
        'more than 24 hours',
        { startedAt: '2026-11-12T08:00:00+01:00', endedAt: '2026-11-13T09:00:00+01:00' },
        'endedAt',
        /dure au plus 24 h\s; celle-ci dure 25 h/,
      ],
      [
        'an end in the future',
        {
          startedAt: '2026-12-02T09:00:00+01:00',
          endedAt: '2026-12-02T11:00:00+01:00', // an hour after the scenario's clock
        },
        'endedAt',
        /La fin est dans le futur/,
      ],
      [
        'an instant without an offset',
        { startedAt: '2026-11-12T08:00:00', endedAt: '2026-11-12T09:00:00+01:00' },
        'startedAt',
        /avec leur décalage/,
      ],
    ])('refuses %s with 400 naming the field', async (_, times, field, message) => {
      const res = await log(times).expect(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, message: expect.stringMatching(message) }),
        ]),
      );
    });

    it('accepts an end a minute ahead of the server clock (clock skew)', async () => {
      const helper = await createUser(t, consultant, 'consultant');
      const res = await logIntervention(
        t,
        helper.token,
        interventionInput(setup.contract.id, setup.activityId, {
          startedAt: '2026-12-02T09:30:00+01:00',
          endedAt: '2026-12-02T10:01:00+01:00', // a minute after the scenario's clock
        }),
      );
      expect(res.status).toBe(201);
    });

    it('refuses an overlap with 409 naming the other intervention in local time', async () => {
      await log({
        startedAt: '2026-11-16T09:00:00+01:00',
        endedAt: '2026-11-16T10:00:00+01:00',
      }).expect(201);
      const res = await log({
        startedAt: '2026-11-16T09:30:00+01:00',
        endedAt: '2026-11-16T10:30:00+01:00',
      }).expect(409);
      expect(res.body.code).toBe('conflict.overlap');
      expect(res.body.details).toEqual([
        expect.objectContaining({ localStart: '2026-11-16T09:00', localEnd: '2026-11-16T10:00' }),
      ]);
      expect(res.body.message).toContain('du 16/11/2026 09:00 au 16/11/2026 10:00');
      // Back to back is not an overlap.
      await log({
        startedAt: '2026-11-16T10:00:00+01:00',
        endedAt: '2026-11-16T10:30:00+01:00',
      }).expect(201);
    });

    it("lets two consultants work at the same time, and lists each one's work apart", async () => {
      const other = await createUser(t, consultant, 'consultant');
      const theirs = await log(
        { startedAt: '2026-11-16T09:00:00+01:00', endedAt: '2026-11-16T10:00:00+01:00' },
        other.token,
      ).expect(201);
      const list = await t
        .http()
        .get(`/api/interventions?from=2026-11-16&to=2026-11-16&consultantId=${other.id}`)
        .set(...bearer(consultant))
        .expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([theirs.body.id]);
      const everyone = await t
        .http()
        .get('/api/interventions?from=2026-11-16&to=2026-11-16')
        .set(...bearer(consultant))
        .expect(200);
      expect(everyone.body.total).toBeGreaterThan(1);
    });

    it('refuses a change or a deletion once invoiced (409), saying how to free a draft', async () => {
      const created = await log({
        startedAt: '2026-11-17T09:00:00+01:00',
        endedAt: '2026-11-17T10:00:00+01:00',
      }).expect(201);
      const invoiceId = '00000000-0000-4000-8000-000000000001';
      await t.dataSource.query(
        `UPDATE interventions SET "invoiceId" = '${invoiceId}' WHERE id = '${created.body.id}'`,
      );
      const patch = await t
        .http()
        .patch(`/api/interventions/${created.body.id}`)
        .set(...bearer(consultant))
        .send({ description: 'changed' })
        .expect(409);
      expect(patch.body.code).toBe('conflict.invoiced');
      expect(patch.body.details).toEqual([expect.objectContaining({ invoiceId })]);
      expect(patch.body.message).toBe('Cette intervention est facturée et ne peut plus changer');
      await t
        .http()
        .delete(`/api/interventions/${created.body.id}`)
        .set(...bearer(consultant))
        .expect(409);
      const listed = await t
        .http()
        .get('/api/interventions?invoiced=true')
        .set(...bearer(consultant))
        .expect(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    });

    it('names the draft invoice that holds an intervention, and frees it when the draft is deleted', async () => {
      const contract = await insertContract(t, setup.clientId);
      const created = await logIntervention(
        t,
        consultant,
        interventionInput(contract.id, setup.activityId, {
          startedAt: '2026-11-10T14:00:00+01:00',
          endedAt: '2026-11-10T15:00:00+01:00',
        }),
      ).expect(201);
      const draft = await t
        .http()
        .post('/api/invoices/drafts')
        .set(...bearer(consultant))
        .send({ contractId: contract.id, periodStart: '2026-11-01', periodEnd: '2026-11-30' })
        .expect(201);
      const refused = await t
        .http()
        .patch(`/api/interventions/${created.body.id}`)
        .set(...bearer(consultant))
        .send({ description: 'Spooler restarted twice' })
        .expect(409);
      expect(refused.body.details).toEqual([
        expect.objectContaining({ invoiceId: draft.body.id, invoiceStatus: 'draft' }),
      ]);
      expect(refused.body.message).toContain('supprimez le brouillon pour la libérer');
      await t
        .http()
        .delete(`/api/invoices/${draft.body.id}`)
        .set(...bearer(consultant))
        .expect(204);
      const freed = await t
        .http()
        .patch(`/api/interventions/${created.body.id}`)
        .set(...bearer(consultant))
        .send({ description: 'Spooler restarted twice' })
        .expect(200);
      expect(freed.body).toMatchObject({ invoiceId: null, description: 'Spooler restarted twice' });
    });

    it('refuses after-hours work where the contract does not offer it, unless critical on a 24x7 clock', async () => {
      const daytime = await insertContract(t, setup.clientId, {
        urgencyPolicy: { afterHoursAllowed: false, levels: { critical: { clock: '24x7' } } },
      });
      const evening = {
        startedAt: '2026-11-18T19:00:00+01:00',
        endedAt: '2026-11-18T20:00:00+01:00',
      };
      const input = (o: Record<string, unknown>) =>
        interventionInput(daytime.id, setup.activityId, { ...evening, ...o });
      const refused = await logIntervention(t, consultant, input({ urgency: 'high' })).expect(422);
      expect(refused.body.code).toBe('rule.after_hours_not_offered');
      await logIntervention(t, consultant, input({ urgency: 'critical' })).expect(201);

      const businessOnly = await insertContract(t, setup.clientId, {
        urgencyPolicy: { afterHoursAllowed: false },
      });
      await logIntervention(
        t,
        consultant,
        interventionInput(businessOnly.id, setup.activityId, {
          startedAt: '2026-11-18T21:00:00+01:00',
          endedAt: '2026-11-18T22:00:00+01:00',
          urgency: 'critical',
        }),
      ).expect(422);
    });

    it('refuses unknown or archived contracts and activities, naming the field', async () => {
      const unknown = '00000000-0000-4000-8000-00000000abcd';
      const times = {
        startedAt: '2026-11-19T09:00:00+01:00',
        endedAt: '2026-11-19T10:00:00+01:00',
      };
      const noContract = await log({ ...times, contractId: unknown }).expect(400);
      expect(noContract.body.details).toEqual([expect.objectContaining({ field: 'contractId' })]);
      const noActivity = await log({ ...times, activityId: unknown }).expect(400);
      expect(noActivity.body.details).toEqual([expect.objectContaining({ field: 'activityId' })]);
      const archived = await insertContract(t, setup.clientId);
      await t.dataSource.query(
        `UPDATE contracts SET "archivedAt" = '2026-11-01T00:00:00.000Z' WHERE id = '${archived.id}'`,
      );
      const res = await logIntervention(
        t,
        consultant,
        interventionInput(archived.id, setup.activityId, times),
      ).expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'contractId', reason: 'archived' }),
      ]);
      expect(res.body.message).toBe(`Le contrat ${archived.reference} est archivé`);
    });

    it('refuses work dated outside the contract period (422 naming startedAt)', async () => {
      const ended = await insertContract(t, setup.clientId, {
        startDate: '2026-03-01',
        endDate: '2026-06-30',
      });
      const late = await logIntervention(
        t,
        consultant,
        interventionInput(ended.id, setup.activityId, {
          startedAt: '2026-07-01T09:00:00+02:00',
          endedAt: '2026-07-01T10:00:00+02:00',
        }),
      ).expect(422);
      expect(late.body.details).toEqual([expect.objectContaining({ field: 'startedAt' })]);
      expect(late.body.message).toContain('qui court du 01/03/2026 au 30/06/2026');
      await logIntervention(
        t,
        consultant,
        interventionInput(ended.id, setup.activityId, {
          startedAt: '2026-02-27T09:00:00+01:00',
          endedAt: '2026-02-27T10:00:00+01:00',
        }),
      ).expect(422);
      await logIntervention(
        t,
        consultant,
        interventionInput(ended.id, setup.activityId, {
          startedAt: '2026-06-30T09:00:00+02:00',
          endedAt: '2026-06-30T10:00:00+02:00',
        }),
      ).expect(201);
    });
  });

  describe('requests', () => {
    it('marks the request answered at the first intervention and moves it in progress', async () => {
      const me = await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(consultant))
        .expect(200);
      const request = await insertRequest(t, setup.contract, me.body.id);
      await log({
        requestId: request.id,
        urgency: 'high',
        startedAt: '2026-11-20T09:00:00+01:00',
        endedAt: '2026-11-20T09:30:00+01:00',
      }).expect(201);
      await log({
        requestId: request.id,
        startedAt: '2026-11-20T14:00:00+01:00',
        endedAt: '2026-11-20T14:30:00+01:00',
      }).expect(201);
      const [row] = await t.dataSource.query(
        `SELECT status, "respondedAt" FROM requests WHERE id = '${request.id}'`,
      );
      expect(row).toEqual({ status: 'in_progress', respondedAt: '2026-11-20T08:00:00.000Z' });
      const listed = await t
        .http()
        .get(`/api/interventions?requestId=${request.id}`)
        .set(...bearer(consultant))
        .expect(200);
      expect(listed.body.total).toBe(2);
    });

    it('refuses a request of another contract', async () => {
      const me = await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(consultant))
        .expect(200);
      const other = await insertContract(t, setup.clientId);
      const request = await insertRequest(t, other, me.body.id);
      const res = await log({
        requestId: request.id,
        startedAt: '2026-11-20T16:00:00+01:00',
        endedAt: '2026-11-20T16:30:00+01:00',
      }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'requestId' })]);
    });
  });

  describe('quota', () => {
    it('takes a unit per urgent intervention without request, reports going over, and gives it back on delete', async () => {
      const contract = await insertContract(t, setup.clientId, {
        urgencyPolicy: {
          levels: { high: { monthlyQuota: 2, overQuota: 'overage', overageFeeCents: 5000 } },
        },
      });
      const call = (day: string) =>
        logIntervention(
          t,
          consultant,
          interventionInput(contract.id, setup.activityId, {
            urgency: 'high',
            startedAt: `2026-11-${day}T15:00:00+01:00`,
            endedAt: `2026-11-${day}T15:20:00+01:00`,
          }),
        ).expect(201);
      const first = await call('23');
      expect(first.body.quota).toMatchObject({
        code: 'counted',
        level: 'high',
        month: '2026-11',
        used: 1,
        quota: 2,
        over: false,
      });
      await call('24');
      const third = await call('25');
      expect(third.body.quota).toMatchObject({
        code: 'over_quota_fee',
        used: 3,
        quota: 2,
        over: true,
        overageFeeCents: 5000,
      });
      expect(third.body.quota.message).toBe(
        '3 sur 2 interventions de niveau Haute en novembre 2026\u00a0: au-delà du quota mensuel, enregistrée quand même\u00a0; un supplément de 50,00\u00a0€ s’applique',
      );
      const units = await t.dataSource.query(
        `SELECT overage, "feeCents", released FROM quota_units WHERE "contractId" = '${contract.id}' ORDER BY "createdAt"`,
      );
      expect(units.map((u: Record<string, unknown>) => [Boolean(u.overage), u.feeCents])).toEqual([
        [false, 0],
        [false, 0],
        [true, 5000],
      ]);
      const downgraded = await t
        .http()
        .patch(`/api/interventions/${third.body.id}`)
        .set(...bearer(consultant))
        .send({ urgency: 'normal' })
        .expect(200);
      expect(downgraded.body).not.toHaveProperty('quota');
      await t
        .http()
        .delete(`/api/interventions/${first.body.id}`)
        .set(...bearer(consultant))
        .expect(204);
      const [{ used }] = await t.dataSource.query(
        `SELECT COUNT(*) AS used FROM quota_units WHERE "contractId" = '${contract.id}' AND released = ${t.db.kind === 'postgres' ? 'false' : '0'}`,
      );
      // The downgraded one and the deleted one gave their units back.
      expect(Number(used)).toBe(1);
      await t
        .http()
        .get(`/api/interventions/${first.body.id}`)
        .set(...bearer(consultant))
        .expect(404);
    });

    it('takes nothing for work on a request (the request took its unit)', async () => {
      const me = await t
        .http()
        .get('/api/auth/me')
        .set(...bearer(consultant))
        .expect(200);
      const request = await insertRequest(t, setup.contract, me.body.id);
      const res = await log({
        requestId: request.id,
        urgency: 'critical',
        startedAt: '2026-11-26T09:00:00+01:00',
        endedAt: '2026-11-26T09:30:00+01:00',
      }).expect(201);
      expect(res.body).not.toHaveProperty('quota');
    });
  });

  describe('guardrails', () => {
    it('warns past 48 h in a week with the figures, and still records the work', async () => {
      const busy = await createUser(t, consultant, 'consultant');
      const days = ['05', '06', '07', '08'];
      for (const day of days) {
        await logIntervention(
          t,
          busy.token,
          interventionInput(setup.contract.id, setup.activityId, {
            startedAt: `2026-10-${day}T08:00:00+02:00`,
            endedAt: `2026-10-${day}T18:00:00+02:00`,
          }),
        ).expect(201);
      }
      const res = await logIntervention(
        t,
        busy.token,
        interventionInput(setup.contract.id, setup.activityId, {
          startedAt: '2026-10-09T08:00:00+02:00',
          endedAt: '2026-10-09T17:30:00+02:00',
        }),
      ).expect(201);
      expect(res.body.warnings).toEqual(
        expect.arrayContaining([
          {
            code: 'weekly_limit',
            week: '2026-W41',
            workedMinutes: 2970,
            limitMinutes: 2880,
            message: '49 h 30 en semaine 2026-W41, limite 48 h',
          },
        ]),
      );
      expect(res.body.warnings.map((w: { code: string }) => w.code)).not.toContain('weekly_alert');
    });
  });

  describe('timer', () => {
    let timerUser: { token: string; id: string };
    const start = (body: Record<string, unknown> = {}) =>
      t
        .http()
        .post('/api/interventions/timer/start')
        .set(...bearer(timerUser.token))
        .send({
          contractId: setup.contract.id,
          activityId: setup.activityId,
          urgency: 'normal',
          location: 'remote',
          ...body,
        });

    beforeAll(async () => {
      timerUser = await createUser(t, consultant, 'consultant');
    });

    it('starts, refuses a second start, shows the running timer and stops into a priced intervention', async () => {
      await t
        .http()
        .get('/api/interventions/timer')
        .set(...bearer(timerUser.token))
        .expect(200, { running: null });
      const started = await start({ description: 'Phone call' }).expect(201);
      expect(started.body.running).toMatchObject({ running: true, endedAt: null, source: 'timer' });
      const second = await start().expect(409);
      expect(second.body.code).toBe('conflict.timer_running');
      const current = await t
        .http()
        .get('/api/interventions/timer')
        .set(...bearer(timerUser.token))
        .expect(200);
      expect(current.body.running.id).toBe(started.body.running.id);
      const stopped = await t
        .http()
        .post('/api/interventions/timer/stop')
        .set(...bearer(timerUser.token))
        .expect(200);
      expect(stopped.body).toMatchObject({
        id: started.body.running.id,
        running: false,
        autoStopped: false,
        billableMinutes: 30,
        amountCents: 4500,
      });
      expect(Array.isArray(stopped.body.warnings)).toBe(true);
      await t
        .http()
        .post('/api/interventions/timer/stop')
        .set(...bearer(timerUser.token))
        .expect(409);
    });

    it('refuses to start after hours on a daytime contract, and notes the evening part of a timer stopped late', async () => {
      const daytime = await insertContract(t, setup.clientId, {
        urgencyPolicy: { afterHoursAllowed: false },
      });
      const clock = jest.spyOn(t.app.get(Clock), 'now');
      try {
        clock.mockReturnValue(new Date('2026-11-22T10:00:00+01:00')); // a Sunday
        const sunday = await start({ contractId: daytime.id }).expect(422);
        expect(sunday.body.code).toBe('rule.after_hours_not_offered');
        clock.mockReturnValue(new Date('2026-11-20T17:30:00+01:00')); // Friday, before closing
        await start({ contractId: daytime.id }).expect(201);
        clock.mockReturnValue(new Date('2026-11-20T18:30:00+01:00'));
        const stopped = await t
          .http()
          .post('/api/interventions/timer/stop')
          .set(...bearer(timerUser.token))
          .expect(200);
        expect(stopped.body).toMatchObject({ durationMinutes: 60, afterHoursMinutes: 30 });
        expect(stopped.body.warnings).toEqual(
          expect.arrayContaining([expect.objectContaining({ code: 'after_hours_not_offered' })]),
        );
      } finally {
        clock.mockRestore();
      }
    });

    it('stops a timer left running for 13 hours at 12 hours when next read', async () => {
      const started = await start().expect(201);
      const thirteenHoursAgo = t.clock.ago({ hours: 13 });
      await t.dataSource.query(
        `UPDATE interventions SET "startedAt" = '${thirteenHoursAgo}' WHERE id = '${started.body.running.id}'`,
      );
      const res = await t
        .http()
        .get('/api/interventions/timer')
        .set(...bearer(timerUser.token))
        .expect(200);
      expect(res.body.running).toBeNull();
      expect(res.body.autoStopped).toMatchObject({
        id: started.body.running.id,
        autoStopped: true,
        durationMinutes: 720,
        running: false,
      });
      // A new timer can start right away.
      const next = await start().expect(201);
      expect(next.body.running.id).not.toBe(started.body.running.id);
      await t
        .http()
        .post('/api/interventions/timer/stop')
        .set(...bearer(timerUser.token))
        .expect(200);
    });
  });

  describe('listing', () => {
    it('lists newest first with filters and pagination', async () => {
      const res = await t
        .http()
        .get(`/api/interventions?from=2026-11-02&to=2026-11-03&clientId=${setup.clientId}&limit=2`)
        .set(...bearer(consultant))
        .expect(200);
      expect(res.body.items.map((i: { startedAt: string }) => i.startedAt)).toEqual([
        '2026-11-03T16:00:00.000Z',
        '2026-11-02T09:00:00.000Z',
      ]);
      expect(res.body.total).toBe(2);
    });
  });

  describe('roles', () => {
    const someId = '00000000-0000-4000-8000-000000000042';
    const routes: [string, string][] = [
      ['post', '/api/interventions'],
      ['get', '/api/interventions'],
      ['get', `/api/interventions/${someId}`],
      ['patch', `/api/interventions/${someId}`],
      ['delete', `/api/interventions/${someId}`],
      ['get', '/api/interventions/timer'],
      ['post', '/api/interventions/timer/start'],
      ['post', '/api/interventions/timer/stop'],
      ['post', '/api/interventions/import?source=toggl'],
    ];

    it.each(['client', 'accountant'] as const)(
      'refuses a %s user on every interventions route (403)',
      async (role) => {
        const client = await createClient(t, consultant);
        const user = await createUser(
          t,
          consultant,
          role,
          role === 'client' ? client.id : undefined,
        );
        for (const [method, path] of routes) {
          const call = t
            .http()
            [method as 'get'](path)
            .set(...bearer(user.token));
          const res = await (method === 'get' || method === 'delete' ? call : call.send({}));
          expect([method, path, res.status]).toEqual([method, path, 403]);
        }
      },
    );
  });
});
