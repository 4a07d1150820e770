/**
 * What the console pages show, shaped from the services' answers: the inbox order and the time
 * left, the days of a week, the local date-time fields of the forms. Pure; no rule lives here
 * (deadlines, prices and limits come computed from the services).
 */
import { DateTime } from 'luxon';
import { addDays, isValidLocalDate, localDate, localTimeToInstant, weekdayOf } from '../calendar';

const MS_PER_MINUTE = 60_000;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

export interface TimeLeft {
  /** The deadline has passed (the request's SLA status says `missed`). */
  overdue: boolean;
  /** Whole minutes left before the deadline, or already past it when overdue. */
  minutes: number;
}

/** The time left before a response deadline, or how late it is once missed. */
export function timeLeft(dueAt: Date, now: Date, overdue: boolean): TimeLeft {
  const ms = dueAt.getTime() - now.getTime();
  return { overdue, minutes: Math.floor(Math.abs(ms) / MS_PER_MINUTE) };
}

/** A datetime-local field ('2026-11-02T10:00') read in the practice zone; null when malformed. */
export function localInputToInstant(value: string, timezone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match || !isValidLocalDate(match[1])) return null;
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 23 || minutes > 59) return null;
  return localTimeToInstant(match[1], hours * 60 + minutes, timezone);
}

/** The value a datetime-local field shows for an instant, in the practice zone. */
export function instantToLocalInput(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export interface WeekDays {
  monday: string;
  sunday: string;
  days: string[];
  previous: string;
  next: string;
}

/** The ISO week (Monday first) holding a local day, and its neighbours' Mondays. */
export function weekOf(day: string): WeekDays {
  const offset = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(weekdayOf(day));
  const monday = addDays(day, -offset);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return {
    monday,
    sunday: days[6],
    days,
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
  };
}

/** Items grouped by the local day they started on, every day of `days` present (maybe empty). */
export function groupByLocalDay<T extends { startedAt: Date }>(
  items: readonly T[],
  days: readonly string[],
  timezone: string,
): Map<string, T[]> {
  const groups = new Map<string, T[]>(days.map((day) => [day, []]));
  for (const item of [...items].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())) {
    groups.get(localDate(item.startedAt, timezone))?.push(item);
  }
  return groups;
}
