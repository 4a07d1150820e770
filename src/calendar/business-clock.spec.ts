import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import {
  addBusinessMinutes,
  afterHoursMinutes,
  BusinessClock,
  businessIntervalsOn,
  businessMinutesBetween,
} from './business-hours';
import {
  DEFAULT_BUSINESS_HOURS,
  WEEKDAYS,
  type CalendarSettings,
  type WeeklyHours,
} from './calendar-types';
import { splitByLocalDay } from './periods';

const MINUTE = 60_000;
const utc = (iso: string) => new Date(iso);

function sundays(timezone: string, sun: [string, string][]): CalendarSettings {
  return {
    timezone,
    businessHours: { ...DEFAULT_BUSINESS_HOURS, sun },
    holidayCalendar: 'none',
    closures: [],
  };
}

describe('business hours on the night clocks change (Europe/Paris, Sunday 2026-03-29)', () => {
  // 2026-03-29T01:00Z: 02:00 CET becomes 03:00 CEST; local 02:00–02:59 never happens.
  it.each([
    [
      '02:00–02:59 and 03:00–03:59',
      59,
      1,
      [
        ['02:00', '02:59'],
        ['03:00', '03:59'],
      ],
    ],
    [
      '02:00–03:00 and 03:00–04:00',
      60,
      0,
      [
        ['02:00', '03:00'],
        ['03:00', '04:00'],
      ],
    ],
    ['02:00–02:59 alone (all in the gap)', 0, 60, [['02:00', '02:59']]],
    ['01:30–02:30 (ends in the gap)', 0, 60, [['01:30', '02:30']]],
    ['02:30–05:00 (starts in the gap)', 60, 0, [['02:30', '05:00']]],
  ] as [string, number, number, [string, string][]][])(
    'spans %s: the hour 01:00Z–02:00Z has %i business and %i after-hours minutes',
    (_label, business, afterHours, spans) => {
      const calendar = sundays('Europe/Paris', spans);
      const [start, end] = [utc('2026-03-29T01:00:00Z'), utc('2026-03-29T02:00:00Z')];
      expect(businessMinutesBetween(start, end, calendar)).toBe(business);
      expect(afterHoursMinutes(start, end, calendar)).toBe(afterHours);
    },
  );

  const nightAndMorning: [string, string][] = [
    ['00:00', '02:30'],
    ['03:00', '06:00'],
  ];
  it.each([
    ['00:00–02:30 and 03:00–06:00', 300, '2026-03-29T04:00:00.000Z', nightAndMorning],
    ['00:00–02:30 and 03:00–06:00', 120, '2026-03-29T01:00:00.000Z', nightAndMorning],
    ['00:00–02:30 and 03:00–06:00', 121, '2026-03-29T01:01:00.000Z', nightAndMorning],
    ['00:00–06:00', 300, '2026-03-29T04:00:00.000Z', [['00:00', '06:00']]],
  ] as [string, number, string, [string, string][]][])(
    'spans %s: %i business minutes from 2026-03-28T23:00Z (local midnight) end at %s',
    (_label, minutes, expected, spans) => {
      const calendar = sundays('Europe/Paris', spans);
      const deadline = addBusinessMinutes(utc('2026-03-28T23:00:00Z'), minutes, calendar);
      expect(deadline.toISOString()).toBe(expected);
    },
  );

  it('gives a day its business intervals once each, merged after conversion to instants', () => {
    const calendar = sundays('Europe/Paris', [
      ['00:00', '02:30'],
      ['03:00', '06:00'],
    ]);
    expect(
      businessIntervalsOn('2026-03-29', calendar).map((i) => [
        i.start.toISOString(),
        i.end.toISOString(),
      ]),
    ).toEqual([['2026-03-28T23:00:00.000Z', '2026-03-29T04:00:00.000Z']]);
  });

  it('counts both passes of the repeated hour when clocks go back (2026-10-25)', () => {
    // 03:00 CEST becomes 02:00 CET at 01:00Z: 02:00–02:59 happens twice.
    const calendar = sundays('Europe/Paris', [['02:15', '02:45']]);
    expect(
      businessIntervalsOn('2026-10-25', calendar).map((i) => [
        i.start.toISOString(),
        i.end.toISOString(),
      ]),
    ).toEqual([
      ['2026-10-25T00:15:00.000Z', '2026-10-25T00:45:00.000Z'],
      ['2026-10-25T01:15:00.000Z', '2026-10-25T01:45:00.000Z'],
    ]);
  });

  it('cuts the autumn clock change night at its true length, in one local day', () => {
    const clock = new BusinessClock(sundays('Europe/Paris', []));
    const pieces = clock.splitByLocalDay(utc('2026-10-24T22:00:00Z'), utc('2026-10-25T23:00:00Z'));
    expect(pieces.map((p) => [p.date, p.minutes])).toEqual([['2026-10-25', 1500]]);
  });
});

/**
 * The independent reading: minute after minute, is the wall clock of the zone inside one of the
 * day's spans? Slow and obviously right, which is what the clock is held to.
 */
function isBusinessMinute(t: number, calendar: CalendarSettings): boolean {
  const local = DateTime.fromMillis(t, { zone: calendar.timezone });
  const date = local.toISODate()!;
  if (calendar.closures.includes(date)) return false;
  const minute = local.hour * 60 + local.minute;
  const spans = calendar.businessHours[WEEKDAYS[local.weekday - 1]];
  return spans.some(([from, to]) => toMinutes(from) <= minute && minute < toMinutes(to));
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function scannedBusinessMinutes(start: number, end: number, calendar: CalendarSettings): number {
  let count = 0;
  for (let t = start; t < end; t += MINUTE) if (isBusinessMinute(t, calendar)) count += 1;
  return count;
}

function scannedDeadline(start: number, minutes: number, calendar: CalendarSettings): number {
  let t = start;
  for (let counted = 0; counted < minutes; t += MINUTE) {
    if (isBusinessMinute(t, calendar)) counted += 1;
  }
  return t;
}

/** The instants of 2026 at which the zone's offset changes, found hour by hour. */
function transitions(timezone: string): number[] {
  const zone = IANAZone.create(timezone);
  const found: number[] = [];
  const [from, to] = [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)];
  for (let t = from; t < to; t += 60 * MINUTE) {
    if (zone.offset(t) !== zone.offset(t + 60 * MINUTE)) found.push(t + 60 * MINUTE);
  }
  return found;
}

const HHMM = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Boundaries near the changes (00:00 in Santiago, 02:00–03:00 elsewhere, 02:45 in Chatham). */
const boundary = fc.oneof(
  fc.constantFrom(0, 60, 90, 105, 120, 135, 150, 165, 180, 195, 210, 225, 240, 1380, 1410, 1440),
  fc.integer({ min: 0, max: 1440 }),
);

/** One weekday's spans: sorted distinct boundaries taken two by two. */
const daySpans = fc.uniqueArray(boundary, { minLength: 0, maxLength: 6 }).map((bounds) => {
  const sorted = [...bounds].sort((a, b) => a - b);
  const spans: [string, string][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) spans.push([HHMM(sorted[i]), HHMM(sorted[i + 1])]);
  return spans;
});

const weeklyHours: fc.Arbitrary<WeeklyHours> = fc
  .tuple(daySpans, daySpans, daySpans, daySpans, daySpans, daySpans, daySpans)
  .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]])) as WeeklyHours);

describe.each(['Europe/Paris', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham'])(
  'the business clock against a minute-by-minute reading of the wall clock in %s',
  (timezone) => {
    const changes = transitions(timezone);
    // A start within a day and a half of a change of 2026, on a whole minute.
    const nearAChange = fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -36 * 60, max: 36 * 60 }))
      .map(([change, minutes]) => change + minutes * MINUTE);
    const calendarOf = (businessHours: WeeklyHours): CalendarSettings => ({
      timezone,
      businessHours,
      holidayCalendar: 'none',
      closures: [],
    });

    it('has two changes of offset in 2026 to test around', () => {
      expect(changes).toHaveLength(2);
    });

    it('counts the business minutes of any stretch as the wall clock does', () => {
      fc.assert(
        fc.property(
          weeklyHours,
          nearAChange,
          fc.integer({ min: 0, max: 30 * 60 }),
          (hours, start, minutes) => {
            const calendar = calendarOf(hours);
            const end = start + minutes * MINUTE;
            expect(businessMinutesBetween(new Date(start), new Date(end), calendar)).toBe(
              scannedBusinessMinutes(start, end, calendar),
            );
          },
        ),
        { numRuns: 60 },
      );
    });

    it('ends N business minutes where the wall clock has counted N', () => {
      fc.assert(
        fc.property(
          weeklyHours,
          nearAChange,
          fc.integer({ min: 1, max: 8 * 60 }),
          (hours, start, minutes) => {
            fc.pre(WEEKDAYS.every((day) => hours[day].length > 0));
            const calendar = calendarOf(hours);
            expect(addBusinessMinutes(new Date(start), minutes, calendar).getTime()).toBe(
              scannedDeadline(start, minutes, calendar),
            );
          },
        ),
        { numRuns: 40 },
      );
    });

    it('keeps nothing from one stretch that would change the next (one clock, many stretches)', () => {
      const calendar = calendarOf({
        ...DEFAULT_BUSINESS_HOURS,
        sun: [
          ['01:30', '02:30'],
          ['02:45', '04:00'],
        ],
        sat: [['22:00', '24:00']],
      });
      const clock = new BusinessClock(calendar);
      fc.assert(
        fc.property(nearAChange, fc.integer({ min: 0, max: 30 * 60 }), (start, minutes) => {
          const [from, to] = [new Date(start), new Date(start + minutes * MINUTE)];
          expect(clock.businessMinutesBetween(from, to)).toBe(
            scannedBusinessMinutes(start, to.getTime(), calendar),
          );
          expect(clock.splitByLocalDay(from, to)).toEqual(splitByLocalDay(from, to, timezone));
        }),
        { numRuns: 40 },
      );
    });
  },
);
