import { TestApp } from './app';
import { bearer, createActivity, createClient, createUser } from './factories';
import { createContract } from './factories/contracts';
import { Intervention } from '../src/interventions/intervention.entity';
import { apiAs, signedIn, startPractice } from './support/world';

interface Line {
  kind: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
  interventionIds: string[];
}

interface Doc {
  id: string;
  status: string;
  totals: { netCents: number; grossCents: number };
  lines: Line[];
  warnings: { code: string; date: string }[];
}

/**
 * No worked hour becomes unbillable. The scenario starts on Friday 4 December 2026 in Paris: a
 * retainer of 8 h a month for 600.00 € (110.00 € an hour beyond), F1 (November's fee and a
 * 999.00 € line: 1,599.00 €) paid 500.00 €. A December draft made that day says that December
 * has not ended. On 5 January 2027 the 43.75 hours worked in December are billed by F2, which is
 * credited in full with its work given back: a new December draft bills the 43.75 hours again,
 * and the client owes 1,099.00 € on every reader.
 */
describe('billable work: credited, late or early, every hour is billed once', () => {
  let t: TestApp;
  let consultant: string;
  let clientId: string;
  let contractId: string;
  let activityId: string;
  let clientUser: { token: string; email: string };
  const OWED = 159_900 - 50_000;
  const DECEMBER_MINUTES = 43 * 60 + 45;

  let api: ReturnType<typeof apiAs>;

  const draft = async (contract: string, start: string, end: string): Promise<Doc> =>
    (
      await api
        .post('/api/invoices/drafts', { contractId: contract, periodStart: start, periodEnd: end })
        .expect(201)
    ).body as Doc;

  const issue = async (id: string): Promise<Doc> =>
    (await api.post(`/api/invoices/${id}/issue`).expect(200)).body as Doc;

  /** Logs `minutes` of work starting at 09:00 Paris on `day`, through the API. */
  async function work(contract: string, day: string, minutes: number): Promise<string> {
    const start = new Date(`${day}T09:00:00+01:00`);
    const res = await api
      .post('/api/interventions', {
        contractId: contract,
        activityId,
        startedAt: start.toISOString(),
        endedAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
        urgency: 'normal',
        location: 'remote',
        description: `Work of ${day}`,
        billable: true,
      })
      .expect(201);
    return res.body.id as string;
  }

  const billedHours = (doc: Doc) =>
    doc.lines.filter((l) => l.kind === 'retainer_overage').reduce((s, l) => s + l.quantity, 0);

  beforeAll(async () => {
    ({ t, consultant } = await startPractice({ now: '2026-12-04T10:00:00+01:00' }));
    api = apiAs(t, consultant);
    const client = await createClient(t, consultant, { name: 'Cabinet Tournesol' });
    clientId = client.id;
    activityId = (await createActivity(t, consultant)).id;
    contractId = (
      await createContract(t, consultant, clientId, {
        billing: { includedMinutesPerMonth: 480 },
      })
    ).id;
    const november = await draft(contractId, '2026-11-01', '2026-11-30');
    await api
      .patch(`/api/invoices/${november.id}`, {
        lines: [{ description: 'Audit', quantity: 1, unit: 'unit', unitPriceCents: 99_900 }],
      })
      .expect(200);
    const f1 = await issue(november.id);
    expect(f1.totals.grossCents).toBe(159_900);
    await api
      .post(`/api/invoices/${f1.id}/payments`, {
        amountCents: 50_000,
        paidOn: '2026-12-04',
        method: 'transfer',
      })
      .expect(201);
    clientUser = await createUser(t, consultant, 'client', clientId);
  });
  afterAll(() => t.close());

  it('says on the API and the console that a December draft made on 4 December covers days to come', async () => {
    const early = await draft(contractId, '2026-12-01', '2026-12-31');
    expect(early.warnings).toEqual([
      expect.objectContaining({ code: 'period_open', date: '2026-12-31' }),
    ]);
    const web = await signedIn(t);
    const fr = (await web.get(`/console/invoices/${early.id}`)).text;
    expect(fr).toContain('la période court jusqu’au 31/12/2026');
    await web.get('/lang/en');
    const en = (await web.get(`/console/invoices/${early.id}`)).text;
    expect(en).toContain('the period runs until 31 Dec 2026');
    await web.get('/lang/fr');
    const november = (await api.get('/api/invoices?status=partially_paid').expect(200)).body;
    const f1 = (await api.get(`/api/invoices/${november.items[0].id}`).expect(200)).body as Doc;
    expect(f1.warnings).toEqual([]);
    await api.delete(`/api/invoices/${early.id}`).expect(204);
  });

  it('bills the 43.75 December hours again once F2 is credited in full with its work given back', async () => {
    t.clock.set('2027-01-05T10:00:00+01:00');
    const days = ['07', '08', '09', '10', '11', '14', '15'];
    for (const day of days) await work(contractId, `2026-12-${day}`, DECEMBER_MINUTES / 7);
    const december = await draft(contractId, '2026-12-01', '2026-12-31');
    expect(december.warnings).toEqual([]);
    expect(december.lines[0].description).toContain('43,75 h consommées');
    expect(billedHours(december)).toBe(35.75);
    const f2 = await issue(december.id);
    const credited = await api
      .post(`/api/invoices/${f2.id}/credit-notes`, { releaseInterventions: true })
      .expect(201);
    expect(credited.body.totals.grossCents).toBe(-f2.totals.grossCents);
    expect((await api.get(`/api/invoices/${f2.id}`).expect(200)).body.status).toBe('cancelled');

    const again = await draft(contractId, '2026-12-01', '2026-12-31');
    expect(again.lines[0].description).toContain('8 h incluses, 43,75 h consommées');
    expect(new Set(again.lines.flatMap((l) => l.interventionIds)).size).toBe(days.length);
    expect(billedHours(again)).toBe(35.75);
    expect(again.totals.netCents).toBe(f2.totals.netCents);
  });

  it('owes 1,099.00 € on the API totals, the client report, the console, the portal and the accounting page', async () => {
    const owed = /1\s099,00\s€/;
    const list = await api.get('/api/invoices?limit=50').expect(200);
    expect(list.body.items.some((d: { status: string }) => d.status === 'draft')).toBe(true);
    expect(list.body.totals.balanceCents).toBe(OWED);
    const own = await t
      .http()
      .get('/api/invoices?limit=50')
      .set(...bearer(clientUser.token))
      .expect(200);
    expect(own.body.totals.balanceCents).toBe(OWED);
    const report = await api
      .get(`/api/reports/clients/${clientId}?from=2026-12&to=2027-01`)
      .expect(200);
    expect(report.body.balanceCents).toBe(OWED);
    const consoleWeb = await signedIn(t);
    const invoices = (await consoleWeb.get('/console/invoices')).text;
    expect(/<tfoot>[\s\S]*?<\/tfoot>/.exec(invoices)?.[0] ?? '').toMatch(owed);
    const portal = await signedIn(t, clientUser.email);
    expect((await portal.get('/portal/invoices')).text).toMatch(owed);
    const accountant = await createUser(t, consultant, 'accountant');
    const books = await signedIn(t, accountant.email);
    expect((await books.get('/accounting?from=2026-11-01&to=2027-01-31')).text).toMatch(owed);
  });

  it('bills work logged after its month was invoiced on the next draft, as a line of that month', async () => {
    const other = (await createContract(t, consultant, clientId, {
      billing: { includedMinutesPerMonth: 480 },
    })) as { id: string };
    await work(other.id, '2026-11-02', 420);
    const november = await issue((await draft(other.id, '2026-11-01', '2026-11-30')).id);
    expect(billedHours(november)).toBe(0);
    // 3 h of November logged in January: 1 h is what November's invoice left of the 8 h.
    const late = await work(other.id, '2026-11-20', 180);
    const january = await draft(other.id, '2027-01-01', '2027-01-31');
    const line = january.lines.find((l) => l.interventionIds.includes(late));
    expect(line).toMatchObject({
      kind: 'retainer_overage',
      description: 'Heures au-delà du forfait, novembre 2026 (3 h saisies après sa facture)',
      quantity: 2,
      unitPriceCents: 11_000,
      amountCents: 22_000,
    });
    const stored = await t.dataSource.getRepository(Intervention).findOneByOrFail({ id: late });
    expect(stored.invoiceId).toBe(january.id);
  });

  it('gives back the work of the lines a partial credit note credits in full', async () => {
    const tm = (await createContract(t, consultant, clientId, {
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
      },
    })) as { id: string };
    const support = await work(tm.id, '2026-10-05', 60);
    const training = (await createActivity(t, consultant, { name: 'Formation', kind: 'training' }))
      .id;
    const start = new Date('2026-10-06T09:00:00+02:00');
    const trained = (
      await api
        .post('/api/interventions', {
          contractId: tm.id,
          activityId: training,
          startedAt: start.toISOString(),
          endedAt: new Date(start.getTime() + 120 * 60_000).toISOString(),
          urgency: 'normal',
          location: 'onsite',
          description: 'Training',
          billable: true,
        })
        .expect(201)
    ).body.id as string;
    const october = await issue((await draft(tm.id, '2026-10-01', '2026-10-31')).id);
    const supportLine = october.lines.findIndex((l) => l.interventionIds.includes(support));
    const half = await api
      .post(`/api/invoices/${october.id}/credit-notes`, {
        lines: [{ lineIndex: supportLine, amountCents: 4500 }],
        releaseInterventions: true,
      })
      .expect(422);
    expect(half.body.details).toEqual([expect.objectContaining({ field: 'releaseInterventions' })]);
    await api
      .post(`/api/invoices/${october.id}/credit-notes`, {
        lines: [{ lineIndex: supportLine, amountCents: october.lines[supportLine].amountCents }],
        releaseInterventions: true,
      })
      .expect(201);
    const rows = t.dataSource.getRepository(Intervention);
    expect((await rows.findOneByOrFail({ id: support })).invoiceId).toBeNull();
    expect((await rows.findOneByOrFail({ id: trained })).invoiceId).toBe(october.id);
    const next = await draft(tm.id, '2026-12-01', '2026-12-31');
    expect(next.lines).toEqual([
      expect.objectContaining({
        kind: 'time',
        quantity: 1,
        amountCents: 9000,
        interventionIds: [support],
      }),
    ]);
    expect(next.lines[0].description).toMatch(/octobre 2026$/);
  });

  it('bills 100 minutes at 90.00 € as the intervention says: 150.30 € on both', async () => {
    const tm = (await createContract(t, consultant, clientId, {
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
        roundingMinutes: 1,
        minimumBillableMinutes: 0,
      },
    })) as { id: string };
    const rows = t.dataSource.getRepository(Intervention);
    const long = await work(tm.id, '2026-08-03', 100);
    const short = await work(tm.id, '2026-08-04', 10);
    const amounts = await Promise.all(
      [long, short].map(async (id) => (await rows.findOneByOrFail({ id })).amountCents),
    );
    expect(amounts).toEqual([15_030, 1_530]);
    const august = await draft(tm.id, '2026-08-01', '2026-08-31');
    expect(august.lines).toEqual([
      expect.objectContaining({ quantity: 1.84, unitPriceCents: 9000, amountCents: 16_560 }),
    ]);
  });

  it('bills a retainer in advance: its month’s fee ahead, the month before’s work beside it', async () => {
    const ahead = await createContract(t, consultant, clientId, {
      billing: { feeTiming: 'advance' },
    });
    expect(ahead.billing.feeTiming).toBe('advance');
    const worked = [
      await work(ahead.id, '2026-11-16', 540),
      await work(ahead.id, '2026-11-17', 180),
    ];
    const december = await draft(ahead.id, '2026-12-01', '2026-12-31');
    expect(december.lines).toEqual([
      expect.objectContaining({
        kind: 'retainer_fee',
        description: 'Forfait mensuel à échoir, décembre 2026 (10 h incluses)',
        amountCents: 60_000,
        interventionIds: [],
      }),
      expect.objectContaining({
        kind: 'retainer_overage',
        description: 'Heures au-delà du forfait, novembre 2026 (12 h consommées)',
        quantity: 2,
        amountCents: 22_000,
        interventionIds: worked,
      }),
    ]);
    const arrears = await api
      .post('/api/contracts', {
        clientId,
        reference: 'TM-ADVANCE',
        title: 'Régie',
        startDate: '2026-01-01',
        billing: {
          mode: 'time_and_materials',
          hourlyRateCents: 9000,
          roundingMinutes: 15,
          minimumBillableMinutes: 15,
          rolloverMonths: 0,
          feeTiming: 'advance',
        },
        urgencyPolicy: (await api.get(`/api/contracts/${ahead.id}`).expect(200)).body.urgencyPolicy,
      })
      .expect(400);
    expect(arrears.body.details).toEqual([expect.objectContaining({ field: 'billing.feeTiming' })]);
  });

  it('warns on an advance-fee draft only while the months whose work it bills have not ended', async () => {
    const ahead = await createContract(t, consultant, clientId, {
      billing: { feeTiming: 'advance' },
    });
    const web = await signedIn(t);
    try {
      t.clock.set('2026-10-20T10:00:00+02:00');
      await work(ahead.id, '2026-10-12', 120);
      // November's fee, made on 20 October: it bills October's work, and October runs on.
      const november = await draft(ahead.id, '2026-11-01', '2026-11-30');
      expect(november.warnings).toEqual([
        expect.objectContaining({ code: 'work_open', date: '2026-10-31' }),
      ]);
      const page = (await web.get(`/console/invoices/${november.id}`)).text;
      expect(page).toContain('le travail facturé court jusqu’au 31/10/2026');
      expect(page).not.toContain('la période court');
      // On 2 November October is over: November itself runs on by design, and says nothing.
      t.clock.set('2026-11-02T10:00:00+01:00');
      const read = (await api.get(`/api/invoices/${november.id}`).expect(200)).body as Doc;
      expect(read.warnings).toEqual([]);
      expect((await web.get(`/console/invoices/${november.id}`)).text).not.toMatch(
        /court jusqu’au/,
      );
      await api.delete(`/api/invoices/${november.id}`).expect(204);
    } finally {
      t.clock.set('2027-01-05T10:00:00+01:00');
    }
  });

  it('gives the work back from the console when the box is ticked', async () => {
    const tm = (await createContract(t, consultant, clientId, {
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
      },
    })) as { id: string };
    const done = await work(tm.id, '2026-09-07', 90);
    const september = await issue((await draft(tm.id, '2026-09-01', '2026-09-30')).id);
    const web = await signedIn(t);
    const page = (await web.get(`/console/invoices/${september.id}`)).text;
    expect(page).toContain('name="releaseInterventions"');
    const res = await web.post(`/console/invoices/${september.id}/credit`, {
      reason: 'Wrong rate',
      releaseInterventions: 'on',
    });
    expect(res.status).toBe(303);
    const row = await t.dataSource.getRepository(Intervention).findOneByOrFail({ id: done });
    expect(row.invoiceId).toBeNull();
  });
});
