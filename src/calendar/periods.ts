import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, type Weekday } from './calendar-types';
import { zoneOffsetMinutes } from './zone-offsets';

/** A half-open span of time [start, end) between two instants. */
export interface Interval {
  start: Date;
  end: Date;
}

/** One local day's share of an interval (see splitByLocalDay). */
export interface DayPiece extends Interval {
  date: string;
  minutes: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export function isValidTimeZone(tz: string): boolean {
  return typeof tz === 'string' && tz.length > 0 && IANAZone.isValidZone(tz);
}

/** A real calendar day written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isValidLocalDate(s: string): boolean {
  const match = typeof s === 'string' ? DATE_PATTERN.exec(s) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return (
    utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day
  );
}

function assertLocalDate(s: string): void {
  if (!isValidLocalDate(s)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): "${s}"`);
}

/** Calendar arithmetic on 'YYYY-MM-DD' days, independent of any zone. */
export function addDays(localDate: string, days: number): string {
  assertLocalDate(localDate);
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function weekdayOf(localDate: string): Weekday {
  assertLocalDate(localDate);
  const [year, month, day] = localDate.split('-').map(Number);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}

/** The instant seen on the wall clock of a zone. */
export function inZone(at: Date, tz: string): DateTime {
  const dt = DateTime.fromJSDate(at, { zone: tz });
  if (!dt.isValid) throw new RangeError(`Invalid instant or time zone "${tz}"`);
  return dt;
}

function ianaZone(tz: string): IANAZone {
  const zone = IANAZone.create(tz);
  if (!zone.isValid) throw new RangeError(`Invalid time zone "${tz}"`);
  return zone;
}

/** The local wall-clock reading of an instant, as milliseconds of a UTC-like timeline. */
function wallClock(at: Date, tz: string): number {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid instant');
  return t + zoneOffsetMinutes(ianaZone(tz), t) * MS_PER_MINUTE;
}

/**
 * The instant a local wall-clock time happens, resolved like Temporal's "compatible" choice: a
 * time skipped by a DST change moves forward (02:30 on a spring-forward night is 03:30), a
 * repeated one takes its first occurrence. 24:00 is the next day's first instant. Offsets are
 * read from the zone directly: this runs for every business day of every SLA and price.
 */
export function localTimeToInstant(localDate: string, minuteOfDay: number, tz: string): Date {
  assertLocalDate(localDate);
  const zone = ianaZone(tz);
  const [year, month, day] = localDate.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const before = zoneOffsetMinutes(zone, wall - MS_PER_DAY);
  if (before === zoneOffsetMinutes(zone, wall + MS_PER_DAY))
    return new Date(wall - before * MS_PER_MINUTE);
  const [first] = occurrencesIn(zone, wall);
  return new Date(first ?? wall - before * MS_PER_MINUTE);
}

/**
 * The instants, earliest first, at which a wall-clock reading (milliseconds on a UTC-like
 * timeline) happens in the zone: none in a spring-forward gap, two in an autumn overlap. The
 * offsets are read from the zone a day either side, never guessed from today's.
 */
export function wallClockOccurrences(wall: number, tz: string): number[] {
  return occurrencesIn(ianaZone(tz), wall);
}

function occurrencesIn(zone: IANAZone, wall: number): number[] {
  const offsets = new Set([
    zoneOffsetMinutes(zone, wall - MS_PER_DAY),
    zoneOffsetMinutes(zone, wall + MS_PER_DAY),
  ]);
  return [...offsets]
    .map((offset) => wall - offset * MS_PER_MINUTE)
    .filter((t) => t + zoneOffsetMinutes(zone, t) * MS_PER_MINUTE === wall)
    .sort((a, b) => a - b);
}

export function localDate(at: Date, tz: string): string {
  return new Date(wallClock(at, tz)).toISOString().slice(0, 10);
}

export function localMonth(at: Date, tz: string): string {
  return new Date(wallClock(at, tz)).toISOString().slice(0, 7);
}

/** A local day from its first instant to the next day's first instant (23, 24 or 25 hours). */
export function dayBounds(day: string, tz: string): Interval {
  return { start: localTimeToInstant(day, 0, tz), end: localTimeToInstant(addDays(day, 1), 0, tz) };
}

/** The date a monthly quota resets: the first day of the following month. */
export function firstDayOfNextMonth(month: string): string {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): "${month}"`);
  const [year, monthNumber] = [Number(match[1]), Number(match[2])];
  return monthNumber === 12
    ? `${year + 1}-01-01`
    : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
}

/** A local month as instants; end is exclusive (the next month's first instant). */
export function monthBounds(month: string, tz: string): Interval {
  const next = firstDayOfNextMonth(month);
  return { start: localTimeToInstant(`${month}-01`, 0, tz), end: localTimeToInstant(next, 0, tz) };
}

/** The ISO week (Monday first) holding an instant, named like '2026-W48'. */
export function isoWeekBounds(at: Date, tz: string): Interval & { week: string } {
  const dt = inZone(at, tz);
  const monday = dt.startOf('week').toFormat('yyyy-MM-dd');
  return {
    week: `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`,
    start: localTimeToInstant(monday, 0, tz),
    end: localTimeToInstant(addDays(monday, 7), 0, tz),
  };
}

/** Whole minutes between two instants, rounded to the nearest; 0 when end is not after start. */
export function durationMinutes(start: Date, end: Date): number {
  return Math.max(0, Math.round((end.getTime() - start.getTime()) / MS_PER_MINUTE));
}

/** Half-open intervals: one ending when the other starts does not overlap it. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * An interval cut at local midnights. Each piece's minutes are rounded cumulatively from the
 * interval's start, so the pieces always add up to durationMinutes(start, end).
 */
export function splitByLocalDay(start: Date, end: Date, tz: string): DayPiece[] {
  return splitAtMidnights(start, end, localDate(start, tz), (day) =>
    dayBounds(day, tz).end.getTime(),
  );
}

/** splitByLocalDay from the first local day and where each day ends (the business clock keeps them). */
export function splitAtMidnights(
  start: Date,
  end: Date,
  firstDay: string,
  dayEnd: (day: string) => number,
): DayPiece[] {
  const pieces: DayPiece[] = [];
  const origin = start.getTime();
  const finish = end.getTime();
  const roundedSince = (t: number) => Math.round((t - origin) / MS_PER_MINUTE);
  for (let day = firstDay, from = origin; from < finish; day = addDays(day, 1)) {
    const to = Math.min(finish, dayEnd(day));
    const minutes = roundedSince(to) - roundedSince(from);
    pieces.push({ date: day, start: new Date(from), end: new Date(to), minutes });
    from = to;
  }
  return pieces;
}
