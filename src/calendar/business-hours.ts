import type { CalendarSettings } from './calendar-types';
import { isPublicHoliday } from './holidays';
import {
  addDays,
  durationMinutes,
  localDate,
  localTimeToInstant,
  weekdayOf,
  type Interval,
} from './periods';
import { businessSpansOf } from './weekly-hours';

const MS_PER_MINUTE = 60_000;
/** Beyond this many days in a row without business hours the calendar is taken as closed for good. */
const MAX_DAYS_WITHOUT_OPENING = 400;

function isHolidayOrClosure(day: string, settings: CalendarSettings): boolean {
  return isPublicHoliday(day, settings.holidayCalendar) || settings.closures.includes(day);
}

/** A public holiday, a closure day, or a weekday without business hours. */
export function isNonWorkingDay(day: string, settings: CalendarSettings): boolean {
  return (
    businessSpansOf(settings.businessHours, weekdayOf(day)).length === 0 ||
    isHolidayOrClosure(day, settings)
  );
}

/** A local day's business intervals as instants, in order; none on holidays and closures. */
export function businessIntervalsOn(day: string, settings: CalendarSettings): Interval[] {
  const spans = businessSpansOf(settings.businessHours, weekdayOf(day));
  if (spans.length === 0 || isHolidayOrClosure(day, settings)) return [];
  return spans
    .map((span) => ({
      start: localTimeToInstant(day, span.start, settings.timezone),
      end: localTimeToInstant(day, span.end, settings.timezone),
    }))
    .filter((interval) => interval.end.getTime() > interval.start.getTime()); // DST-skipped hours
}

export function isBusinessInstant(at: Date, settings: CalendarSettings): boolean {
  const t = at.getTime();
  return businessIntervalsOn(localDate(at, settings.timezone), settings).some(
    (interval) => interval.start.getTime() <= t && t < interval.end.getTime(),
  );
}

/** Milliseconds of [start, end) inside business hours; a day's intervals never leave that day. */
function businessMilliseconds(start: Date, end: Date, settings: CalendarSettings): number {
  const [from, to] = [start.getTime(), end.getTime()];
  if (to <= from) return 0;
  const lastDay = localDate(new Date(to - 1), settings.timezone);
  let total = 0;
  for (let day = localDate(start, settings.timezone); day <= lastDay; day = addDays(day, 1)) {
    for (const interval of businessIntervalsOn(day, settings)) {
      const overlap =
        Math.min(to, interval.end.getTime()) - Math.max(from, interval.start.getTime());
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * Business minutes of [start, end), from exact instants rounded once to the nearest minute.
 * With afterHoursMinutes it always adds up to durationMinutes(start, end).
 */
export function businessMinutesBetween(start: Date, end: Date, settings: CalendarSettings): number {
  return Math.round(businessMilliseconds(start, end, settings) / MS_PER_MINUTE);
}

/** Minutes of [start, end) outside business hours, on weekends, holidays or closure days. */
export function afterHoursMinutes(start: Date, end: Date, settings: CalendarSettings): number {
  return durationMinutes(start, end) - businessMinutesBetween(start, end, settings);
}

/** Business intervals still to come at an instant (the current one included), day after day. */
function* businessIntervalsFrom(at: Date, settings: CalendarSettings): Generator<Interval, never> {
  const firstDay = localDate(at, settings.timezone);
  let day = firstDay;
  for (let daysWithout = 0; daysWithout <= MAX_DAYS_WITHOUT_OPENING; day = addDays(day, 1)) {
    const ahead = businessIntervalsOn(day, settings).filter(
      (interval) => interval.end.getTime() > at.getTime(),
    );
    daysWithout = ahead.length > 0 ? 0 : daysWithout + 1;
    yield* ahead;
  }
  throw new Error(
    `No business hours in the ${MAX_DAYS_WITHOUT_OPENING} days from ${firstDay}: check the business hours and closure days`,
  );
}

/** The instant itself when inside business hours, else the start of the next business interval. */
export function nextOpening(at: Date, settings: CalendarSettings): Date {
  const interval = businessIntervalsFrom(at, settings).next().value;
  return new Date(Math.max(at.getTime(), interval.start.getTime()));
}

/**
 * "N business minutes after T", the deadline of a business-clock SLA. Outside business hours
 * the count starts at the next opening: Friday 17:30 + 60 is Monday 09:30.
 */
export function addBusinessMinutes(start: Date, minutes: number, settings: CalendarSettings): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a non-negative number: ${minutes}`);
  }
  if (minutes === 0) return nextOpening(start, settings);
  let remaining = minutes * MS_PER_MINUTE;
  const intervals = businessIntervalsFrom(start, settings);
  for (;;) {
    const interval = intervals.next().value;
    const from = Math.max(start.getTime(), interval.start.getTime());
    const available = interval.end.getTime() - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
  }
}

/** Minutes on a 24x7 clock: every minute counts, nights and holidays included. */
export function addWallClockMinutes(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * MS_PER_MINUTE);
}
