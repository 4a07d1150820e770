import { catalogue, LOCALES } from '../../i18n';
import type { ImportRefusal, ImportRefusalCode } from './import-row';
import { refusalText, withReasons } from './refusal-text';

/** One refusal of every code: the type makes the table miss none. */
const EVERY_CODE: { [C in ImportRefusalCode]: Extract<ImportRefusal, { code: C }> } = {
  timezone: { code: 'timezone', timezone: 'Europe/Nowhere' },
  not_csv: { code: 'not_csv', line: 4 },
  encoding: { code: 'encoding', line: 12 },
  not_text: { code: 'not_text', line: 1 },
  empty: { code: 'empty' },
  missing_columns: { code: 'missing_columns', source: 'Toggl Track', columns: 'End date' },
  ambiguous_dates: { code: 'ambiguous_dates', column: 'Start Date', value: '03/04/2026', line: 2 },
  mixed_dates: {
    code: 'mixed_dates',
    column: 'Start Date',
    dayFirst: '13/04/2026',
    dayFirstLine: 5,
    monthFirst: '04/14/2026',
    monthFirstLine: 9,
  },
  missing_column: { code: 'missing_column', column: 'End time' },
  empty_cell: { code: 'empty_cell', column: 'From' },
  not_a_date: { code: 'not_a_date', column: 'Start date', value: '2026-04-31', expected: 'ISO' },
  not_a_time: { code: 'not_a_time', column: 'Start Time', value: '13:30 PM' },
  not_a_duration: { code: 'not_a_duration', column: 'Hours', value: '1h30' },
  no_duration: { code: 'no_duration', column: 'Hours', value: '0,00' },
  day_full: { code: 'day_full', date: '2026-03-02' },
  not_yes_or_no: { code: 'not_yes_or_no', column: 'Billable', value: 'Peut-être' },
  clocks_forward: {
    code: 'clocks_forward',
    column: 'Start time',
    at: '2026-03-29T02:30',
    timezone: 'Europe/Paris',
  },
  end_not_after_start: {
    code: 'end_not_after_start',
    startColumn: 'Start date/Start time',
    endColumn: 'End date/End time',
    start: '2026-04-01T18:00',
    end: '2026-04-01T17:00',
  },
  overnight_unclear: {
    code: 'overnight_unclear',
    startColumn: 'From',
    startTime: '17:00',
    endColumn: 'To',
    endTime: '16:00',
    durationColumn: 'Duration',
    duration: '1',
  },
  too_long: { code: 'too_long', minutes: 1500, maxMinutes: 1440 },
  future_start: { code: 'future_start' },
  future_end: { code: 'future_end' },
  end_before_start: { code: 'end_before_start' },
  someone_else: {
    code: 'someone_else',
    userName: 'Ana Lopez',
    userEmail: 'ana@exemple.fr',
    email: 'camille@example.fr',
  },
  no_contract: { code: 'no_contract', client: null, project: 'Veille' },
  several_contracts: {
    code: 'several_contracts',
    client: 'Cabinet Müller',
    project: 'Projet A',
    count: 2,
  },
  unknown_mapped_contract: {
    code: 'unknown_mapped_contract',
    client: 'Garage Martin',
    project: null,
    contractId: 'gone',
  },
  contract_unusable: { code: 'contract_unusable', contractId: 'gone' },
  no_activity: { code: 'no_activity' },
  unknown_activity: { code: 'unknown_activity', activity: 'Jardinage' },
  outside_contract: {
    code: 'outside_contract',
    date: '2026-11-02',
    reference: 'CT-2026-01',
    startDate: '2026-01-01',
    endDate: null,
  },
  after_hours: { code: 'after_hours', afterHoursMinutes: 90 },
  overlaps_recorded: {
    code: 'overlaps_recorded',
    start: '2026-11-01T23:00',
    end: '2026-11-02T01:00',
  },
  overlaps_row: {
    code: 'overlaps_row',
    otherRow: 3,
    start: '2026-11-02T11:00',
    end: '2026-11-02T11:45',
  },
};

describe('refusalText', () => {
  it.each(Object.values(EVERY_CODE))('words $code in French and in English', (refusal) => {
    const [fr, en] = LOCALES.map((locale) => refusalText(locale, { row: 2, ...refusal }));
    for (const text of [fr, en]) {
      expect(catalogue().has(`import.refused.${refusal.code}`)).toBe(true);
      // Every figure given: no argument left as its {name}.
      expect(text).not.toMatch(/[{}]/);
    }
    expect(fr).not.toBe(en);
  });

  it.each([
    [
      'wall-clock times in the reader’s form',
      EVERY_CODE.overlaps_recorded,
      'Chevauche une intervention déjà enregistrée, du 01/11/2026 23:00 au 02/11/2026 01:00',
      'Overlaps an intervention already recorded, from 1 Nov 2026 23:00 to 2 Nov 2026 01:00',
    ],
    [
      'durations in hours, as every duration is',
      EVERY_CODE.too_long,
      'Une intervention dure au plus 24 h ; celle-ci dure 25 h',
      'An intervention lasts at most 24 h; this one lasts 25 h',
    ],
    [
      'days, and a contract without end',
      EVERY_CODE.outside_contract,
      'Le 02/11/2026 est en dehors du contrat CT-2026-01, qui court du 01/01/2026 sans date de fin',
      '2 Nov 2026 is outside the contract CT-2026-01, which runs from 1 Jan 2026 with no end date',
    ],
    [
      'a cell as the file wrote it, even one that looks like a day',
      EVERY_CODE.not_a_date,
      'Start date « 2026-04-31 » n’est pas une date (attendu : AAAA-MM-JJ)',
      'Start date “2026-04-31” is not a date (expected YYYY-MM-DD)',
    ],
    [
      'an empty client as none',
      EVERY_CODE.no_contract,
      'Aucun contrat pour le client (aucun) / projet Veille : ajoutez une correspondance',
      'No contract for client (none) / project Veille: add a mapping',
    ],
    [
      'who tracked an entry, and how to import it',
      EVERY_CODE.someone_else,
      'Une entrée de Ana Lopez (ana@exemple.fr), pas de camille@example.fr : importez-la connecté sous ce compte, ou indiquez email=ana@exemple.fr si c’est la vôtre',
      'An entry of Ana Lopez (ana@exemple.fr), not of camille@example.fr: import it signed in as that user, or set email=ana@exemple.fr if it is yours',
    ],
  ])('says %s', (_case, refusal, fr, en) => {
    const nbsp = (text: string) =>
      text.replace(/ ([:;])/g, '\u00a0$1').replace(/« | »/g, (q) => q.replace(' ', '\u00a0'));
    expect(refusalText('fr', { row: 2, ...refusal })).toBe(nbsp(fr));
    expect(refusalText('en', { row: 2, ...refusal })).toBe(en);
  });
});

describe('withReasons', () => {
  it('keeps each refusal’s line, code and figures, and adds its words', async () => {
    const refused = [{ row: 7, ...EVERY_CODE.not_a_time }];
    expect(await withReasons(refused, 'en')).toEqual([
      {
        row: 7,
        code: 'not_a_time',
        column: 'Start Time',
        value: '13:30 PM',
        reason: 'Start Time “13:30 PM” is not a time of day',
      },
    ]);
  });
});
