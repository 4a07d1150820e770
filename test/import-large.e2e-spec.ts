import { DateTime } from 'luxon';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { insertContract } from './factories/interventions';
import { until } from './support/wait';
import { ImportService } from '../src/interventions/import.service';
import { Intervention } from '../src/interventions/intervention.entity';

const HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';
const CLIENTS = 20;
const MB = 1024 * 1024;

/**
 * A Toggl Track export of `rows` entries of 45 minutes, ten a day from 08:00, day after day
 * from 2 January 2012, spread over the clients. Entry n is on line n + 2 (the header is line 1).
 */
function togglExport(rows: number, clients: string[], tweak?: (n: number) => string | null) {
  const first = DateTime.fromISO('2012-01-02');
  const lines = [HEADER];
  for (let n = 0; n < rows; n++) {
    const own = tweak?.(n);
    if (own) {
      lines.push(own);
      continue;
    }
    const day = first.plus({ days: Math.floor(n / 10) }).toISODate();
    const hour = String(8 + (n % 10)).padStart(2, '0');
    lines.push(
      `Camille Martin,camille@example.fr,${clients[n % clients.length]},Parc,Support,"Entrée ${n}, poste",Yes,${day},${hour}:00:00,${day},${hour}:45:00,00:45:00,,`,
    );
  }
  return lines.join('\n');
}

describe('interventions: large CSV imports', () => {
  let t: TestApp;
  let token: string;
  let consultantId: string;
  const clients: string[] = [];
  const contracts: string[] = [];

  const imported = (): Promise<number> =>
    t.dataSource.getRepository(Intervention).count({ where: { consultantId } });
  const importCsv = (query: string, csv: string | Buffer) =>
    t
      .http()
      .post(`/api/interventions/import?source=toggl&${query}`)
      .set(...bearer(token))
      .set('Content-Type', 'text/csv')
      .send(csv);

  beforeAll(async () => {
    t = await startTestApp({}, { now: '2026-11-25T10:00:00+01:00' });
    token = await setupConsultant(t);
    const me = await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(token))
      .expect(200);
    consultantId = (me.body.user?.id ?? me.body.id) as string;
    for (let n = 0; n < CLIENTS; n++) {
      const client = await createClient(t, token, { name: `Société Éloïse ${n}` });
      clients.push(client.name);
      contracts.push((await insertContract(t, client.id, { startDate: '2011-01-01' })).id);
    }
    await createActivity(t, token, { name: 'Support' });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('a bad row among 50,000 writes nothing and is named with its line', async () => {
    const csv = togglExport(50_000, clients, (n) =>
      n === 39_998
        ? `Camille Martin,camille@example.fr,${clients[0]},Parc,Support,Inversée,Yes,2020-05-04,11:00:00,2020-05-04,10:00:00,-01:00:00,,`
        : null,
    );
    const res = await importCsv('dryRun=false', csv).expect(200);
    expect(res.body).toMatchObject({ accepted: 49_999, created: 0, dryRun: false });
    expect(res.body.refused).toEqual([
      expect.objectContaining({
        row: 40_000,
        code: 'end_not_after_start',
        start: '2020-05-04T11:00',
        end: '2020-05-04T10:00',
      }),
    ]);
    expect(await imported()).toBe(0);
  });

  it('imports 50,000 entries while other requests are answered', async () => {
    const csv = togglExport(50_000, clients);
    const events: string[] = [];
    const imports = t.app.get(ImportService);
    const run = imports.run.bind(imports);
    jest.spyOn(imports, 'run').mockImplementation((...args) => {
      events.push('import started');
      return run(...args);
    });
    const importing = importCsv('dryRun=false', csv).then((res) => {
      events.push('import answered');
      return res;
    });
    await until(() => events.includes('import started'));
    const health = await t.http().get('/api/health').expect(200);
    events.push('health answered');
    const res = await importing;
    expect(events).toEqual(['import started', 'health answered', 'import answered']);
    expect(health.body).toEqual({ status: 'ok', database: 'up' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accepted: 50_000,
      refused: [],
      created: 50_000,
      dryRun: false,
      encoding: 'UTF-8',
      separator: ',',
    });
    // Seven and a half hours a day, every day: each week imported is over the weekly limit.
    expect(res.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'weekly_limit', week: '2012-W01', workedMinutes: 3150 }),
        expect.objectContaining({ code: 'weekly_limit', week: '2025-W35' }),
      ]),
    );
    expect(await imported()).toBe(50_000);
    const list = await t
      .http()
      .get(`/api/interventions?contractId=${contracts[3]}&from=2012-01-01&to=2026-11-25`)
      .set(...bearer(token))
      .expect(200);
    expect(list.body.total).toBe(2_500);
  });

  it('the same 50,000 entries again: each refused as overlapping recorded work, nothing written', async () => {
    const res = await importCsv('dryRun=false', togglExport(50_000, clients)).expect(200);
    expect(res.body).toMatchObject({ accepted: 0, created: 0 });
    expect(res.body.refused).toHaveLength(50_000);
    expect(res.body.refused[0]).toEqual({
      row: 2,
      code: 'overlaps_recorded',
      start: '2012-01-02T08:00',
      end: '2012-01-02T08:45',
      reason:
        'Chevauche une intervention déjà enregistrée, du 02/01/2012 08:00 au 02/01/2012 08:45',
    });
    const overlapping = (r: { code: string; reason: string }) =>
      r.code === 'overlaps_recorded' && r.reason.startsWith('Chevauche une intervention ');
    expect(res.body.refused.every(overlapping)).toBe(true);
    expect(await imported()).toBe(50_000);
  });

  it('refuses a file of more than 100,000 entries with 413 naming the file, writing nothing', async () => {
    const before = await imported();
    const csv = togglExport(100_001, clients);
    const res = await importCsv('dryRun=false', csv).expect(413);
    expect(res.body).toMatchObject({
      statusCode: 413,
      code: 'too_large.file',
      message: expect.stringMatching(/plus de 100\s000 lignes/),
      details: [
        expect.objectContaining({
          field: 'file',
          limit: 'rows',
          maxRows: 100_000,
          maxMegabytes: 32,
        }),
      ],
    });
    expect(await imported()).toBe(before);
  });

  describe('a file of more than 32 MB (entries with long descriptions)', () => {
    let csv: Buffer;
    beforeAll(() => {
      const line = `Camille Martin,camille@example.fr,${clients[0]},Parc,Support,"${'x'.repeat(4000)}",Yes,2020-05-04,09:00:00,2020-05-04,10:00:00,01:00:00,,`;
      const lines = Array.from({ length: Math.ceil((33 * MB) / line.length) }, () => line);
      csv = Buffer.from([HEADER, ...lines].join('\n'));
    });

    it('is refused with 413 naming the file, sent as the body', async () => {
      const res = await importCsv('dryRun=true', csv).expect(413);
      expect(res.body).toMatchObject({
        code: 'too_large.file',
        details: [
          { field: 'file', limit: 'bytes', message: expect.stringMatching(/dépasse 32 Mo/) },
        ],
      });
    });

    it('is refused with 413 naming the file, uploaded as a form', async () => {
      const res = await t
        .http()
        .post('/api/interventions/import?source=toggl&dryRun=true')
        .set(...bearer(token))
        .attach('file', csv, 'toggl.csv')
        .expect(413);
      expect(res.body).toMatchObject({
        code: 'too_large.file',
        details: [
          { field: 'file', limit: 'bytes', message: expect.stringMatching(/dépasse 32 Mo/) },
        ],
      });
    });
  });

  it('refuses a file without line breaks with 400 naming the file and the line', async () => {
    const res = await importCsv('dryRun=true', `${HEADER}\n${'x'.repeat(MB)}`).expect(400);
    expect(res.body).toMatchObject({
      code: 'invalid.file',
      message: 'Le fichier ne se lit pas comme un CSV',
      details: [
        {
          field: 'file',
          reason: 'not_csv',
          code: 'file_not_csv',
          line: 2,
          message: 'Le fichier ne se lit pas comme un CSV (ligne 2)',
        },
      ],
    });
  });
});
