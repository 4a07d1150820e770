import { IANAZone } from 'luxon';
import type { CalendarSettings } from './calendar-types';
import { isPublicHoliday } from './holidays';
import {
  addDays,
  dayBounds,
  durationMinutes,
  localDate,
  splitAtMidnights,
  weekdayOf,
  type DayPiece,
  type Interval,
} from './periods';
import { businessSpansOf, type MinuteSpan } from './weekly-hours';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
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

/** A stretch of a local day during which the zone's offset (minutes) does not change. */
interface OffsetPiece {
  start: number;
  end: number;
  offset: number;
}

/**
 * A local day cut where its offset changes: one piece on most days, two on a DST night. The
 * change is found to the minute by bisection (zones change on whole minutes).
 */
function offsetPieces(bounds: Interval, zone: IANAZone): OffsetPiece[] {
  const [start, end] = [bounds.start.getTime(), bounds.end.getTime()];
  const [first, last] = [zone.offset(start), zone.offset(end - 1)];
  if (first === last) return [{ start, end, offset: first }];
  let [low, high] = [start, end - 1]; // offset(low) === first, offset(high) !== first
  while (high - low > MS_PER_MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (zone.offset(middle) === first) low = middle;
    else high = middle;
  }
  return [
    { start, end: high, offset: first },
    { start: high, end, offset: last },
  ];
}

/**
 * The instants whose wall-clock reading on `day` falls in the spans: each piece of constant
 * offset holds the readings of one stretch, so a span in the spring gap holds nothing and one in
 * the autumn fold holds both passes of the repeated hour. Then sorted and merged, so that no
 * instant is counted twice.
 */
function spanInstants(day: string, spans: MinuteSpan[], bounds: Interval, tz: string): Interval[] {
  const zone = IANAZone.create(tz);
  if (!zone.isValid) throw new RangeError(`Invalid time zone "${tz}"`);
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const found: [number, number][] = [];
  for (const piece of offsetPieces(bounds, zone)) {
    for (const span of spans) {
      const from = Math.max(piece.start, midnight + (span.start - piece.offset) * MS_PER_MINUTE);
      const to = Math.min(piece.end, midnight + (span.end - piece.offset) * MS_PER_MINUTE);
      if (to > from) found.push([from, to]);
    }
  }
  return mergeIntervals(found).map(([start, end]) => ({
    start: new Date(start),
    end: new Date(end),
  }));
}

/** Overlapping or touching [start, end) pairs as one, in order. */
function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The practice's business clock: business and after-hours minutes, SLA deadlines and local-day
 * pieces. An import or a resplit reads the same few hundred days thousands of times, so each
 * day's business intervals and bounds are computed once and kept for the clock's life.
 */
export class BusinessClock {
  private readonly intervals = new Map<string, Interval[]>();
  private readonly bounds = new Map<string, Interval>();

  constructor(readonly settings: CalendarSettings) {}

  get timezone(): string {
    return this.settings.timezone;
  }

  /** A local day's business intervals as instants, in order, merged; none on holidays and closures. */
  businessIntervalsOn(day: string): Interval[] {
    let found = this.intervals.get(day);
    if (!found) {
      const spans = businessSpansOf(this.settings.businessHours, weekdayOf(day));
      found =
        spans.length === 0 || isHolidayOrClosure(day, this.settings)
          ? []
          : spanInstants(day, spans, this.dayBounds(day), this.timezone);
      this.intervals.set(day, found);
    }
    return found;
  }

  /** A local day from its first instant to the next day's first instant. */
  dayBounds(day: string): Interval {
    let found = this.bounds.get(day);
    if (!found) this.bounds.set(day, (found = dayBounds(day, this.timezone)));
    return found;
  }

  /**
   * The local day holding an instant, found among the kept day bounds: it is the UTC day or
   * one either side (zone offsets stay within ±14 h), and no time-zone lookup is repeated.
   */
  localDate(at: Date | number): string {
    const t = typeof at === 'number' ? at : at.getTime();
    if (Number.isNaN(t)) throw new RangeError('Invalid instant');
    const utcDay = new Date(t).toISOString().slice(0, 10);
    for (const shift of [0, 1, -1]) {
      const day = shift === 0 ? utcDay : shiftDay(utcDay, shift);
      const bounds = this.dayBounds(day);
      if (bounds.start.getTime() <= t && t < bounds.end.getTime()) return day;
    }
    return localDate(new Date(t), this.timezone);
  }

  isBusinessInstant(at: Date): boolean {
    const t = at.getTime();
    return this.businessIntervalsOn(this.localDate(t)).some(
      (interval) => interval.start.getTime() <= t && t < interval.end.getTime(),
    );
  }

  /**
   * Business minutes of [start, end), from exact instants rounded once to the nearest minute.
   * With afterHoursMinutes it always adds up to durationMinutes(start, end).
   */
  businessMinutesBetween(start: Date, end: Date): number {
    return Math.round(this.businessMilliseconds(start.getTime(), end.getTime()) / MS_PER_MINUTE);
  }

  /** Minutes of [start, end) outside business hours, on weekends, holidays or closure days. */
  afterHoursMinutes(start: Date, end: Date): number {
    return durationMinutes(start, end) - this.businessMinutesBetween(start, end);
  }

  /** [start, end) cut at local midnights; minutes rounded cumulatively so they add up. */
  splitByLocalDay(start: Date, end: Date): DayPiece[] {
    if (end.getTime() <= start.getTime()) return [];
    return splitAtMidnights(start, end, this.localDate(start), (day) =>
      this.dayBounds(day).end.getTime(),
    );
  }

  /** The instant itself when inside business hours, else the start of the next business interval. */
  nextOpening(at: Date): Date {
    const interval = this.intervalsFrom(at).next().value;
    return new Date(Math.max(at.getTime(), interval.start.getTime()));
  }

  /**
   * "N business minutes after T", the deadline of a business-clock SLA. Outside business hours
   * the count starts at the next opening: Friday 17:30 + 60 is Monday 09:30.
   */
  addBusinessMinutes(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`Business minutes must be a non-negative number: ${minutes}`);
    }
    if (minutes === 0) return this.nextOpening(start);
    let remaining = minutes * MS_PER_MINUTE;
    const intervals = this.intervalsFrom(start);
    for (;;) {
      const interval = intervals.next().value;
      const from = Math.max(start.getTime(), interval.start.getTime());
      const available = interval.end.getTime() - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
  }

  /** Milliseconds of [from, to) inside business hours; a day's intervals never leave that day. */
  private businessMilliseconds(from: number, to: number): number {
    if (to <= from) return 0;
    const lastDay = this.localDate(to - 1);
    let total = 0;
    for (let day = this.localDate(from); day <= lastDay; day = shiftDay(day, 1)) {
      for (const interval of this.businessIntervalsOn(day)) {
        const overlap =
          Math.min(to, interval.end.getTime()) - Math.max(from, interval.start.getTime());
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  /** Business intervals still to come at an instant (the current one included), day after day. */
  private *intervalsFrom(at: Date): Generator<Interval, never> {
    const firstDay = this.localDate(at);
    let day = firstDay;
    for (let daysWithout = 0; daysWithout <= MAX_DAYS_WITHOUT_OPENING; day = addDays(day, 1)) {
      const ahead = this.businessIntervalsOn(day).filter(
        (interval) => interval.end.getTime() > at.getTime(),
      );
      daysWithout = ahead.length > 0 ? 0 : daysWithout + 1;
      yield* ahead;
    }
    throw new Error(
      `No business hours in the ${MAX_DAYS_WITHOUT_OPENING} days from ${firstDay}: check the business hours and closure days`,
    );
  }
}

/** 'YYYY-MM-DD' plus n days: calendar arithmetic, free of any zone. */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * One clock per settings object, so that callers of the functions below who keep their
 * settings share its days; settings made afresh get a fresh clock and leave nothing behind.
 */
const clocks = new WeakMap<CalendarSettings, BusinessClock>();

export function businessClock(settings: CalendarSettings): BusinessClock {
  let clock = clocks.get(settings);
  if (!clock) clocks.set(settings, (clock = new BusinessClock(settings)));
  return clock;
}

/** A local day's business intervals as instants, in order; none on holidays and closures. */
export function businessIntervalsOn(day: string, settings: CalendarSettings): Interval[] {
  return businessClock(settings).businessIntervalsOn(day);
}

export function isBusinessInstant(at: Date, settings: CalendarSettings): boolean {
  return businessClock(settings).isBusinessInstant(at);
}

/** See BusinessClock.businessMinutesBetween. */
export function businessMinutesBetween(start: Date, end: Date, settings: CalendarSettings): number {
  return businessClock(settings).businessMinutesBetween(start, end);
}

/** Minutes of [start, end) outside business hours, on weekends, holidays or closure days. */
export function afterHoursMinutes(start: Date, end: Date, settings: CalendarSettings): number {
  return businessClock(settings).afterHoursMinutes(start, end);
}

/** The instant itself when inside business hours, else the start of the next business interval. */
export function nextOpening(at: Date, settings: CalendarSettings): Date {
  return businessClock(settings).nextOpening(at);
}

/** See BusinessClock.addBusinessMinutes. */
export function addBusinessMinutes(start: Date, minutes: number, settings: CalendarSettings): Date {
  return businessClock(settings).addBusinessMinutes(start, minutes);
}

/**
 * Minutes of [start, end) whose wall-clock reading falls in the same spans every day (minutes
 * after local midnight, [start, end)), rounded once: night work from 21:00 to 06:00 is
 * [{ start: 0, end: 360 }, { start: 1260, end: 1440 }]. A DST night counts its true time.
 */
export function dailySpanMinutesBetween(
  start: Date,
  end: Date,
  tz: string,
  spans: MinuteSpan[],
): number {
  const [from, to] = [start.getTime(), end.getTime()];
  if (to <= from) return 0;
  const lastDay = localDate(new Date(to - 1), tz);
  let total = 0;
  for (let day = localDate(start, tz); day <= lastDay; day = addDays(day, 1)) {
    for (const interval of spanInstants(day, spans, dayBounds(day, tz), tz)) {
      const overlap =
        Math.min(to, interval.end.getTime()) - Math.max(from, interval.start.getTime());
      if (overlap > 0) total += overlap;
    }
  }
  return Math.round(total / MS_PER_MINUTE);
}

/**
 * The instants of a local day whose wall-clock reading falls in the spans, in order: the day's
 * part of dailySpanMinutesBetween, for callers that cut work into local days themselves.
 */
export function dailySpanInstants(day: string, tz: string, spans: MinuteSpan[]): Interval[] {
  return spanInstants(day, spans, dayBounds(day, tz), tz);
}

/** Minutes on a 24x7 clock: every minute counts, nights and holidays included. */
export function addWallClockMinutes(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * MS_PER_MINUTE);
}
