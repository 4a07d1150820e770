import { startTestApp, TestApp } from './app';
import { bearer, createActivity, createClient, setupConsultant } from './factories';
import { insertContract, interventionInput, logIntervention } from './factories/interventions';

/** Wednesday 25 November 2026, 11:00 in Paris: business hours. */
const NOW = '2026-11-25T10:00:00Z';
const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

describe('import: the checks a manual entry gets', () => {
  let t: TestApp;
  let consultant: string;
  let client: { id: string; name: string };
  let activityId: string;

  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, token = consultant) =>
    t
      .http()
      [method](path)
      .set(...bearer(token));

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    consultant = await setupConsultant(t);
    client = await createClient(t, consultant, { name: 'Garage Morel' });
    activityId = (await createActivity(t, consultant, { name: 'Support' })).id;
  });
  afterAll(() => t.close());

  describe('import', () => {
    const toggl = (...rows: string[]) => [TOGGL_HEADER, ...rows].join('\n');
    const row = (user: string, email: string, day: string, description = 'Poste') =>
      `${user},${email},Garage Morel,Atelier,Support,${description},Yes,${day},09:00:00,${day},10:00:00,01:00:00,,`;
    const importJson = (query: string, csv: string, contractId: string, token = consultant) =>
      api('post', `/api/interventions/import?source=toggl&${query}`, token).send({
        csv,
        mapping: [{ client: 'Garage Morel', contractId }],
      });

    it('refuses a row outside the contract dates with the figures and words a manual entry gets', async () => {
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
      // The same rule, the same figures: the day and the contract's dates.
      expect(manual.body).toMatchObject({
        code: 'rule.outside_contract',
        details: [{ date: '2026-11-02', reference: ended.reference, endDate: '2026-10-31' }],
      });
      expect(res.body.refused[0]).toEqual({
        row: 3,
        code: 'outside_contract',
        date: '2026-11-02',
        reference: ended.reference,
        startDate: '2026-01-01',
        endDate: '2026-10-31',
        reason: `Le 02/11/2026 est en dehors du contrat ${ended.reference}, qui court du 01/01/2026 au 31/10/2026`,
      });
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
          code: 'someone_else',
          userName: 'Ana Lopez',
          userEmail: 'ana@exemple.fr',
          email: 'camille@example.fr',
          reason:
            'Une entrée de Ana Lopez (ana@exemple.fr), pas de camille@example.fr\u00a0: importez-la connecté sous ce compte, ou indiquez email=ana@exemple.fr si c’est la vôtre',
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

    it('names the missing columns of a file that is no export of the tool, in both languages', async () => {
      const csv = 'Date,From,To,Customer,Project\n2026-11-03,09:00,10:00,A,B';
      const send = (language: string) =>
        api('post', '/api/interventions/import?source=toggl&dryRun=true')
          .set('Content-Type', 'text/csv')
          .set('Accept-Language', language)
          .send(csv)
          .expect(400);
      const figures = {
        field: 'file',
        reason: 'missing_columns',
        source: 'Toggl Track',
        columns: 'Start date, Start time, End date, End time',
      };
      const fr = await send('fr');
      const en = await send('en');
      expect(fr.body).toMatchObject({ code: 'invalid.file', details: [figures] });
      expect(en.body).toMatchObject({ code: 'invalid.file', details: [figures] });
      expect(fr.body.message).toMatch(/^Il manque des colonnes d’un export Toggl Track/);
      expect(en.body.message).toMatch(/^Columns of a Toggl Track export are missing/);
    });
  });
});
