import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_BUSINESS_HOURS, type CalendarSettings } from './calendar-types';
import {
  addBusinessMinutes,
  addWallClockMinutes,
  afterHoursMinutes,
  businessIntervalsOn,
  businessMinutesBetween,
  isBusinessInstant,
  isNonWorkingDay,
  nextOpening,
} from './business-hours';
import { durationMinutes } from './periods';

const settings: CalendarSettings = {
  timezone: 'Europe/Paris',
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
};
const withClosures: CalendarSettings = { ...settings, closures: ['2026-12-24', '2026-12-28'] };
const alsace: CalendarSettings = { ...settings, holidayCalendar: 'FR-57' };
const lunchBreak: CalendarSettings = {
  ...settings,
  businessHours: {
    ...DEFAULT_BUSINESS_HOURS,
    mon: [
      ['08:30', '12:00'],
      ['13:30', '17:30'],
    ],
    wed: [
      ['14:00', '18:00'],
      ['08:30', '12:00'],
    ],
    sat: [['10:00', '12:00']],
  },
};
const newYork: CalendarSettings = {
  ...settings,
  timezone: 'America/New_York',
  holidayCalendar: 'none',
};
const neverOpen: CalendarSettings = {
  ...settings,
  businessHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
};

/** An instant written as Paris wall-clock time, e.g. '2026-11-27T17:30'. */
const paris = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toJSDate();
const parisLocal = (at: Date) =>
  DateTime.fromJSDate(at, { zone: 'Europe/Paris' }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('isNonWorkingDay', () => {
  it.each([
    ['a plain Monday', '2026-07-13', false, settings],
    ['Bastille Day', '2026-07-14', true, settings],
    ['a Saturday', '2026-07-18', true, settings],
    ['a Sunday', '2026-07-19', true, settings],
    ['a closure day', '2026-12-24', true, withClosures],
    ['the same day without the closure', '2026-12-24', false, settings],
    ['Good Friday in France', '2026-04-03', false, settings],
    ['Good Friday in Alsace-Moselle', '2026-04-03', true, alsace],
    ['a Saturday with opening hours', '2026-07-18', false, lunchBreak],
  ])('%s (%s) is a non-working day: %p', (_label, day, expected, calendar) => {
    expect(isNonWorkingDay(day, calendar)).toBe(expected);
  });
});

describe('businessIntervalsOn', () => {
  const asUtc = (intervals: { start: Date; end: Date }[]) =>
    intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

  it.each([
    [
      'a winter Friday',
      '2026-03-27',
      settings,
      [['2026-03-27T08:00:00.000Z', '2026-03-27T17:00:00.000Z']],
    ],
    [
      'the Monday after the spring change',
      '2026-03-30',
      settings,
      [['2026-03-30T07:00:00.000Z', '2026-03-30T16:00:00.000Z']],
    ],
    ['a holiday', '2026-07-14', settings, []],
    ['a closure day', '2026-12-28', withClosures, []],
    ['a weekend day', '2026-03-28', settings, []],
    [
      'a Monday with a lunch break',
      '2026-03-30',
      lunchBreak,
      [
        ['2026-03-30T06:30:00.000Z', '2026-03-30T10:00:00.000Z'],
        ['2026-03-30T11:30:00.000Z', '2026-03-30T15:30:00.000Z'],
      ],
    ],
    [
      'a Wednesday whose hours were listed out of order',
      '2026-04-01',
      lunchBreak,
      [
        ['2026-04-01T06:30:00.000Z', '2026-04-01T10:00:00.000Z'],
        ['2026-04-01T12:00:00.000Z', '2026-04-01T16:00:00.000Z'],
      ],
    ],
  ])('%s (%s)', (_label, day, calendar, expected) => {
    expect(asUtc(businessIntervalsOn(day, calendar))).toEqual(expected);
  });

  it.each([
    ['2026-03-29', 300],
    ['2026-10-25', 420],
  ])('a Sunday night shift 00:00-06:00 on %s lasts its true %i minutes', (day, minutes) => {
    const nightShift: CalendarSettings = {
      ...settings,
      businessHours: { ...DEFAULT_BUSINESS_HOURS, sun: [['00:00', '06:00']] },
    };
    const [interval] = businessIntervalsOn(day, nightShift);
    expect(durationMinutes(interval.start, interval.end)).toBe(minutes);
  });

  it('drops an opening hour that the spring change skips', () => {
    const skipped: CalendarSettings = {
      ...settings,
      businessHours: { ...DEFAULT_BUSINESS_HOURS, sun: [['02:00', '03:00']] },
    };
    expect(businessIntervalsOn('2026-03-29', skipped)).toEqual([]);
    expect(businessIntervalsOn('2026-04-05', skipped)).toHaveLength(1);
  });

  it('refuses business hours that cannot be read rather than guess', () => {
    const broken: CalendarSettings = {
      ...settings,
      businessHours: { ...DEFAULT_BUSINESS_HOURS, mon: [['9h', '18:00']] },
    };
    expect(() => businessIntervalsOn('2026-03-30', broken)).toThrow(/mon: "9h" is not a time/);
  });
});

describe('isBusinessInstant', () => {
  it.each([
    ['2026-11-27T09:00', true],
    ['2026-11-27T17:59', true],
    ['2026-11-27T18:00', false],
    ['2026-11-27T08:59', false],
    ['2026-11-28T11:00', false],
    ['2026-11-11T11:00', false],
  ])('Paris %s is within business hours: %p', (local, expected) => {
    expect(isBusinessInstant(paris(local), settings)).toBe(expected);
  });
});

describe('after-hours and business minutes of an intervention', () => {
  it.each([
    ['inside business hours', '2026-11-26T10:00', '2026-11-26T12:00', 0, settings],
    ['running late in the evening', '2026-11-26T17:00', '2026-11-26T20:00', 120, settings],
    ['early in the morning', '2026-11-26T07:30', '2026-11-26T09:15', 90, settings],
    ['on a Saturday', '2026-11-28T10:00', '2026-11-28T12:00', 120, settings],
    ['on Bastille Day', '2026-07-14T10:00', '2026-07-14T11:30', 90, settings],
    ['on a closure day', '2026-12-24T10:00', '2026-12-24T11:00', 60, withClosures],
    ['across midnight', '2026-11-26T23:00', '2026-11-27T01:00', 120, settings],
    ['over a lunch break', '2026-03-30T11:00', '2026-03-30T14:30', 90, lunchBreak],
    ['through a whole weekend', '2026-11-27T17:00', '2026-11-30T10:00', 3780, settings],
    ['on the night clocks go back', '2026-10-25T00:00', '2026-10-25T06:00', 420, settings],
    ['of zero length', '2026-11-26T20:00', '2026-11-26T20:00', 0, settings],
  ])('%s: %s to %s has %i after-hours minutes', (_label, from, to, expected, calendar) => {
    const [start, end] = [paris(from), paris(to)];
    expect(afterHoursMinutes(start, end, calendar)).toBe(expected);
    expect(businessMinutesBetween(start, end, calendar)).toBe(
      durationMinutes(start, end) - expected,
    );
  });

  it('counts nothing for a reversed interval', () => {
    const [start, end] = [paris('2026-11-26T12:00'), paris('2026-11-26T10:00')];
    expect(businessMinutesBetween(start, end, settings)).toBe(0);
    expect(afterHoursMinutes(start, end, settings)).toBe(0);
  });
});

describe('nextOpening', () => {
  it.each([
    ['inside business hours', '2026-11-26T10:17', '2026-11-26T10:17', settings],
    ['at opening time', '2026-11-26T09:00', '2026-11-26T09:00', settings],
    ['before opening', '2026-11-26T07:45', '2026-11-26T09:00', settings],
    ['at closing time', '2026-11-26T18:00', '2026-11-27T09:00', settings],
    ['on Friday evening', '2026-11-27T19:00', '2026-11-30T09:00', settings],
    ['on the eve of Bastille Day', '2026-07-13T18:30', '2026-07-15T09:00', settings],
    ['before Christmas closures', '2026-12-23T20:00', '2026-12-29T09:00', withClosures],
    ['during a lunch break', '2026-03-30T12:30', '2026-03-30T13:30', lunchBreak],
  ])('%s (%s) it is %s', (_label, local, expected, calendar) => {
    expect(parisLocal(nextOpening(paris(local), calendar))).toBe(expected);
  });

  it('gives up with an error when the calendar never opens', () => {
    expect(() => nextOpening(paris('2026-11-26T10:00'), neverOpen)).toThrow(/No business hours/);
  });
});

describe('addBusinessMinutes', () => {
  it.each([
    [
      'Friday 17:30 + 60 opens again on Monday',
      '2026-11-27T17:30',
      60,
      '2026-11-30T09:30',
      settings,
    ],
    [
      'Friday 17:00 + 60 is due at closing time',
      '2026-11-27T17:00',
      60,
      '2026-11-27T18:00',
      settings,
    ],
    [
      'the eve of Bastille Day skips the holiday',
      '2026-07-13T17:00',
      120,
      '2026-07-15T10:00',
      settings,
    ],
    [
      'a request on Sunday starts at the opening',
      '2026-11-29T12:00',
      30,
      '2026-11-30T09:30',
      settings,
    ],
    [
      'zero minutes on Saturday is the next opening',
      '2026-11-28T11:00',
      0,
      '2026-11-30T09:00',
      settings,
    ],
    ['zero minutes in business hours is now', '2026-11-26T11:00', 0, '2026-11-26T11:00', settings],
    ['a full day of work', '2026-11-26T09:00', 540, '2026-11-26T18:00', settings],
    ['over the spring change', '2026-03-27T17:00', 120, '2026-03-30T10:00', settings],
    ['past the Christmas closures', '2026-12-23T17:00', 120, '2026-12-29T10:00', withClosures],
    ['past a lunch break', '2026-03-30T11:00', 90, '2026-03-30T14:00', lunchBreak],
    [
      'a 4-hour SLA in Alsace on Maundy Thursday',
      '2026-04-02T16:00',
      240,
      '2026-04-07T11:00',
      alsace,
    ],
  ])('%s: %s + %i → %s', (_label, local, minutes, expected, calendar) => {
    expect(parisLocal(addBusinessMinutes(paris(local), minutes, calendar))).toBe(expected);
  });

  it('refuses a negative number of minutes', () => {
    expect(() => addBusinessMinutes(paris('2026-11-26T10:00'), -5, settings)).toThrow(RangeError);
  });

  it('gives up with an error when the calendar never opens', () => {
    expect(() => addBusinessMinutes(paris('2026-11-26T10:00'), 60, neverOpen)).toThrow(
      /No business hours/,
    );
  });
});

describe('addWallClockMinutes', () => {
  it('counts every minute on a 24x7 clock, including the extra hour when clocks go back', () => {
    const deadline = addWallClockMinutes(paris('2026-10-24T23:00'), 24 * 60);
    expect(parisLocal(deadline)).toBe('2026-10-25T22:00');
  });
});

describe('properties over 2024-2028', () => {
  const calendars = fc.constantFrom(settings, withClosures, alsace, lunchBreak, newYork);
  const instant = fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) })
    .map((ms) => new Date(ms));

  it('business and after-hours minutes add up to the duration', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        calendars,
        (start, length, calendar) => {
          const end = new Date(start.getTime() + length);
          const business = businessMinutesBetween(start, end, calendar);
          const afterHours = afterHoursMinutes(start, end, calendar);
          expect(business).toBeGreaterThanOrEqual(0);
          expect(afterHours).toBeGreaterThanOrEqual(0);
          expect(business + afterHours).toBe(durationMinutes(start, end));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('N business minutes after T are N business minutes from the opening at or after T', () => {
    let open = 0;
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 5000 }),
        calendars,
        (start, minutes, calendar) => {
          const deadline = addBusinessMinutes(start, minutes, calendar);
          const opening = nextOpening(start, calendar);
          expect(businessMinutesBetween(opening, deadline, calendar)).toBe(minutes);
          // Within business hours the opening is T itself.
          const during = isBusinessInstant(start, calendar);
          expect(during ? opening.getTime() : 'closed').toBe(during ? start.getTime() : 'closed');
          if (during) open += 1;
        },
      ),
      { numRuns: 200 },
    );
    // Some starts fell within business hours: the second claim was put to the test.
    expect(open).toBeGreaterThan(0);
  });

  it('a longer allowance never gives an earlier deadline', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        calendars,
        (start, minutes, extra, calendar) => {
          const sooner = addBusinessMinutes(start, minutes, calendar);
          const later = addBusinessMinutes(start, minutes + extra, calendar);
          expect(later.getTime()).toBeGreaterThanOrEqual(sooner.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a deadline always falls at the end of a business minute, never in the night', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 5000 }),
        calendars,
        (start, minutes, calendar) => {
          const deadline = addBusinessMinutes(start, minutes, calendar);
          expect(isBusinessInstant(new Date(deadline.getTime() - 1), calendar)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
