import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'iconv-lite';
import { createActivity, createClient, createUser } from './factories';
import { insertContract, interventionInput, logIntervention } from './factories/interventions';
import type { WebSession } from './support/web';
import { apiAs, signedIn, startPractice, type Practice } from './support/world';

/** The exports as the tools (or a spreadsheet saving them again) write them: bytes as uploaded. */
const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', 'import', name));

/** Each client's contract, titled as the project the time trackers book its work under. */
const CLIENTS: Record<string, string> = {
  'Clinique Saint-Éloi': 'Infogérance 2026',
  'Boulangerie Lefèvre': 'Maintenance parc',
  'Cabinet Müller & Associés': 'Formation Office 365',
  'Café de la Gare': 'Support ponctuel',
};

type Refused = { row: number; code: string; reason: string } & Record<string, unknown>;

describe('interventions: imports of real exports, as they come', () => {
  let practice: Practice;
  const contracts: Record<string, string> = {};
  const activities: Record<string, string> = {};

  /** An import as `token` (a consultant of its own, so real runs do not meet each other). */
  const importFile = (token: string, query: string, file: Buffer | string, language = 'fr') =>
    practice.t
      .http()
      .post(`/api/interventions/import?${query}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/csv')
      .set('Accept-Language', language)
      .send(file);
  const dryRun = (source: string, name: string, extra = '') =>
    importFile(
      practice.consultant,
      `source=${source}&dryRun=true&email=helene@exemple.fr${extra}`,
      fixture(name),
    ).expect(200);
  const codes = (refused: Refused[]) => refused.map(({ row, code }) => [row, code]);
  /** The work an import wrote for a consultant, in start order. */
  const workOf = async (user: { token: string; id: string }) => {
    const list = await apiAs(practice.t, user.token)
      .get('/api/interventions?from=2026-01-01&to=2026-11-25&limit=100')
      .expect(200);
    return (list.body.items as Record<string, unknown>[])
      .filter((i) => i.consultantId === user.id)
      .map((i) => ({
        contract: Object.keys(contracts).find((name) => contracts[name] === i.contractId),
        startedAt: i.startedAt,
        endedAt: i.endedAt,
        description: i.description,
        billable: i.billable,
      }))
      .sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
  };

  beforeAll(async () => {
    practice = await startPractice({ now: '2026-11-25T10:00:00+01:00' });
    const { t, consultant } = practice;
    for (const [name, project] of Object.entries(CLIENTS)) {
      const client = await createClient(t, consultant, { name });
      contracts[name] = (await insertContract(t, client.id, { title: project })).id;
    }
    for (const name of ['Support', 'Consulting', 'Training']) {
      activities[name] = (await createActivity(t, consultant, { name })).id;
    }
  });
  afterAll(() => practice.t.close());

  it('maps a Clockify export without a Client column by project, and writes each row on its contract', async () => {
    const res = await dryRun('clockify', 'clockify-no-client.csv');
    expect(res.body).toMatchObject({ accepted: 5, encoding: 'UTF-8', separator: ',' });
    expect(res.body.dateFormat).toBe('MDY');
    expect(res.body.refused).toEqual([
      expect.objectContaining({
        row: 5,
        code: 'no_contract',
        client: null,
        project: 'Veille technique',
        reason: expect.stringMatching(/^Aucun contrat pour le client \(aucun\) \/ projet Veille/),
      }),
    ]);
    const user = await createUser(practice.t, practice.consultant, 'consultant');
    await importFile(
      user.token,
      'source=clockify&dryRun=false&skipInvalid=true&email=helene@exemple.fr',
      fixture('clockify-no-client.csv'),
    ).expect(200);
    expect((await workOf(user)).map((w) => [w.contract, w.startedAt])).toEqual([
      ['Clinique Saint-Éloi', '2026-05-04T07:00:00.000Z'],
      ['Boulangerie Lefèvre', '2026-05-05T12:00:00.000Z'],
      ['Cabinet Müller & Associés', '2026-05-07T07:30:00.000Z'],
      ['Clinique Saint-Éloi', '2026-05-18T06:15:00.000Z'],
      ['Café de la Gare', '2026-05-19T08:00:00.000Z'],
    ]);
  });

  it('reads a Clockify export whose Client column comes last with rows stopping before it, and its Activity column', async () => {
    const res = await dryRun('clockify', 'clockify-client-last.csv');
    expect(res.body).toMatchObject({ accepted: 5, refused: [], dateFormat: 'DMY' });
  });

  it.each([
    ['clockify', 'clockify-fr.csv', ';', 'DMY', [[5, 'not_yes_or_no']], 'Facturable'],
    ['toggl', 'toggl-de.csv', ',', null, [[5, 'not_yes_or_no']], 'Abrechenbar'],
  ])(
    'reads %s headers in the language of %s, yes and no in it, and names an unclear flag',
    async (source, name, separator, dateFormat, refused, column) => {
      const res = await dryRun(source, name);
      expect(res.body).toMatchObject({ accepted: 3, separator, dateFormat });
      expect(codes(res.body.refused)).toEqual(refused);
      expect(res.body.refused[0]).toMatchObject({ column });
    },
  );

  it('reads yes and no in Japanese', async () => {
    const res = await dryRun('toggl', 'toggl-ja.csv');
    expect(res.body).toMatchObject({ accepted: 2, refused: [] });
  });

  it("reads Kimai 2's German export (Beginn, Ende, Kunde, Tätigkeit, Abrechenbar), its night entry included", async () => {
    const res = await dryRun('kimai', 'kimai2-de.csv', `&activityId=${activities.Consulting}`);
    expect(res.body).toMatchObject({ accepted: 5, refused: [], separator: ';', dateFormat: null });
    const without = await dryRun('kimai', 'kimai2-de.csv');
    expect(without.body.refused).toEqual([
      expect.objectContaining({ row: 4, code: 'unknown_activity', activity: 'Beratung' }),
    ]);
  });

  it("imports solidtime's export: a start and an end in one cell each, a project without client", async () => {
    const res = await dryRun('solidtime', 'solidtime.csv');
    expect(res.body).toMatchObject({ accepted: 4, dateFormat: null });
    expect(res.body.refused).toEqual([
      expect.objectContaining({
        row: 6,
        code: 'end_not_after_start',
        startColumn: 'Start',
        endColumn: 'End',
        start: '2026-05-19T11:00',
        end: '2026-05-19T10:00',
      }),
    ]);
    const user = await createUser(practice.t, practice.consultant, 'consultant');
    await importFile(
      user.token,
      'source=solidtime&dryRun=false&skipInvalid=true',
      fixture('solidtime.csv'),
    ).expect(200);
    expect((await workOf(user)).map((w) => [w.contract, w.startedAt, w.endedAt])).toEqual([
      ['Clinique Saint-Éloi', '2026-05-04T07:00:00.000Z', '2026-05-04T08:30:00.000Z'],
      ['Boulangerie Lefèvre', '2026-05-05T12:00:00.000Z', '2026-05-05T14:15:00.000Z'],
      ['Cabinet Müller & Associés', '2026-05-06T08:00:00.000Z', '2026-05-06T09:00:00.000Z'],
      ['Clinique Saint-Éloi', '2026-05-15T21:00:00.000Z', '2026-05-15T23:30:00.000Z'],
    ]);
  });

  it("imports Harvest's export: each day's hours laid end to end from its opening", async () => {
    const res = await dryRun('harvest', 'harvest.csv');
    expect(res.body).toMatchObject({ accepted: 4 });
    expect(res.body.refused).toEqual([
      expect.objectContaining({ row: 5, code: 'no_duration', column: 'Hours', value: '0.00' }),
    ]);
    const user = await createUser(practice.t, practice.consultant, 'consultant');
    await importFile(
      user.token,
      'source=harvest&dryRun=false&skipInvalid=true',
      fixture('harvest.csv'),
    ).expect(200);
    // 09:00 in Paris is 07:00 UTC in May; "0,5" is half an hour.
    expect((await workOf(user)).map((w) => [w.contract, w.startedAt, w.endedAt])).toEqual([
      ['Clinique Saint-Éloi', '2026-05-04T07:00:00.000Z', '2026-05-04T09:30:00.000Z'],
      ['Boulangerie Lefèvre', '2026-05-04T09:30:00.000Z', '2026-05-04T10:45:00.000Z'],
      ['Cabinet Müller & Associés', '2026-05-05T07:00:00.000Z', '2026-05-05T10:00:00.000Z'],
      ['Café de la Gare', '2026-05-06T07:00:00.000Z', '2026-05-06T07:30:00.000Z'],
    ]);
  });

  it.each([
    ['toggl', 'toggl-fr-windows-1252.csv', 'toggl-fr.csv', 'windows-1252'],
    ['kimai', 'kimai-iso-8859-1.csv', 'kimai.csv', 'ISO-8859-1'],
    ['clockify', 'clockify-fr-utf16le.csv', 'clockify-fr.csv', 'UTF-16LE'],
    ['kimai', 'kimai2-de-utf16be.csv', 'kimai2-de.csv', 'UTF-16BE'],
  ])(
    '%s: %s reads as its UTF-8 twin %s, and says it was %s',
    async (source, name, twin, encoding) => {
      const [read, expected] = await Promise.all([dryRun(source, name), dryRun(source, twin)]);
      expect(read.body.encoding).toBe(encoding);
      expect(expected.body.encoding).toBe('UTF-8');
      expect({ ...read.body, encoding: 'UTF-8' }).toEqual(expected.body);
    },
  );

  it('matches "Clinique Saint-Éloi" of a Windows-1252 file saved by a spreadsheet, and keeps its accents', async () => {
    const user = await createUser(practice.t, practice.consultant, 'consultant');
    const res = await importFile(
      user.token,
      'source=toggl&dryRun=false&email=helene@exemple.fr',
      fixture('toggl-fr-windows-1252.csv'),
    ).expect(200);
    expect(res.body).toMatchObject({ accepted: 4, refused: [], created: 4, dateFormat: 'DMY' });
    expect(await workOf(user)).toEqual([
      expect.objectContaining({
        contract: 'Clinique Saint-Éloi',
        startedAt: '2026-05-04T07:00:00.000Z',
        description: 'Mise à jour de l’antivirus',
      }),
      expect.objectContaining({ description: 'Contrôle des accès « Wi-Fi invités »' }),
      expect.objectContaining({ contract: 'Boulangerie Lefèvre', billable: false }),
      expect.objectContaining({ description: 'Formation « Outlook » – groupe 2' }),
    ]);
  });

  describe('dates whose order the file does not tell', () => {
    const header = 'Project,Client,Task,Email,Billable,Start Date,Start Time,End Date,End Time';
    const row = (day: string) =>
      `Infogérance 2026,Clinique Saint-Éloi,Support,helene@exemple.fr,Yes,${day},09:00,${day},10:00`;

    it('refuses them with 400 naming the date format, the date, its column and line, in both languages', async () => {
      const csv = [header, row('03/04/2026'), row('05/06/2026')].join('\n');
      const fr = await importFile(practice.consultant, 'source=clockify', csv).expect(400);
      const en = await importFile(practice.consultant, 'source=clockify', csv, 'en').expect(400);
      const figures = { field: 'dateFormat', reason: 'ambiguous_dates', value: '03/04/2026' };
      expect(fr.body).toMatchObject({
        code: 'invalid.dateFormat',
        message:
          'La date «\u00a003/04/2026\u00a0» (Start Date, ligne 2) peut se lire jour/mois ou mois/jour, et aucune date du fichier ne le dit\u00a0: choisissez le format des dates (JMA ou MJA)',
        details: [{ ...figures, column: 'Start Date', line: 2 }],
      });
      expect(en.body.message).toBe(
        'The date “03/04/2026” (Start Date, line 2) could be day/month or month/day, and no date of the file tells: choose the date format (DMY or MDY)',
      );
      const chosen = await importFile(
        practice.consultant,
        'source=clockify&dateFormat=DMY&email=helene@exemple.fr',
        csv,
      ).expect(200);
      expect(chosen.body).toMatchObject({ accepted: 2, dateFormat: 'DMY' });
    });

    it('reads them in the order a later row proves', async () => {
      const csv = [header, row('03/04/2026'), row('05/06/2026'), row('04/21/2026')].join('\n');
      const res = await importFile(
        practice.consultant,
        'source=clockify&email=helene@exemple.fr',
        csv,
      ).expect(200);
      expect(res.body).toMatchObject({ accepted: 3, refused: [], dateFormat: 'MDY' });
    });

    it('refuses a file written in both orders, naming a date of each', async () => {
      const csv = [header, row('13/04/2026'), row('04/21/2026')].join('\n');
      const res = await importFile(practice.consultant, 'source=clockify', csv, 'en').expect(400);
      expect(res.body).toMatchObject({
        code: 'invalid.file',
        message:
          'The file writes its dates day first (“13/04/2026”, line 2) and month first (“04/21/2026”, line 3)',
        details: [
          {
            field: 'file',
            reason: 'mixed_dates',
            code: 'file_mixed_dates',
            dayFirst: '13/04/2026',
            dayFirstLine: 2,
            monthFirst: '04/21/2026',
            monthFirstLine: 3,
          },
        ],
      });
    });
  });

  it('refuses a workbook sent for a CSV file, and names the missing columns of another tool, in the reader’s words', async () => {
    const workbook = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00'), Buffer.alloc(600)]);
    const binary = await importFile(practice.consultant, 'source=toggl', workbook, 'en');
    expect(binary.status).toBe(400);
    expect(binary.body.details).toEqual([
      expect.objectContaining({
        field: 'file',
        reason: 'not_text',
        line: 1,
        message:
          'The file is not text (line 1): export the time entries as CSV (not as a workbook or a PDF)',
      }),
    ]);
    const other = await importFile(
      practice.consultant,
      'source=harvest',
      fixture('toggl.csv'),
      'en',
    );
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({
      message: 'Columns of a Harvest export are missing: Date, Hours',
      details: [expect.objectContaining({ code: 'file_missing_columns', columns: 'Date, Hours' })],
    });
  });

  it('lists the guardrail warnings of the weeks imported, the work already recorded counted, on a dry run and a real one', async () => {
    const user = await createUser(practice.t, practice.consultant, 'consultant');
    await logIntervention(
      practice.t,
      user.token,
      interventionInput(contracts['Café de la Gare'], activities.Support, {
        startedAt: '2026-06-02T07:00:00+02:00',
        endedAt: '2026-06-02T12:00:00+02:00',
      }),
    ).expect(201);
    const csv = [
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time',
      'H,,Clinique Saint-Éloi,Infogérance 2026,Support,Migration,Yes,2026-06-02,13:00:00,2026-06-02,19:30:00',
      'H,,Clinique Saint-Éloi,Infogérance 2026,Support,Contrôle,Yes,2026-06-10,09:00:00,2026-06-10,10:00:00',
    ].join('\n');
    for (const dryRunFlag of [true, false]) {
      const res = await importFile(user.token, `source=toggl&dryRun=${dryRunFlag}`, csv, 'en');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accepted: 2, created: dryRunFlag ? 0 : 2 });
      // 5 h recorded and 6 h 30 imported on 2 June: over the 10-hour day.
      expect(res.body.warnings).toEqual([
        expect.objectContaining({
          code: 'daily_limit',
          date: '2026-06-02',
          workedMinutes: 690,
          limitMinutes: 600,
          message: expect.stringMatching(/11 h 30/),
        }),
      ]);
    }
  });

  it('shows on the import page how the file was read and the limits its weeks would break', async () => {
    const web: WebSession = await signedIn(practice.t);
    await web.get('/console/import');
    const cookies = (web as unknown as { cookieHeader(): string }).cookieHeader();
    const csv = [
      'Utilisateur;E-mail;Client;Projet;Tâche;Description;Facturable;Date de début;Heure de début;Date de fin;Heure de fin',
      'Camille;camille@example.fr;Clinique Saint-Éloi;Infogérance 2026;Support;Migration de l’ERP;Oui;21/07/2026;08:00:00;21/07/2026;19:30:00',
    ].join('\n');
    const res = await practice.t
      .http()
      .post(`/console/import?_csrf=${encodeURIComponent(web.csrf())}`)
      .set('Cookie', cookies)
      .field('source', 'toggl')
      .field('dateFormat', '')
      .field('activityId', '')
      .field('urgency', 'normal')
      .attach('file', encode(csv, 'windows-1252'), {
        filename: 'export.csv',
        contentType: 'text/csv',
      });
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      'Lu en windows-1252, cellules séparées par des points-virgules, dates jour/mois/année.',
    );
    const warnings = [
      ...res.text.matchAll(/<li class="warning" data-code="([^"]+)">([^<]*)<\/li>/g),
    ];
    expect(warnings.map((m) => m[1])).toContain('daily_limit');
    // The export goes back to be imported as text the page can send: its accents kept.
    expect(res.text).toContain('Clinique Saint-Éloi;Infogérance 2026');
  });
});
