import { readFileSync } from 'fs';
import { join } from 'path';
import { ImportRow, TimesheetSource } from './import-row';
import { parseTimesheetCsv } from './parse-timesheet-csv';

const PARIS = { timezone: 'Europe/Paris' };

function fixture(source: TimesheetSource): Buffer {
  return readFileSync(join(__dirname, '../../../test/fixtures/import', `${source}.csv`));
}

function parseFixture(source: TimesheetSource) {
  return parseTimesheetCsv(source, fixture(source), PARIS);
}

function rowAt(rows: ImportRow[], line: number): ImportRow {
  const row = rows.find((candidate) => candidate.row === line);
  if (!row) throw new Error(`no accepted row on line ${line}`);
  return row;
}

const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)';

describe('parseTimesheetCsv on real-looking exports', () => {
  it.each([
    ['toggl', [2, 3, 4, 5, 6, 7, 8, 12, 13]],
    ['clockify', [2, 3, 4, 5, 6, 7, 10, 11]],
    ['kimai', [2, 3, 4, 5, 6, 8, 10, 11]],
  ] as const)('%s: accepts the good lines, numbered as in the file', async (source, lines) => {
    expect((await parseFixture(source)).rows.map((row) => row.row)).toEqual(lines);
  });

  it.each([
    [
      'toggl',
      10,
      {
        code: 'end_not_after_start',
        startColumn: 'Start date/Start time',
        endColumn: 'End date/End time',
        start: '2026-04-01T18:00',
        end: '2026-04-01T17:00',
      },
    ],
    [
      'toggl',
      11,
      { code: 'not_a_date', column: 'Start date', value: '2026-04-31', expected: 'ISO' },
    ],
    ['clockify', 8, { code: 'too_long', minutes: 25 * 60, maxMinutes: 24 * 60 }],
    ['clockify', 9, { code: 'not_a_time', column: 'Start Time', value: '13:30 PM' }],
    [
      'kimai',
      7,
      {
        code: 'overnight_unclear',
        startColumn: 'From',
        startTime: '17:00',
        endColumn: 'To',
        endTime: '16:00',
        durationColumn: 'Duration',
        duration: '1',
      },
    ],
    ['kimai', 9, { code: 'empty_cell', column: 'From' }],
  ] as const)('%s: refuses line %i as %o', async (source, line, refusal) => {
    expect((await parseFixture(source)).errors).toContainEqual({ row: line, ...refusal });
  });

  it.each(['toggl', 'clockify', 'kimai'] as const)(
    '%s: reports exactly two refused lines',
    async (source) => {
      expect((await parseFixture(source)).errors).toHaveLength(2);
    },
  );

  it.each([
    // Winter time (UTC+1) before 29 March 2026, summer time (UTC+2) after.
    ['toggl', 2, '2026-03-02T08:00:00.000Z', '2026-03-02T09:30:00.000Z'],
    ['toggl', 5, '2026-03-27T21:30:00.000Z', '2026-03-28T00:00:00.000Z'],
    // 01:30 to 03:30 on the night the clocks go forward is one hour of work, not two.
    ['toggl', 6, '2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z'],
    ['toggl', 7, '2026-03-30T07:00:00.000Z', '2026-03-30T10:00:00.000Z'],
    ['toggl', 13, '2026-10-26T08:00:00.000Z', '2026-10-26T08:40:00.000Z'],
    ['clockify', 3, '2026-03-05T12:15:00.000Z', '2026-03-05T13:00:00.000Z'],
    ['clockify', 5, '2026-03-16T22:30:00.000Z', '2026-03-17T00:45:00.000Z'],
    ['clockify', 6, '2026-03-18T11:00:00.000Z', '2026-03-18T13:00:00.000Z'],
    ['clockify', 11, '2026-04-10T22:30:00.000Z', '2026-04-10T23:00:00.000Z'],
    ['kimai', 5, '2026-03-20T22:00:00.000Z', '2026-03-21T00:30:00.000Z'],
    ['kimai', 8, '2026-03-30T07:15:00.000Z', '2026-03-30T09:00:00.000Z'],
  ] as const)('%s line %i runs from %s to %s', async (source, line, start, end) => {
    const row = rowAt((await parseFixture(source)).rows, line);
    expect([row.start.toISOString(), row.end.toISOString()]).toEqual([start, end]);
  });

  it('keeps names with accents, quoted commas, doubled quotes and line breaks', async () => {
    const { rows } = await parseFixture('toggl');
    expect(rowAt(rows, 2)).toMatchObject({
      clientName: 'Boulangerie Lefèvre',
      projectName: 'Maintenance parc',
      activityName: 'Support',
      description: "Imprimante réseau, file d'attente bloquée",
      billable: true,
      tags: ['sur site', 'urgent'],
    });
    expect(rowAt(rows, 7).description).toBe('Formation "Teams" de l\'équipe comptable');
    expect(rowAt(rows, 8).description).toBe('Remplacement du disque dur\ndu poste caisse');
    expect(rowAt(rows, 12)).toMatchObject({ clientName: '', projectName: 'Veille technique' });
  });

  it.each([
    ['toggl', 4],
    ['clockify', 4],
    ['clockify', 10],
    ['kimai', 4],
    ['kimai', 11],
  ] as const)('%s line %i is not billable', async (source, line) => {
    expect(rowAt((await parseFixture(source)).rows, line).billable).toBe(false);
  });

  it.each([
    ['toggl', 2],
    ['clockify', 2],
    ['kimai', 2],
  ] as const)('%s: reads who tracked the entry', async (source, line) => {
    expect(rowAt((await parseFixture(source)).rows, line)).toMatchObject({
      userName: 'Hélène Benoît',
      userEmail: 'helene@exemple.fr',
    });
  });

  it('reads no user when the export has no such column or leaves it empty', async () => {
    const header = 'Client,Project,Start date,Start time,End date,End time,Email';
    const text = `${header}\nC,P,2026-02-10,09:00:00,2026-02-10,10:00:00,\n`;
    const [row] = (await parseTimesheetCsv('toggl', text, PARIS)).rows;
    expect(row).toMatchObject({ userName: null, userEmail: null });
  });

  it('reads an empty task as no activity, and Kimai activities and tags', async () => {
    expect(rowAt((await parseFixture('toggl')).rows, 4).activityName).toBeNull();
    expect(rowAt((await parseFixture('kimai')).rows, 2)).toMatchObject({
      clientName: 'Clinique Saint-Éloi',
      activityName: 'Support',
      tags: ['réseau', 'urgent'],
    });
  });
});

describe('parseTimesheetCsv file shapes', () => {
  const line =
    'Ana,a@x.fr,Café Zoé,Parc,,Poste,Yes,2026-02-10,09:00:00,2026-02-10,10:00:00,01:00:00,,';

  it.each([
    ['a string', `${TOGGL_HEADER}\n${line}\n`],
    ['a BOM and CRLF', `\uFEFF${TOGGL_HEADER}\r\n${line}\r\n`],
    ['semicolons', `${TOGGL_HEADER.replace(/,/g, ';')}\n${line.replace(/,/g, ';')}\n`],
    [
      'a BOM, semicolons and quoted fields',
      `\uFEFF${TOGGL_HEADER.replace(/,/g, ';')}\n"Ana";"a@x.fr";"Café Zoé";"Parc";"";"Poste";"Yes";"2026-02-10";"09:00:00";"2026-02-10";"10:00:00";"01:00:00";"";""\n`,
    ],
    ['blank lines around the data', `\n${TOGGL_HEADER}\n\n${line}\n\n`],
  ])('reads a file with %s', async (_shape, text) => {
    const { rows, errors } = await parseTimesheetCsv('toggl', text, PARIS);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ clientName: 'Café Zoé', projectName: 'Parc' });
    expect(rows[0].start.toISOString()).toBe('2026-02-10T08:00:00.000Z');
  });

  it('reads a Buffer with a BOM the same as a string', async () => {
    const text = `\uFEFF${TOGGL_HEADER}\n${line}\n`;
    const fromBuffer = await parseTimesheetCsv('toggl', Buffer.from(text, 'utf8'), PARIS);
    expect(fromBuffer).toEqual(await parseTimesheetCsv('toggl', text, PARIS));
    expect(fromBuffer.rows[0].clientName).toBe('Café Zoé');
  });

  it('numbers lines from the header even after blank lines', async () => {
    const { rows } = await parseTimesheetCsv('toggl', `\n${TOGGL_HEADER}\n\n${line}\n`, PARIS);
    expect(rows[0].row).toBe(4);
  });

  it('refuses a file missing required columns with one error naming them', async () => {
    const header = 'User,Email,Client,Project,Description,Billable,Start date,Start time,Duration';
    const result = await parseTimesheetCsv(
      'toggl',
      `${header}\nAna,a@x.fr,C,P,D,Yes,2026-02-10,09:00:00,01:00:00\n`,
      PARIS,
    );
    const refusal = {
      code: 'missing_columns',
      source: 'Toggl Track',
      columns: 'End date, End time',
    } as const;
    expect(result).toEqual({
      rows: [],
      errors: [{ row: 1, ...refusal }],
      unreadable: {
        field: 'file',
        reason: 'missing columns for a Toggl Track export: End date, End time',
        refusal,
      },
    });
  });

  it('refuses a Kimai file given as a Toggl one', async () => {
    const { errors } = await parseTimesheetCsv('toggl', fixture('kimai'), PARIS);
    expect(errors).toEqual([
      {
        row: 1,
        code: 'missing_columns',
        source: 'Toggl Track',
        columns: 'Start date, Start time, End date, End time',
      },
    ]);
  });

  it.each([
    ['an empty file', '', { code: 'empty' }],
    [
      'an unclosed quote, with the line it opens on',
      `${TOGGL_HEADER}\n"Ana,a@x.fr\n`,
      { code: 'not_csv', line: 2 },
    ],
    [
      'a UTF-8 file with a Latin-1 line, naming that line',
      Buffer.concat([
        Buffer.from(`${TOGGL_HEADER}\nAna,a@x.fr,Éloïse,Parc,,Poste,Yes\n`),
        Buffer.from('Ana,a@x.fr,Café,Parc\n', 'latin1'),
      ]),
      { code: 'encoding', line: 3 },
    ],
    [
      'a UTF-8 file cut within a letter',
      Buffer.concat([Buffer.from(`${TOGGL_HEADER}\nAna,a@x.fr,Éloïse,Caf`), Buffer.from([0xc3])]),
      { code: 'encoding', line: 2 },
    ],
    [
      'a workbook sent for a CSV file',
      Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00'), Buffer.alloc(600, 0)]),
      { code: 'not_text', line: 1 },
    ],
  ])('refuses %s as a whole', async (_case, text, refusal) => {
    const { rows, errors, unreadable } = await parseTimesheetCsv('toggl', text, PARIS);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 1, ...refusal }]);
    expect(unreadable).toMatchObject({ field: 'file', refusal });
  });

  it('refuses a row cut short, naming the first missing column', async () => {
    const { errors } = await parseTimesheetCsv(
      'toggl',
      `${TOGGL_HEADER}\nAna,a@x.fr,C,P,,D,Yes,2026-02-10,09:00:00,2026-02-10\n`,
      PARIS,
    );
    expect(errors).toEqual([{ row: 2, code: 'missing_column', column: 'End time' }]);
  });

  it('refuses a billable flag that is neither yes nor no', async () => {
    const { errors } = await parseTimesheetCsv(
      'toggl',
      `${TOGGL_HEADER}\n${line.replace(',Yes,', ',Peut-être,')}\n`,
      PARIS,
    );
    expect(errors).toEqual([
      { row: 2, code: 'not_yes_or_no', column: 'Billable', value: 'Peut-être' },
    ]);
  });

  it('refuses a local time skipped when the clocks go forward', async () => {
    const gap = 'Ana,a@x.fr,C,P,,D,Yes,2026-03-29,02:30:00,2026-03-29,04:00:00,01:30:00,,';
    const { errors } = await parseTimesheetCsv('toggl', `${TOGGL_HEADER}\n${gap}\n`, PARIS);
    expect(errors).toEqual([
      {
        row: 2,
        code: 'clocks_forward',
        column: 'Start time',
        at: '2026-03-29T02:30',
        timezone: 'Europe/Paris',
      },
    ]);
  });

  it('reads the same local times in another zone', async () => {
    const { rows } = await parseTimesheetCsv('toggl', `${TOGGL_HEADER}\n${line}\n`, {
      timezone: 'America/Martinique',
    });
    expect(rows[0].start.toISOString()).toBe('2026-02-10T13:00:00.000Z');
  });
});

describe('parseTimesheetCsv with Clockify date formats', () => {
  const header =
    'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (EUR),Billable Amount (EUR)';
  const entry = (day: string, from = '09:00', to = '10:00') =>
    `Parc,Café Zoé,Poste,,Ana,,a@x.fr,,Yes,${day},${from},${day},${to},01:00:00,1.00,85,85`;

  it.each([
    [
      'DD/MM found from a day above 12',
      ['16/03/2026', '02/03/2026'],
      undefined,
      ['2026-03-16', '2026-03-02'],
    ],
    [
      'MM/DD found from a day above 12',
      ['03/16/2026', '03/02/2026'],
      undefined,
      ['2026-03-16', '2026-03-02'],
    ],
    ['DD/MM chosen by the user', ['02/03/2026'], 'DMY', ['2026-03-02']],
    ['MM/DD chosen by the user', ['02/03/2026'], 'MDY', ['2026-02-03']],
    [
      'DD-MM-YYYY found from a day above 12',
      ['16-03-2026', '02-03-2026'],
      undefined,
      ['2026-03-16', '2026-03-02'],
    ],
    ['DD.MM.YYYY, always day first', ['02.03.2026'], undefined, ['2026-03-02']],
    ['ISO dates, no choice needed', ['2026-03-02'], undefined, ['2026-03-02']],
  ] as const)('reads %s', async (_case, days, dateFormat, expected) => {
    const text = [header, ...days.map((day) => entry(day))].join('\n');
    const { rows, errors } = await parseTimesheetCsv('clockify', text, { ...PARIS, dateFormat });
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.start.toISOString().slice(0, 10))).toEqual(expected);
  });

  it('refuses a file whose slashed dates could be either order', async () => {
    const text = [header, entry('02/03/2026'), entry('04/05/2026')].join('\n');
    const { rows, errors } = await parseTimesheetCsv('clockify', text, PARIS);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 1, code: 'ambiguous_dates', column: 'Start Date', value: '02/03/2026', line: 2 },
    ]);
  });

  it('says the date format is what to choose, not another file', async () => {
    const text = [header, entry('02/03/2026')].join('\n');
    expect((await parseTimesheetCsv('clockify', text, PARIS)).unreadable?.field).toBe('dateFormat');
  });

  it('refuses a date impossible in the chosen order', async () => {
    const text = [header, entry('16/03/2026')].join('\n');
    const { errors } = await parseTimesheetCsv('clockify', text, { ...PARIS, dateFormat: 'MDY' });
    expect(errors).toEqual([
      { row: 2, code: 'not_a_date', column: 'Start Date', value: '16/03/2026', expected: 'MDY' },
    ]);
  });

  it.each([
    ['12:00 AM', '12:30 AM', '2026-03-01T23:00:00.000Z'],
    ['12:00 PM', '12:30 PM', '2026-03-02T11:00:00.000Z'],
    ['1:05 pm', '2:00 pm', '2026-03-02T12:05:00.000Z'],
    ['09:00:00', '10:00:00', '2026-03-02T08:00:00.000Z'],
  ])('reads the time %s', async (from, to, start) => {
    const text = [header, entry('2026-03-02', from, to)].join('\n');
    expect((await parseTimesheetCsv('clockify', text, PARIS)).rows[0].start.toISOString()).toBe(
      start,
    );
  });
});

describe('parseTimesheetCsv with Kimai exports', () => {
  it('reads a French export with semicolons, decimal commas and a night entry', async () => {
    const text = [
      'Date;De;À;Durée;Utilisateur;Client;Projet;Activité;Description;Facturable;Mots-clés',
      '2026-03-20;23:00;01:30;2,5;Ana;Café Zoé;Parc;Support;Bascule de nuit;1;astreinte',
      '2026-03-21;10:00;11:00;1;Ana;Café Zoé;Parc;Conseil;Réunion;0;',
    ].join('\n');
    const { rows, errors } = await parseTimesheetCsv('kimai', text, PARIS);
    expect(errors).toEqual([]);
    expect(
      rows.map((row) => [row.start.toISOString(), row.end.toISOString(), row.billable]),
    ).toEqual([
      ['2026-03-20T22:00:00.000Z', '2026-03-21T00:30:00.000Z', true],
      ['2026-03-21T09:00:00.000Z', '2026-03-21T10:00:00.000Z', false],
    ]);
    expect(rows[0]).toMatchObject({
      clientName: 'Café Zoé',
      activityName: 'Support',
      tags: ['astreinte'],
    });
  });

  it.each([
    ['seconds (Kimai 1)', '9000'],
    ['whole hours (Kimai 2)', '2'],
    ['hours and minutes', '2:30'],
  ])('sees a night entry from a duration in %s', async (_unit, duration) => {
    const hours = duration === '2' ? ['23:00', '01:00'] : ['23:00', '01:30'];
    const text = [
      'Date,From,To,Duration,Rate,User,Customer,Project,Activity,Description,Exported,Tags',
      `2026-03-20,${hours[0]},${hours[1]},${duration},0,Ana,Café Zoé,Parc,Support,Nuit,,`,
    ].join('\n');
    const { rows, errors } = await parseTimesheetCsv('kimai', text, PARIS);
    expect(errors).toEqual([]);
    expect(rows[0].end.toISOString().slice(0, 10)).toBe('2026-03-21');
    // Kimai 1 has no billable column: what it exported was recorded for billing.
    expect(rows[0].billable).toBe(true);
  });
});

describe('parseTimesheetCsv: what the tools write in their languages', () => {
  const toggl = (billable: string) =>
    `${TOGGL_HEADER}\nAna,a@x.fr,C,P,,D,${billable},2026-02-10,09:00:00,2026-02-10,10:00:00,01:00:00,,\n`;

  it.each([
    ...['Yes', 'yes', 'Y', 'true', '1', 'x', 'Oui', 'Ja', 'Sí', 'Sì', 'Sim', 'Tak', 'Ano', 'Kyllä'],
    ...['Evet', 'Да', 'はい', '是', '예'],
  ])('reads %j as billable', async (value) => {
    const { rows, errors } = await parseTimesheetCsv('toggl', toggl(value), PARIS);
    expect(errors).toEqual([]);
    expect(rows[0].billable).toBe(true);
  });

  it.each([
    ...['No', 'N', 'false', '0', '', 'Non', 'Nein', 'Não', 'Nie', 'Nej', 'Nei', 'Ei', 'Nee'],
    ...['Hayır', 'Нет', 'いいえ', '否', '아니요'],
  ])('reads %j as not billable', async (value) => {
    const { rows, errors } = await parseTimesheetCsv('toggl', toggl(value), PARIS);
    expect(errors).toEqual([]);
    expect(rows[0].billable).toBe(false);
  });

  it.each([
    [
      'toggl',
      'Utilisateur,E-mail,Client,Projet,Tâche,Description,Facturable,Date de début,Heure de début,Date de fin,Heure de fin,Durée',
      'Ana,a@x.fr,C,P,Support,D,Oui,2026-02-10,09:00:00,2026-02-10,10:00:00,01:00:00',
    ],
    [
      'toggl',
      'Member,Email,Client,Project,Task,Description,Billable,Start date,Start time,Stop date,Stop time',
      'Ana,a@x.fr,C,P,Support,D,Yes,2026-02-10,09:00:00,2026-02-10,10:00:00',
    ],
    [
      'clockify',
      'Projekt,Kunde,Beschreibung,Aufgabe,Benutzer,Gruppe,E-Mail,Tags,Abrechenbar,Startdatum,Startzeit,Enddatum,Endzeit,Dauer (h),Dauer (dezimal)',
      'P,C,D,Support,Ana,,a@x.fr,,Ja,2026-02-10,09:00,2026-02-10,10:00,01:00:00,1.00',
    ],
    [
      'clockify',
      'Proyecto,Cliente,Descripción,Tarea,Usuario,Grupo,Correo electrónico,Etiquetas,Facturable,Fecha de inicio,Hora de inicio,Fecha de fin,Hora de fin',
      'P,C,D,Support,Ana,,a@x.fr,,Sí,2026-02-10,09:00,2026-02-10,10:00',
    ],
    [
      'kimai',
      'Date,Début,Fin,Durée,Utilisateur,Courriel,Client,Projet,Activité,Description,Facturable',
      '2026-02-10,09:00,10:00,1,Ana,a@x.fr,C,P,Support,D,Oui',
    ],
    [
      'kimai',
      'Date,Begin,End,Duration,Name,User,E-mail,Customer,Project,Activity,Description,Exported,Billable',
      '2026-02-10,09:00,10:00,1.00,Ana,ana,a@x.fr,C,P,Support,D,0,1',
    ],
    [
      'solidtime',
      'Description,Task,Project,Client,User,Start,End,Duration,Duration (decimal),Billable,Tags',
      'D,Support,P,C,Ana,2026-02-10 09:00:00,2026-02-10 10:00:00,01:00:00,1,Yes,',
    ],
    [
      'harvest',
      'Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name',
      '2026-02-10,C,P,,Support,D,1.0,1.0,Yes,No,No,Ana,Lopez',
    ],
  ] as const)('reads a %s export headed %j', async (source, header, line) => {
    const { rows, errors } = await parseTimesheetCsv(source, `${header}\n${line}\n`, PARIS);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        clientName: 'C',
        projectName: 'P',
        activityName: 'Support',
        description: 'D',
        billable: true,
        start: new Date('2026-02-10T08:00:00.000Z'),
        end: new Date('2026-02-10T09:00:00.000Z'),
      }),
    ]);
  });

  it('lays Harvest entries of a day end to end from the day’s start, and refuses a day over 24 hours', async () => {
    const header = 'Date,Client,Project,Task,Notes,Hours';
    const text = [
      header,
      '2026-02-10,C,P,Support,a,1.5',
      '2026-02-11,C,P,Support,b,2',
      '2026-02-10,C,P,Support,c,0:45',
      '2026-02-10,C,P,Support,d,23',
      '2026-02-10,C,P,Support,e,une heure',
    ].join('\n');
    const opening = () => ({ hour: 8, minute: 30 });
    const { rows, errors } = await parseTimesheetCsv('harvest', text, {
      ...PARIS,
      dayStart: opening,
    });
    expect(rows.map((r) => [r.row, r.start.toISOString(), r.end.toISOString()])).toEqual([
      [2, '2026-02-10T07:30:00.000Z', '2026-02-10T09:00:00.000Z'],
      [3, '2026-02-11T07:30:00.000Z', '2026-02-11T09:30:00.000Z'],
      [4, '2026-02-10T09:00:00.000Z', '2026-02-10T09:45:00.000Z'],
    ]);
    expect(errors).toEqual([
      { row: 5, code: 'day_full', date: '2026-02-10' },
      { row: 6, code: 'not_a_duration', column: 'Hours', value: 'une heure' },
    ]);
  });
});
