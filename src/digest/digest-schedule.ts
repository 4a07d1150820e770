/**
 * When the consultant's digest goes out: once per business day, at the opening of business
 * hours or at the practice's digest time, never on a weekend, a public holiday or a closure day.
 * Plain values in, plain values out.
 */
import {
  addDays,
  businessIntervalsOn,
  localDate,
  localTimeToInstant,
  parseHHMM,
} from '../calendar';
import type { CalendarSettings } from '../common/domain';

export interface DigestSchedule extends CalendarSettings {
  /** 'HH:mm' in the practice's zone on each business day; null: at the day's opening. */
  digestTime: string | null;
}

/** A digest composed late (the server was down at its time) still leaves within this hour. */
const LATE_DIGEST_GRACE_MS = 60 * 60_000;
/** Beyond this many days in a row without business hours the calendar is taken as closed for good. */
const MAX_DAYS_WITHOUT_DIGEST = 400;

/**
 * A business day's digest: its instant, and until when a digest not yet composed may still be
 * sent that day (the day's last closing, or an hour after a digest time set after it).
 * Null on a day without business hours.
 */
export interface DigestSlot {
  at: Date;
  until: Date;
}

export function digestSlotOn(day: string, schedule: DigestSchedule): DigestSlot | null {
  const intervals = businessIntervalsOn(day, schedule);
  if (intervals.length === 0) return null;
  const opening = intervals[0].start;
  const closing = intervals[intervals.length - 1].end;
  const minute = schedule.digestTime === null ? null : parseHHMM(schedule.digestTime);
  const at = minute === null ? opening : localTimeToInstant(day, minute, schedule.timezone);
  const until = new Date(Math.max(closing.getTime(), at.getTime() + LATE_DIGEST_GRACE_MS));
  return { at, until };
}

/**
 * The digest that gathers what happens at `after`: the first one strictly later. Saturday 22:00
 * → Monday's opening; Monday 10:00 → Tuesday's (Monday's left at 09:00).
 */
export function nextDigestAt(after: Date, schedule: DigestSchedule): Date {
  let day = localDate(after, schedule.timezone);
  for (let n = 0; n <= MAX_DAYS_WITHOUT_DIGEST; n++, day = addDays(day, 1)) {
    const slot = digestSlotOn(day, schedule);
    if (slot && slot.at.getTime() > after.getTime()) return slot.at;
  }
  throw new Error(
    `No business day in the ${MAX_DAYS_WITHOUT_DIGEST} days after ${after.toISOString()}: check the business hours and closure days`,
  );
}

/**
 * The digest that may be composed at `now`: today's, from its instant until its `until`.
 * Null at any other moment (a night, a weekend, a holiday): what is due then waits.
 */
export function digestDueAt(now: Date, schedule: DigestSchedule): Date | null {
  const slot = digestSlotOn(localDate(now, schedule.timezone), schedule);
  if (slot === null) return null;
  const t = now.getTime();
  return slot.at.getTime() <= t && t < slot.until.getTime() ? slot.at : null;
}
