import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, createUser, setupConsultant } from './factories';
import { insertContract, interventionInput, logIntervention } from './factories/interventions';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, 'fixtures', 'import', name), 'utf8');

const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

describe('interventions: CSV import from time trackers', () => {
  let t: TestApp;
  let consultant: string;
  const contracts: Record<string, string> = {};
  const activities: Record<string, string> = {};

  const countOf = async (table: string, where = '1 = 1'): Promise<number> => {
    const [row] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`);
    return Number(row.n);
  };
  const importCsv = (token: string, query: string, csv: string) =>
    t
      .http()
      .post(`/api/interventions/import?${query}`)
      .set(...bearer(token))
      .set('Content-Type', 'text/csv')
      .send(csv);

  beforeAll(async () => {
    t = await startTestApp();
    consultant = await setupConsultant(t);
    for (const name of [
      'Clinique Saint-Éloi',
      'Boulangerie Lefèvre',
      'Cabinet Müller & Associés',
      'Café de la Gare',
    ]) {
      const client = await createClient(t, consultant, { name });
      contracts[name] = (await insertContract(t, client.id, { title: 'Support' })).id;
    }
    for (const [name, kind] of [
      ['Support', 'support'],
      ['Consulting', 'consulting'],
      ['Training', 'training'],
    ]) {
      activities[name] = (await createActivity(t, consultant, { name, kind })).id;
    }
  });
  afterAll(() => t.close());

  describe('all or nothing', () => {
    let user: { token: string; id: string };
    const csv = [
      TOGGL_HEADER,
      'Ana,ana@exemple.fr,Café de la Gare,Support ponctuel,Support,Caisse bloquée,Yes,2026-09-01,09:00:00,2026-09-01,09:40:00,00:40:00,,',
      'Ana,ana@exemple.fr,Café de la Gare,Support ponctuel,Support,Heures inversées,Yes,2026-09-01,11:00:00,2026-09-01,10:00:00,-01:00:00,,',
      'Ana,ana@exemple.fr,Café de la Gare,Support ponctuel,Support,Sauvegarde,Yes,2026-09-02,14:00:00,2026-09-02,15:00:00,01:00:00,,',
    ].join('\n');

    beforeAll(async () => {
      user = await createUser(t, consultant, 'consultant');
    });

    it('dry run: reports the bad row with its line, code, figures and reason, and writes nothing', async () => {
      const res = await importCsv(
        user.token,
        'source=toggl&dryRun=true&email=ana@exemple.fr',
        csv,
      ).expect(200);
      expect(res.body).toEqual({
        accepted: 2,
        refused: [
          {
            row: 3,
            code: 'end_not_after_start',
            startColumn: 'Start date/Start time',
            endColumn: 'End date/End time',
            start: '2026-09-01T11:00',
            end: '2026-09-01T10:00',
            reason:
              'End date/End time 01/09/2026 10:00 ne vient pas après Start date/Start time 01/09/2026 11:00',
          },
        ],
        created: 0,
        dryRun: true,
        encoding: 'UTF-8',
        separator: ',',
        dateFormat: null,
        warnings: [],
      });
      expect(await countOf('interventions', `"consultantId" = '${user.id}'`)).toBe(0);
    });

    it('a real run writes nothing while a row is bad', async () => {
      const res = await importCsv(
        user.token,
        'source=toggl&dryRun=false&email=ana@exemple.fr',
        csv,
      ).expect(200);
      expect(res.body).toMatchObject({ accepted: 2, created: 0, dryRun: false });
      expect(res.body.refused).toHaveLength(1);
      expect(await countOf('interventions', `"consultantId" = '${user.id}'`)).toBe(0);
    });

    it('with skipInvalid, writes the good rows priced like manual entries', async () => {
      const res = await importCsv(
        user.token,
        'source=toggl&dryRun=false&skipInvalid=true&email=ana@exemple.fr',
        csv,
      ).expect(200);
      expect(res.body).toMatchObject({ accepted: 2, created: 2, dryRun: false });
      const list = await t
        .http()
        .get(
          `/api/interventions?contractId=${contracts['Café de la Gare']}&from=2026-09-01&to=2026-09-02`,
        )
        .set(...bearer(consultant))
        .expect(200);
      expect(
        list.body.items.map((i: Record<string, unknown>) => [
          i.startedAt,
          i.durationMinutes,
          i.billableMinutes,
          i.amountCents,
          i.source,
        ]),
      ).toEqual([
        ['2026-09-02T12:00:00.000Z', 60, 60, 9000, 'import:toggl'],
        ['2026-09-01T07:00:00.000Z', 40, 45, 6750, 'import:toggl'],
      ]);
      // Importing the same file again: every row now overlaps what was recorded.
      const again = await importCsv(
        user.token,
        'source=toggl&dryRun=true&email=ana@exemple.fr',
        csv,
      ).expect(200);
      expect(again.body.accepted).toBe(0);
      expect(again.body.refused).toEqual([
        expect.objectContaining({
          code: 'overlaps_recorded',
          start: '2026-09-01T09:00',
          end: '2026-09-01T09:40',
          reason:
            'Chevauche une intervention déjà enregistrée, du 01/09/2026 09:00 au 01/09/2026 09:40',
        }),
        expect.objectContaining({ code: 'end_not_after_start' }),
        expect.objectContaining({
          code: 'overlaps_recorded',
          start: '2026-09-02T14:00',
          end: '2026-09-02T15:00',
        }),
      ]);
    });
  });

  it('imports the Toggl Track export: every refused row has its line, code and figures', async () => {
    const res = await importCsv(
      consultant,
      'source=toggl&dryRun=false&skipInvalid=true&email=helene@exemple.fr',
      fixture('toggl.csv'),
    ).expect(200);
    expect(res.body.refused).toEqual([
      { row: 4, code: 'no_activity', reason: expect.stringMatching(/^Pas d’activité/) },
      expect.objectContaining({ row: 10, code: 'end_not_after_start' }),
      expect.objectContaining({ row: 11, code: 'not_a_date', value: '2026-04-31' }),
      {
        row: 12,
        code: 'no_contract',
        client: null,
        project: 'Veille technique',
        reason: expect.stringMatching(/^Aucun contrat pour le client \(aucun\) \/ projet Veille/),
      },
    ]);
    expect(res.body).toMatchObject({ accepted: 7, created: 7 });
    // The night of 27 to 28 March lands on both local days; the spring-forward night lasts 1 h.
    const days = await t.dataSource.query(
      `SELECT d."day", d."minutes" FROM intervention_days d JOIN interventions i ON i.id = d."interventionId"
       WHERE i."description" IN ('Migration du serveur de fichiers (nuit)', 'Supervision du passage à l''heure d''été')
       ORDER BY d."day"`,
    );
    expect(days).toEqual([
      { day: '2026-03-27', minutes: 90 },
      { day: '2026-03-28', minutes: 60 },
      { day: '2026-03-29', minutes: 60 },
    ]);
    const onsite = await countOf('interventions', `"location" = 'onsite'`);
    expect(onsite).toBe(1);
  });

  it('refuses a row overlapping recorded work, from a multipart upload with a mapping', async () => {
    const other = await createUser(t, consultant, 'consultant');
    const clinic = await insertContract(t, (await createClient(t, consultant)).id, {
      title: 'Infogérance 2026',
    });
    await logIntervention(
      t,
      other.token,
      interventionInput(contracts['Boulangerie Lefèvre'], activities.Support, {
        startedAt: '2026-03-05T13:30:00+01:00',
        endedAt: '2026-03-05T14:30:00+01:00',
      }),
    ).expect(201);
    const res = await t
      .http()
      .post('/api/interventions/import?source=clockify&dryRun=true&email=helene@exemple.fr')
      .set(...bearer(other.token))
      .field('mapping', JSON.stringify([{ project: 'Infogérance 2026', contractId: clinic.id }]))
      .field('activityId', activities.Support)
      .attach('file', Buffer.from(fixture('clockify.csv')), 'clockify.csv')
      .expect(200);
    expect(res.body.refused).toEqual([
      expect.objectContaining({
        row: 3,
        code: 'overlaps_recorded',
        start: '2026-03-05T13:30',
        end: '2026-03-05T14:30',
      }),
      expect.objectContaining({ row: 8, code: 'too_long', minutes: 1500, maxMinutes: 1440 }),
      expect.objectContaining({ row: 9, code: 'not_a_time', value: '13:30 PM' }),
    ]);
    expect(res.body).toMatchObject({ accepted: 7, created: 0, dryRun: true });
  });

  it('takes a JSON body with a default activity (Kimai export)', async () => {
    const other = await createUser(t, consultant, 'consultant');
    const res = await t
      .http()
      .post(
        '/api/interventions/import?source=kimai&dryRun=false&skipInvalid=true&email=helene@exemple.fr',
      )
      .set(...bearer(other.token))
      .send({ csv: fixture('kimai.csv'), activityId: activities.Consulting })
      .expect(200);
    expect(res.body.refused).toEqual([
      expect.objectContaining({ row: 7, code: 'overnight_unclear', duration: '1' }),
      expect.objectContaining({ row: 9, code: 'empty_cell', column: 'From' }),
    ]);
    expect(res.body).toMatchObject({ accepted: 8, created: 8 });
    const nights = await countOf(
      'intervention_days',
      `"consultantId" = '${other.id}' AND "day" IN ('2026-03-20', '2026-03-21')`,
    );
    expect(nights).toBe(2);
  });

  it('words the same refused rows in French and in English, with the same codes and figures', async () => {
    const other = await createUser(t, consultant, 'consultant');
    const inLanguage = async (language: string) =>
      (
        await importCsv(
          other.token,
          'source=toggl&dryRun=true&email=helene@exemple.fr',
          fixture('toggl.csv'),
        )
          .set('Accept-Language', language)
          .expect(200)
      ).body as { refused: { row: number; code: string; reason: string }[] };
    const fr = await inLanguage('fr-FR,fr;q=0.9');
    const en = await inLanguage('en-GB,en;q=0.9');
    const machine = (refused: { reason: string }[]) =>
      refused.map(({ reason: _words, ...figures }) => figures);
    expect(machine(en.refused)).toEqual(machine(fr.refused));
    expect(fr.refused.map((r) => r.code)).toEqual([
      'no_activity',
      'end_not_after_start',
      'not_a_date',
      'no_contract',
    ]);
    for (const [index, row] of fr.refused.entries()) {
      expect(row.reason).not.toBe(en.refused[index].reason);
    }
    expect(fr.refused[2]).toMatchObject({
      column: 'Start date',
      value: '2026-04-31',
      expected: 'ISO',
      reason: 'Start date «\u00a02026-04-31\u00a0» n’est pas une date (attendu\u00a0: AAAA-MM-JJ)',
    });
    expect(en.refused[2].reason).toBe(
      'Start date “2026-04-31” is not a date (expected YYYY-MM-DD)',
    );
    expect(en.refused[1].reason).toBe(
      'End date/End time 1 Apr 2026 17:00 is not after Start date/Start time 1 Apr 2026 18:00',
    );
    // Without Accept-Language, French.
    const plain = await importCsv(
      other.token,
      'source=toggl&dryRun=true&email=helene@exemple.fr',
      fixture('toggl.csv'),
    ).expect(200);
    expect(plain.body.refused).toEqual(fr.refused);
  });

  it('reads a file saved in Latin-1 as such, and refuses one that changes encoding, naming the line', async () => {
    const row =
      'Ana,ana@exemple.fr,Café de la Gare,Support ponctuel,Support,Caisse,Yes,2026-09-01,09:00:00,2026-09-01,09:40:00,00:40:00,,';
    const latin1 = Buffer.from(`${TOGGL_HEADER}\n${row}\n`, 'latin1');
    const read = await t
      .http()
      .post('/api/interventions/import?source=toggl&dryRun=true&email=ana@exemple.fr')
      .set(...bearer(consultant))
      .set('Content-Type', 'text/csv')
      .send(latin1)
      .expect(200);
    expect(read.body).toMatchObject({ accepted: 1, refused: [], encoding: 'ISO-8859-1' });
    const mixed = Buffer.concat([
      Buffer.from(`${TOGGL_HEADER}\n${row}\n`),
      Buffer.from(`${row.replace('Caisse', 'Café')}\n`, 'latin1'),
    ]);
    for (const [language, words] of [
      ['fr', 'n’est pas en UTF-8 comme celles qui la précèdent'],
      ['en', 'is not UTF-8'],
    ]) {
      const res = await t
        .http()
        .post('/api/interventions/import?source=toggl&dryRun=true')
        .set(...bearer(consultant))
        .set('Content-Type', 'text/csv')
        .set('Accept-Language', language)
        .send(mixed)
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'invalid.file',
        message: expect.stringContaining(words),
        details: [
          {
            field: 'file',
            reason: 'encoding',
            code: 'file_encoding',
            line: 3,
            message: expect.stringContaining(words),
          },
        ],
      });
    }
  });

  it('refuses text that is no CSV with 400 naming the field and the line it breaks on', async () => {
    const res = await t
      .http()
      .post('/api/interventions/import?source=toggl&dryRun=true')
      .set(...bearer(consultant))
      .set('Accept-Language', 'en')
      .send({ csv: `${TOGGL_HEADER}\n"Ana,ana@exemple.fr\n` })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'invalid.csv',
      message: 'The text sent cannot be read as CSV',
      details: [
        {
          field: 'csv',
          reason: 'not_csv',
          code: 'file_not_csv',
          line: 2,
          message: 'The file cannot be read as CSV (line 2)',
        },
      ],
    });
  });

  it('refuses a CSV body on any other operation with 400 naming body', async () => {
    for (const type of ['text/csv', 'text/plain']) {
      const res = await t
        .http()
        .post('/api/clients')
        .set(...bearer(consultant))
        .set('Content-Type', type)
        .send(fixture('toggl.csv'))
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'invalid.body',
        details: [{ field: 'body', message: expect.stringMatching(/ne prend pas de fichier CSV/) }],
      });
    }
  });

  it('refuses an unknown source, an unknown default activity and a bad mapping with 400', async () => {
    await importCsv(consultant, 'source=freshbooks', 'x').expect(400);
    const unknown = await importCsv(
      consultant,
      'source=toggl&activityId=00000000-0000-4000-8000-000000000009',
      fixture('toggl.csv'),
    ).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'activityId' })]);
    const badMapping = await t
      .http()
      .post('/api/interventions/import?source=toggl')
      .set(...bearer(consultant))
      .send({ csv: fixture('toggl.csv'), mapping: [{ client: 'X' }] })
      .expect(400);
    expect(badMapping.body.details).toEqual([
      expect.objectContaining({ field: 'mapping.0.contractId' }),
    ]);
  });
});
