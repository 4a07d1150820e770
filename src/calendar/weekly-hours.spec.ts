import { DEFAULT_BUSINESS_HOURS, type WeeklyHours } from './calendar-types';
import { parseHHMM, validateWeeklyHours } from './weekly-hours';

describe('parseHHMM', () => {
  it.each([
    ['00:00', false, 0],
    ['09:00', false, 540],
    ['12:30', false, 750],
    ['23:59', false, 1439],
    ['24:00', true, 1440],
    ['18:00', true, 1080],
    ['24:00', false, null],
    ['9:00', false, null],
    ['12:60', false, null],
    ['25:00', true, null],
    ['24:01', true, null],
    ['12h00', false, null],
    ['', false, null],
    [' 09:00', false, null],
  ])('"%s" (as end: %p) is %p minutes after midnight', (text, asEnd, expected) => {
    expect(parseHHMM(text, asEnd)).toBe(expected);
  });
});

describe('validateWeeklyHours', () => {
  const week = (overrides: Partial<WeeklyHours>): WeeklyHours => ({
    ...DEFAULT_BUSINESS_HOURS,
    ...overrides,
  });

  it.each([
    ['the default Mon–Fri 09:00–18:00', DEFAULT_BUSINESS_HOURS],
    [
      'a lunch break',
      week({
        mon: [
          ['09:00', '12:00'],
          ['14:00', '18:00'],
        ],
      }),
    ],
    [
      'back-to-back intervals',
      week({
        tue: [
          ['09:00', '12:00'],
          ['12:00', '18:00'],
        ],
      }),
    ],
    ['an evening until midnight', week({ sat: [['20:00', '24:00']] })],
    [
      'intervals listed out of order',
      week({
        wed: [
          ['14:00', '18:00'],
          ['08:00', '12:00'],
        ],
      }),
    ],
    ['a week with no hours at all', week({ mon: [], tue: [], wed: [], thu: [], fri: [] })],
  ])('accepts %s', (_label, hours) => {
    expect(validateWeeklyHours(hours)).toEqual([]);
  });

  it.each([
    [
      'a time without two-digit hours',
      week({ mon: [['9:00', '18:00']] }),
      'mon: "9:00" is not a time',
    ],
    ['24:00 as a start', week({ tue: [['24:00', '24:00']] }), 'tue: "24:00" is not a time'],
    ['an impossible end', week({ wed: [['09:00', '25:00']] }), 'wed: "25:00" is not an end time'],
    [
      'an end before the start',
      week({ thu: [['18:00', '09:00']] }),
      'thu: 18:00-09:00 does not end',
    ],
    ['an empty interval', week({ fri: [['10:00', '10:00']] }), 'fri: 10:00-10:00 does not end'],
    [
      'overlapping intervals',
      week({
        mon: [
          ['09:00', '12:00'],
          ['11:00', '14:00'],
        ],
      }),
      'mon: 09:00-12:00 overlaps 11:00-14:00',
    ],
  ])('reports %s', (_label, hours, problem) => {
    const problems = validateWeeklyHours(hours);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('reports a missing weekday and an unknown one, as sent by a careless client', () => {
    const { sun: _sun, ...withoutSunday } = DEFAULT_BUSINESS_HOURS;
    const hours = { ...withoutSunday, monday: [] } as unknown as WeeklyHours;
    expect(validateWeeklyHours(hours)).toEqual([
      'unknown day "monday" (expected mon, tue, wed, thu, fri, sat, sun)',
      'sun: missing (use [] for a day off)',
    ]);
  });

  it('reports an interval that is not a pair of times', () => {
    const hours = week({ mon: [['09:00']] as unknown as [string, string][] });
    expect(validateWeeklyHours(hours)).toEqual(['mon: interval 1 must be ["HH:MM", "HH:MM"]']);
  });
});
