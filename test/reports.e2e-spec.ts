import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './app';
import { bearer, createUser } from './factories';
import { createContract } from './factories/contracts';
import { logWork, paris, reportsWorld, type ReportsWorld } from './factories/reports';
import { binary, pdfLayoutText as pdfText } from './support/pdf-text';

const ARTIFACTS = join(__dirname, 'artifacts');

/** Page 1 as a PNG in test/artifacts (git-ignored), to look at the charts. */
function firstPagePng(pdf: Buffer, name: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(ARTIFACTS, name)]);
}

describe('reports: workload', () => {
  let t: TestApp;
  let world: ReportsWorld;

  // ISO week 2026-W10: Monday 2 to Sunday 8 March 2026. Four days of 10 h (09:00-19:00, one
  // hour after business hours each), Friday 9 h 30, Saturday 2 h 30 for the other client:
  // 52 h in the week, over the 48 h maximum.
  const WEEK = [
    ['2026-03-02', '09:00', '19:00'],
    ['2026-03-03', '09:00', '19:00'],
    ['2026-03-04', '09:00', '19:00'],
    ['2026-03-05', '09:00', '19:00'],
    ['2026-03-06', '08:30', '18:00'],
  ];

  beforeAll(async () => {
    // Requests are filed, answered and paid on 25 November 2026; the report reads January to
    // November, so the current month is November.
    t = await startTestApp({}, { now: '2026-11-25T10:00:00+01:00' });
    world = await reportsWorld(t);
    const [emile, durand] = world.clients;
    for (const [day, start, end] of WEEK) {
      await logWork(t, world.consultant, {
        contractId: emile.contractId,
        activityId: world.activities.support,
        startedAt: paris(day, start),
        endedAt: paris(day, end),
        urgency: day === '2026-03-03' ? 'critical' : 'normal',
      });
    }
    await logWork(t, world.consultant, {
      contractId: durand.contractId,
      activityId: world.activities.training,
      startedAt: paris('2026-03-07', '10:00'),
      endedAt: paris('2026-03-07', '12:30'),
    });
  });
  afterAll(() => t.close());

  const get = (path: string, token = world.consultant) =>
    t
      .http()
      .get(path)
      .set(...bearer(token));

  it('reports the week in JSON: days, the week against its limits, breakdowns', async () => {
    const res = await get('/api/reports/workload?from=2026-03-02&to=2026-03-08').expect(200);
    expect(res.body).toMatchObject({
      from: '2026-03-02',
      to: '2026-03-08',
      timezone: 'Europe/Paris',
    });
    expect(res.body.days).toHaveLength(6);
    expect(res.body.days[0]).toMatchObject({
      date: '2026-03-02',
      workedMinutes: 600,
      afterHoursMinutes: 60,
      clients: 1,
      restBeforeNextMinutes: 14 * 60,
    });
    expect(res.body.days[1]).toMatchObject({ date: '2026-03-03', urgentInterruptions: 1 });
    expect(res.body.days[5]).toMatchObject({
      date: '2026-03-07',
      workedMinutes: 150,
      afterHoursMinutes: 150,
      weekend: true,
    });
    expect(res.body.weeks).toEqual([
      expect.objectContaining({
        week: '2026-W10',
        workedMinutes: 52 * 60,
        overMax: true,
        partial: false,
      }),
    ]);
    expect(res.body.indicators).toMatchObject({
      totalWorkedMinutes: 3120,
      totalAfterHoursMinutes: 4 * 60 + 30 + 150,
      workingDays: 6,
      weeksOverLimit: 1,
      weekendDaysWorked: 1,
      longestRunOfWorkingDays: 6,
      urgentInterruptions: 1,
    });
    expect(res.body.breakdown.activities).toEqual([
      expect.objectContaining({ activity: 'support', workedMinutes: 2970 }),
      expect.objectContaining({ activity: 'training', workedMinutes: 150 }),
    ]);
    expect(res.body.pressureClients[0]).toMatchObject({
      clientName: 'Boulangerie Émile',
      urgentInterventions: 1,
    });
  });

  it('is red for a week of 52 h over the 48 h maximum, in French for the reader', async () => {
    const res = await get('/api/reports/workload?from=2026-03-02&to=2026-03-08').expect(200);
    expect(res.body.risk.level).toBe('red');
    expect(res.body.risk.reasons[0]).toEqual({
      code: 'weekly_limit',
      week: '2026-W10',
      workedMinutes: 3120,
      limitMinutes: 2880,
      message: '52 h en semaine 2026-W10, limite 48 h',
    });
    expect(res.body.riskText).toMatchObject({ locale: 'fr', level: 'rouge' });
    expect(res.body.riskText.reasons[0]).toBe('52 h en semaine 2026-W10, limite 48 h');
    const english = await get('/api/reports/workload?from=2026-03-02&to=2026-03-08&locale=en');
    expect(english.body.riskText).toMatchObject({ locale: 'en', level: 'red' });
    expect(english.body.riskText.reasons[0]).toBe('52 h in week 2026-W10, limit 48 h');
  });

  it('exports every day as CSV: BOM, semicolons and decimal commas in French', async () => {
    const res = await get('/api/reports/workload?from=2026-03-02&to=2026-03-08&format=csv')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="charge-de-travail-2026-03-02-2026-03-08.csv"',
    );
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Jour;Semaine;Heures travaillées;Dont hors horaires;/);
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines[5]).toMatch(/^06\/03\/2026;2026-W10;9,5;0,5;0;1;08:30;18:00;/);
    expect(lines[6]).toMatch(/^07\/03\/2026;2026-W10;2,5;2,5;0;1;10:00;12:30;;oui;non;week-end$/);
    // Sunday: no work, still a row, so the day off shows.
    expect(lines[7]).toBe('08/03/2026;2026-W10;0;0;0;0;;;;oui;non;');
  });

  it('exports a CSV in English with commas and decimal points', async () => {
    const res = await get(
      '/api/reports/workload?from=2026-03-06&to=2026-03-06&format=csv&locale=en',
    )
      .buffer(true)
      .parse(binary)
      .expect(200);
    const lines = (res.body as Buffer).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Day,Week,Hours worked,Of which after hours,/);
    expect(lines[1]).toMatch(/^2026-03-06,2026-W10,9.5,0.5,/);
  });

  it('prints a PDF whose text shows the figures and the risk in words', async () => {
    const res = await get('/api/reports/workload?from=2026-03-02&to=2026-03-08&format=pdf')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    firstPagePng(pdf, 'workload-week');
    const text = pdfText(pdf);
    expect(text).toContain('Niveau de risque : ROUGE');
    expect(text).toContain('52 h en semaine 2026-W10, limite 48 h');
    expect(text).toContain('Heures par semaine');
    expect(text).toMatch(/Heures travaillées\s+52 h/);
    expect(text).toContain('Maximum hebdomadaire : 48 h');
    expect(text).toContain('Support — 49 h 30');
    expect(text).toContain('Boulangerie Émile');
    expect(text).toMatch(/Page 1\/\d/);
  });

  it('prints a long period with monthly bars, in English', async () => {
    const res = await get(
      '/api/reports/workload?from=2025-01-01&to=2026-12-31&format=pdf&locale=en',
    )
      .buffer(true)
      .parse(binary)
      .expect(200);
    firstPagePng(res.body as Buffer, 'workload-two-years');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Risk level: RED');
    expect(text).toContain('Average week, month by month');
  });

  it('refuses a period that ends before it starts or lasts more than ten years', async () => {
    const reversed = await get('/api/reports/workload?from=2026-03-08&to=2026-03-02').expect(400);
    expect(reversed.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
    await get('/api/reports/workload?from=2016-01-01&to=2026-12-31').expect(400);
    await get('/api/reports/workload?from=2017-01-01&to=2026-12-31').expect(200);
    const bad = await get('/api/reports/workload?from=2026-02-30&to=2026-03-01&format=xls').expect(
      400,
    );
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'format',
      'from',
    ]);
  });

  it('is for the consultant only', async () => {
    const accountant = await createUser(t, world.consultant, 'accountant');
    const client = await createUser(t, world.consultant, 'client', world.clients[0].id);
    await get('/api/reports/workload?from=2026-03-02&to=2026-03-08', accountant.token).expect(403);
    await get('/api/reports/workload?from=2026-03-02&to=2026-03-08', client.token).expect(403);
  });
});

describe('reports: client', () => {
  let t: TestApp;
  let world: ReportsWorld;
  let contractId: string;
  let emileUser: { token: string };
  let durandUser: { token: string };
  let invoice: { number: string; totals: { grossCents: number } };

  const as = (token: string) => ({
    get: (path: string) =>
      t
        .http()
        .get(path)
        .set(...bearer(token)),
    post: (path: string, body: object = {}) =>
      t
        .http()
        .post(path)
        .set(...bearer(token))
        .send(body),
  });

  beforeAll(async () => {
    // Requests are filed, answered and paid on 25 November 2026; the report reads January to
    // November, so the current month is November.
    t = await startTestApp({}, { now: '2026-11-25T10:00:00+01:00' });
    world = await reportsWorld(t);
    const [emile, durand] = world.clients;
    const consultant = as(world.consultant);
    // 10 h included a month, unused hours usable for two more months.
    const contract = await createContract(t, world.consultant, emile.id, {
      billing: { rolloverMonths: 2 },
    });
    contractId = contract.id;
    const work = (day: string, start: string, end: string) =>
      logWork(t, world.consultant, {
        contractId,
        activityId: world.activities.support,
        startedAt: paris(day, start),
        endedAt: paris(day, end),
      });
    await work('2026-01-13', '09:00', '13:00');
    await work('2026-03-10', '09:00', '17:00');
    await work('2026-03-11', '09:00', '16:00');
    emileUser = await createUser(t, world.consultant, 'client', emile.id);
    durandUser = await createUser(t, world.consultant, 'client', durand.id);
    const client = as(emileUser.token);
    const file = async (title: string, urgency: string) =>
      (
        await client
          .post('/api/requests', { contractId, title, description: 'Rien ne marche', urgency })
          .expect(201)
      ).body as { id: string };
    const answered = await file('Serveur de fichiers lent', 'high');
    await consultant
      .post(`/api/requests/${answered.id}/comments`, { body: 'Je regarde.' })
      .expect(201);
    const reclassified = await file('Imprimante', 'critical');
    await t
      .http()
      .patch(`/api/requests/${reclassified.id}`)
      .set(...bearer(world.consultant))
      .send({ urgency: 'low', reclassificationReason: 'Une imprimante de secours existe' })
      .expect(200);
    const late = await file('Messagerie', 'normal');
    // Its deadline passed without an answer.
    await t.dataSource.query(
      t.db.kind === 'postgres'
        ? `UPDATE requests SET "responseDueAt" = $1 WHERE id = $2`
        : `UPDATE requests SET "responseDueAt" = ? WHERE id = ?`,
      ['2026-11-02T10:00:00.000Z', late.id],
    );
    const article = await consultant
      .post('/api/articles', {
        title: 'Redémarrer la box',
        bodyMarkdown: 'Débranchez-la.',
        tags: [],
        published: true,
      })
      .expect(201);
    await client
      .post('/api/requests/deflections', {
        contractId,
        articleId: article.body.id,
        query: 'internet coupé',
      })
      .expect(201);
    const draft = await consultant
      .post('/api/invoices/drafts', {
        contractId,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
      })
      .expect(201);
    invoice = (await consultant.post(`/api/invoices/${draft.body.id}/issue`).expect(200)).body;
    await consultant
      .post(`/api/invoices/${draft.body.id}/payments`, {
        amountCents: 10000,
        paidOn: '2026-11-20',
        method: 'transfer',
      })
      .expect(201);
  });
  afterAll(() => t.close());

  const path = (clientId: string, extra = '') =>
    `/api/reports/clients/${clientId}?from=2026-01&to=2026-11${extra}`;

  it('shows consumption month by month against the included hours, roll-over included', async () => {
    const res = await as(world.consultant).get(path(world.clients[0].id)).expect(200);
    expect(res.body.clientName).toBe('Boulangerie Émile');
    const contract = res.body.contracts.find((c: { id: string }) => c.id === contractId);
    const month = (m: string) => contract.months.find((x: { month: string }) => x.month === m);
    expect(contract.months).toHaveLength(11);
    expect(month('2026-01').consumption).toMatchObject({
      usedMinutes: 240,
      includedMinutes: 600,
      rolloverMinutes: 0,
    });
    expect(month('2026-02').consumption).toMatchObject({ usedMinutes: 0, rolloverMinutes: 360 });
    // January's 6 h and February's 10 h are still usable in March, and cover its 15 h.
    expect(month('2026-03').consumption).toMatchObject({
      usedMinutes: 900,
      includedMinutes: 600,
      rolloverMinutes: 960,
      overageMinutes: 0,
      remainingMinutes: 660,
    });
  });

  it('counts quotas, response deadlines, false urgencies and deflections of the month', async () => {
    const res = await as(world.consultant).get(path(world.clients[0].id)).expect(200);
    const contract = res.body.contracts.find((c: { id: string }) => c.id === contractId);
    const november = contract.months.find((x: { month: string }) => x.month === '2026-11');
    expect(november).toMatchObject({
      requests: 3,
      urgentRequests: 2,
      falseUrgencies: 1,
      deflections: 1,
      sla: { met: 1, missed: 1, pending: 1 },
    });
    expect(november.quotas.high).toEqual({ used: 1, overage: 0, quota: 5 });
    expect(res.body.totals).toMatchObject({ requests: 3, falseUrgencies: 1, slaCompliance: 0.5 });
  });

  it('lists the invoices of the period with what is still owed', async () => {
    const res = await as(world.consultant).get(path(world.clients[0].id)).expect(200);
    expect(res.body.invoices).toEqual([
      expect.objectContaining({
        number: invoice.number,
        kind: 'invoice',
        paidCents: 10000,
        balanceCents: invoice.totals.grossCents - 10000,
        status: 'partially_paid',
      }),
    ]);
    expect(res.body.balanceCents).toBe(invoice.totals.grossCents - 10000);
  });

  it("is open to the client's own users, 404 for another company, 403 for the accountant", async () => {
    const own = await as(emileUser.token).get(path(world.clients[0].id)).expect(200);
    expect(own.body.contracts.length).toBeGreaterThan(0);
    const other = await as(durandUser.token).get(path(world.clients[0].id)).expect(404);
    expect(other.body.statusCode).toBe(404);
    const accountant = await createUser(t, world.consultant, 'accountant');
    await as(accountant.token).get(path(world.clients[0].id)).expect(403);
    await as(world.consultant).get(path('00000000-0000-4000-8000-000000000000')).expect(404);
  });

  it('exports the months as CSV and prints them as PDF with the consumption chart', async () => {
    const csv = await as(emileUser.token)
      .get(path(world.clients[0].id, '&format=csv'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const lines = (csv.body as Buffer).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Mois;Contrat;Formule;Consommé \(h\);Inclus \(h\);/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^2026-03;CT-\w+;Forfait mensuel;15;10;16;0;;/),
    );
    const pdf = await as(emileUser.token)
      .get(path(world.clients[0].id, '&format=pdf'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="rapport-client-boulangerie-emile-2026-01-2026-11.pdf"',
    );
    firstPagePng(pdf.body as Buffer, 'client-report');
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Rapport client : Boulangerie Émile');
    expect(text).toContain('Délais de réponse tenus : 1 sur 2');
    expect(text).toContain('Consommation mois par mois');
    expect(text).toContain('Heures incluses (avec report)');
    expect(text).toContain(invoice.number);
  });

  it('refuses months in the wrong order', async () => {
    await as(world.consultant)
      .get(`/api/reports/clients/${world.clients[0].id}?from=2026-05&to=2026-01`)
      .expect(400);
  });
});
