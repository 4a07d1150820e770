/**
 * The practice calendar as interventions read it: after-hours minutes and local-day pieces.
 * An import reads the same few hundred days thousands of times, so each day's business
 * intervals and bounds are computed once and kept; the arithmetic is that of src/calendar
 * (businessMinutesBetween, splitByLocalDay), which the spec checks it against.
 */
import {
  businessIntervalsOn,
  dayBounds,
  durationMinutes,
  type DayPiece,
  type Interval,
} from '../calendar';
import type { CalendarSettings } from '../common/domain';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export class WorkCalendar {
  private readonly intervals = new Map<string, Interval[]>();
  private readonly bounds = new Map<string, Interval>();

  constructor(readonly settings: CalendarSettings) {}

  get timezone(): string {
    return this.settings.timezone;
  }

  /** Minutes of [start, end) outside business hours, weekends, holidays and closure days. */
  afterHoursMinutes(start: Date, end: Date): number {
    const [from, to] = [start.getTime(), end.getTime()];
    if (to <= from) return 0;
    const lastDay = this.localDate(to - 1);
    let business = 0;
    for (let day = this.localDate(from); day <= lastDay; day = shiftDay(day, 1)) {
      for (const interval of this.businessIntervalsOn(day)) {
        const overlap =
          Math.min(to, interval.end.getTime()) - Math.max(from, interval.start.getTime());
        if (overlap > 0) business += overlap;
      }
    }
    return durationMinutes(start, end) - Math.round(business / MS_PER_MINUTE);
  }

  /** [start, end) cut at local midnights; minutes rounded cumulatively so they add up. */
  splitByLocalDay(start: Date, end: Date): DayPiece[] {
    const pieces: DayPiece[] = [];
    const origin = start.getTime();
    const finish = end.getTime();
    const roundedSince = (t: number) => Math.round((t - origin) / MS_PER_MINUTE);
    for (let day = this.localDate(origin), from = origin; from < finish; day = shiftDay(day, 1)) {
      const to = Math.min(finish, this.dayBounds(day).end.getTime());
      const minutes = roundedSince(to) - roundedSince(from);
      pieces.push({ date: day, start: new Date(from), end: new Date(to), minutes });
      from = to;
    }
    return pieces;
  }

  /**
   * The local day holding an instant, found among the kept day bounds: it is the UTC day or
   * one either side (zone offsets stay within ±14 h), and no time-zone lookup is repeated.
   */
  private localDate(t: number): string {
    const utcDay = new Date(t).toISOString().slice(0, 10);
    for (const shift of [0, 1, -1]) {
      const day = shift === 0 ? utcDay : shiftDay(utcDay, shift);
      const bounds = this.dayBounds(day);
      if (bounds.start.getTime() <= t && t < bounds.end.getTime()) return day;
    }
    throw new RangeError(`No local day in ${this.timezone} holds ${new Date(t).toISOString()}`);
  }

  private businessIntervalsOn(day: string): Interval[] {
    let found = this.intervals.get(day);
    if (!found) this.intervals.set(day, (found = businessIntervalsOn(day, this.settings)));
    return found;
  }

  private dayBounds(day: string): Interval {
    let found = this.bounds.get(day);
    if (!found) this.bounds.set(day, (found = dayBounds(day, this.timezone)));
    return found;
  }
}

/** 'YYYY-MM-DD' plus n days: calendar arithmetic, free of any zone. */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
