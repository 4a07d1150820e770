/**
 * The practice calendar as interventions read it: after-hours minutes and local-day pieces.
 * An import reads the same few hundred days thousands of times, so each day's business
 * intervals and bounds are computed once and kept; the arithmetic is that of src/calendar
 * (businessMinutesBetween, splitByLocalDay), which the spec checks it against.
 */
import {
  addDays,
  businessIntervalsOn,
  dayBounds,
  durationMinutes,
  localDate,
  type DayPiece,
  type Interval,
} from '../calendar';
import type { CalendarSettings } from '../common/domain';

const MS_PER_MINUTE = 60_000;

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
    const lastDay = localDate(new Date(to - 1), this.timezone);
    let business = 0;
    for (let day = localDate(start, this.timezone); day <= lastDay; day = addDays(day, 1)) {
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
    for (
      let day = localDate(start, this.timezone), from = origin;
      from < finish;
      day = addDays(day, 1)
    ) {
      const to = Math.min(finish, this.dayBounds(day).end.getTime());
      const minutes = roundedSince(to) - roundedSince(from);
      pieces.push({ date: day, start: new Date(from), end: new Date(to), minutes });
      from = to;
    }
    return pieces;
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
