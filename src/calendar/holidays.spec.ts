import { easterSunday, isPublicHoliday, publicHolidays } from './holidays';

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('Easter %i falls on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([1500, 2026.5, Number.NaN])('refuses year %p outside the Gregorian calendar', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('publicHolidays', () => {
  it('lists the eleven French public holidays of 2026 in date order with French names', () => {
    expect(publicHolidays(2026, 'FR')).toEqual([
      { date: '2026-01-01', name: "Jour de l'an" },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it.each([
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
  ])('%i: Easter Monday %s, Ascension %s, Whit Monday %s', (year, monday, ascension, whit) => {
    const byName = new Map(publicHolidays(year, 'FR').map((h) => [h.name, h.date]));
    expect(byName.get('Lundi de Pâques')).toBe(monday);
    expect(byName.get('Ascension')).toBe(ascension);
    expect(byName.get('Lundi de Pentecôte')).toBe(whit);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle (FR-57)', () => {
    const alsace = publicHolidays(2026, 'FR-57');
    expect(alsace).toHaveLength(13);
    expect(alsace).toContainEqual({ date: '2026-04-03', name: 'Vendredi saint' });
    expect(alsace).toContainEqual({ date: '2026-12-26', name: 'Saint-Étienne' });
    expect(alsace.map((h) => h.date)).toEqual([...alsace.map((h) => h.date)].sort());
  });

  it('has no public holiday with the "none" calendar', () => {
    expect(publicHolidays(2026, 'none')).toEqual([]);
  });
});

describe('isPublicHoliday', () => {
  it.each([
    ['2026-07-14', 'FR', true],
    ['2026-07-13', 'FR', false],
    ['2026-04-03', 'FR', false],
    ['2026-04-03', 'FR-57', true],
    ['2026-12-26', 'FR', false],
    ['2026-12-26', 'FR-57', true],
    ['2027-05-06', 'FR', true],
    ['2026-12-25', 'none', false],
  ] as const)('%s with calendar %s: %p', (date, calendar, expected) => {
    expect(isPublicHoliday(date, calendar)).toBe(expected);
  });
});
