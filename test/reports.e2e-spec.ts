import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './app';
import { bearer, createUser } from './factories';
import { logWork, paris, reportsWorld, type ReportsWorld } from './factories/reports';

const ARTIFACTS = join(__dirname, 'artifacts');

/** Supertest buffers binary bodies only when asked to. */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

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
    t = await startTestApp();
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

  it('is red with the reason "52 h > 48 h", in French for the reader', async () => {
    const res = await get('/api/reports/workload?from=2026-03-02&to=2026-03-08').expect(200);
    expect(res.body.risk.level).toBe('red');
    expect(res.body.risk.reasons[0]).toBe('52 h > 48 h in 2026-W10');
    expect(res.body.riskText).toMatchObject({ locale: 'fr', level: 'rouge' });
    expect(res.body.riskText.reasons[0]).toBe('52 h > 48 h en semaine 2026-W10');
    const english = await get('/api/reports/workload?from=2026-03-02&to=2026-03-08&locale=en');
    expect(english.body.riskText.reasons[0]).toBe('52 h > 48 h in 2026-W10');
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
    expect(text).toContain('52 h > 48 h en semaine 2026-W10');
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
