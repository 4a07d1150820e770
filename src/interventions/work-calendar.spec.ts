import fc from 'fast-check';
import { afterHoursMinutes, splitByLocalDay } from '../calendar';
import { DEFAULT_BUSINESS_HOURS, type CalendarSettings } from '../common/domain';
import { WorkCalendar } from './work-calendar';

const settings: CalendarSettings[] = [
  {
    timezone: 'Europe/Paris',
    businessHours: DEFAULT_BUSINESS_HOURS,
    holidayCalendar: 'FR',
    closures: ['2026-08-14'],
  },
  {
    timezone: 'America/New_York',
    businessHours: {
      ...DEFAULT_BUSINESS_HOURS,
      mon: [
        ['08:00', '12:00'],
        ['13:00', '17:30'],
      ],
      sat: [['10:00', '12:00']],
    },
    holidayCalendar: 'none',
    closures: [],
  },
];

describe('WorkCalendar', () => {
  it.each(settings.map((s) => [s.timezone, s] as const))(
    'reads after-hours minutes and local days exactly like the calendar (%s)',
    (_, calendar) => {
      // One instance for every sample: what it keeps from one interval must not leak into the next.
      const cached = new WorkCalendar(calendar);
      const origin = Date.parse('2025-12-20T00:00:00Z');
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 400 * 24 * 3600 }),
          fc.integer({ min: 0, max: 30 * 3600 }),
          (offsetSeconds, lengthSeconds) => {
            const start = new Date(origin + offsetSeconds * 1000 + 250);
            const end = new Date(start.getTime() + lengthSeconds * 1000);
            expect(cached.afterHoursMinutes(start, end)).toBe(
              afterHoursMinutes(start, end, calendar),
            );
            expect(cached.splitByLocalDay(start, end)).toEqual(
              splitByLocalDay(start, end, calendar.timezone),
            );
          },
        ),
        { numRuns: 400 },
      );
    },
  );

  it('counts the autumn clock change night at its true length, in one local day', () => {
    const paris = new WorkCalendar(settings[0]);
    const pieces = paris.splitByLocalDay(
      new Date('2026-10-24T22:00:00Z'),
      new Date('2026-10-25T23:00:00Z'),
    );
    expect(pieces.map((p) => [p.date, p.minutes])).toEqual([['2026-10-25', 1500]]);
  });
});
