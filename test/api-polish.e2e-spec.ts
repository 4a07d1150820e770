import { Clock } from '../src/common/clock';
import { uniqueViolation } from '../src/common/error.filter';
import { ContractsService } from '../src/contracts/contracts.service';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { contractInput, createContract } from './factories/contracts';
import { insertContract, interventionInput, logIntervention } from './factories/interventions';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';
const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

interface Detail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

describe('API refusals, filters and totals', () => {
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
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
    consultant = await setupConsultant(t);
    client = await createClient(t, consultant, { name: 'Garage Morel' });
    clientUser = (await createUser(t, consultant, 'client', client.id)).token;
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
      ['ended', { startDate: '2026-01-01', endDate: '2026-10-31' }, '2026-01-01 – 2026-10-31'],
      ['not yet started', { startDate: '2026-12-01' }, '2026-12-01 – …'],
    ])('refuses to start on a contract %s (422 naming contractId)', async (_, dates, period) => {
      const contract = await insertContract(t, client.id, dates);
      const res = await start(contract.id).expect(422);
      expect(res.body).toMatchObject({
        code: 'rule.outside_contract',
        message: `Work on 2026-11-25 is outside the contract ${contract.reference} (${period})`,
        details: [{ field: 'contractId', message: `outside the contract period ${period}` }],
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
            message: `Work on 2026-11-25 is outside the contract ${contract.reference} (2026-01-01 – 2026-11-24)`,
          },
        ]),
      );
      const other = await insertContract(t, client.id);
      await start(other.id).expect(201);
      await api('post', '/api/interventions/timer/stop', user.token).expect(200);
    });
  });

  describe('import', () => {
    const toggl = (...rows: string[]) => [TOGGL_HEADER, ...rows].join('\n');
    const row = (user: string, email: string, day: string, description = 'Poste') =>
      `${user},${email},Garage Morel,Atelier,Support,${description},Yes,${day},09:00:00,${day},10:00:00,01:00:00,,`;
    const importJson = (query: string, csv: string, contractId: string, token = consultant) =>
      api('post', `/api/interventions/import?source=toggl&${query}`, token).send({
        csv,
        mapping: [{ client: 'Garage Morel', contractId }],
      });

    it('refuses a row outside the contract dates with the reason a manual entry gets', async () => {
      const ended = await insertContract(t, client.id, { endDate: '2026-10-31' });
      const manual = await logIntervention(
        t,
        consultant,
        interventionInput(ended.id, activityId, {
          startedAt: '2026-11-02T09:00:00+01:00',
          endedAt: '2026-11-02T10:00:00+01:00',
        }),
      ).expect(422);
      const csv = toggl(
        row('Camille', 'camille@example.fr', '2026-10-30'),
        row('Camille', 'camille@example.fr', '2026-11-02'),
      );
      const res = await importJson('dryRun=true', csv, ended.id).expect(200);
      expect(res.body).toMatchObject({ accepted: 1, refused: [{ row: 3 }] });
      expect(res.body.refused[0].reason).toBe(manual.body.message);
    });

    it("refuses a colleague's rows of a team export, naming them, unless their email is chosen", async () => {
      const contract = await insertContract(t, client.id);
      const csv = toggl(
        row('Camille Martin', 'camille@example.fr', '2026-11-03', 'Mine'),
        row('Ana Lopez', 'ana@exemple.fr', '2026-11-03', 'Hers'),
        row('Ana Lopez', '', '2026-11-04', 'Nobody named'),
      );
      const own = await importJson('dryRun=true', csv, contract.id).expect(200);
      expect(own.body).toMatchObject({ accepted: 2, created: 0 });
      expect(own.body.refused).toEqual([
        {
          row: 3,
          reason:
            'an entry of Ana Lopez (ana@exemple.fr), not of camille@example.fr: import it signed in as that user, or set email=ana@exemple.fr if it is yours',
        },
      ]);
      const hers = await importJson('dryRun=true&email=ANA@exemple.fr', csv, contract.id);
      expect(hers.status).toBe(200);
      expect(hers.body.accepted).toBe(2);
      expect(hers.body.refused.map((r: { row: number }) => r.row)).toEqual([2]);
      await importJson('email=not-an-email', csv, contract.id).expect(400);
    });

    it.each([
      [
        'a Kimai file sent as Toggl',
        'file',
        'Date,From,To,Customer,Project\n2026-11-03,09:00,10:00,A,B',
      ],
      ['an empty file', 'file', ''],
      [
        'slashed dates that could be either order',
        'dateFormat',
        toggl(
          'Camille,camille@example.fr,Garage Morel,Atelier,Support,Poste,Yes,02/03/2026,09:00:00,02/03/2026,10:00:00,01:00:00,,',
        ),
      ],
    ])('answers %s with 400 naming %s', async (_, field, csv) => {
      const res = await api('post', '/api/interventions/import?source=toggl&dryRun=true')
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
    });
  });

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
        { field: 'title', message: 'title must not be empty or only spaces' },
      ]);
      const blankText = await file('Printer', ' \t ').expect(400);
      expect(blankText.body.details.map((d: Detail) => d.field)).toEqual(['description']);
    });
  });

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

  describe('practice settings', () => {
    it('refuses the standard VAT regime without a VAT number (400 naming vatNumber)', async () => {
      const res = await api('patch', '/api/practice').send({ vatRegime: 'standard' }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'vatNumber' })]);
      const ok = await api('patch', '/api/practice')
        .send({ vatRegime: 'standard', vatNumber: 'FR44732829320' })
        .expect(200);
      expect(ok.body).toMatchObject({ vatRegime: 'standard', vatNumber: 'FR44732829320' });
      await api('patch', '/api/practice').send({ vatNumber: null }).expect(400);
      await api('patch', '/api/practice').send({ vatRegime: 'franchise' }).expect(200);
    });

    it('merges a partial limits object into the current limits', async () => {
      const res = await api('patch', '/api/practice')
        .send({ limits: { maxDailyMinutes: 540 } })
        .expect(200);
      expect(res.body.limits).toEqual({
        maxWeeklyMinutes: 2880,
        alertWeeklyMinutes: 2400,
        maxDailyMinutes: 540,
        minDailyRestMinutes: 660,
        minWeeklyDaysOff: 1,
        maxAfterHoursMinutesPerWeek: 480,
        maxUrgentInterruptionsPerDay: 3,
      });
      const bad = await api('patch', '/api/practice')
        .send({ limits: { maxDailyMinutes: 0 } })
        .expect(400);
      expect(bad.body.details).toEqual([
        expect.objectContaining({ field: 'limits.maxDailyMinutes' }),
      ]);
      const crossed = await api('patch', '/api/practice')
        .send({ limits: { alertWeeklyMinutes: 3000 } })
        .expect(400);
      expect(crossed.body.details).toEqual([
        expect.objectContaining({ field: 'limits.alertWeeklyMinutes' }),
      ]);
    });

    it('refuses closures given as a string, saying a list is expected', async () => {
      const res = await api('patch', '/api/practice').send({ closures: '2026-08-10' }).expect(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([{ field: 'closures', message: 'closures must be an array' }]),
      );
    });
  });
});
