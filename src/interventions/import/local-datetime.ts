import { DateTime, IANAZone } from 'luxon';
import { isValidTimeZone, wallClockOccurrences } from '../../calendar';
import { DateOrder } from './import-row';

/** A calendar day as written in the export, before any zone is applied. */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time; `minutes` counts from midnight, seconds are kept apart. */
export interface LocalTime {
  hour: number;
  minute: number;
  second: number;
}

const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST_DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/** True for 03/04/2026-like dates whose day-month order cannot be read off the value. */
export function isSlashedDate(value: string): boolean {
  return SLASHED.test(value.trim());
}

/** A date cell of the file: what it holds, where. */
export interface DatedCell {
  value: string;
  line: number;
  column: string;
}

/**
 * What a file's slashed dates say of their day-month order: its first slashed date, the first
 * one whose first part is above 12 (so day first), the first whose second part is (month first).
 * The order is proven when one of them is found and not the other.
 */
export interface DateOrderEvidence {
  order: DateOrder | null;
  firstSlashed: DatedCell | null;
  dayFirst: DatedCell | null;
  monthFirst: DatedCell | null;
}

export function dateOrderEvidence(cells: Iterable<DatedCell>): DateOrderEvidence {
  const evidence: DateOrderEvidence = {
    order: null,
    firstSlashed: null,
    dayFirst: null,
    monthFirst: null,
  };
  for (const cell of cells) {
    const match = SLASHED.exec(cell.value.trim());
    if (!match) continue;
    evidence.firstSlashed ??= cell;
    if (Number(match[1]) > 12) evidence.dayFirst ??= cell;
    if (Number(match[3]) > 12) evidence.monthFirst ??= cell;
    if (evidence.dayFirst && evidence.monthFirst) break;
  }
  if ((evidence.dayFirst === null) !== (evidence.monthFirst === null)) {
    evidence.order = evidence.dayFirst ? 'DMY' : 'MDY';
  }
  return evidence;
}

/**
 * The day-month order a file must use, judged from its slashed dates: a first part above 12
 * proves DD/MM, a second part above 12 proves MM/DD. Null when nothing decides (or both do).
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | null {
  const cells = function* () {
    for (const value of values) yield { value, line: 0, column: '' };
  };
  return dateOrderEvidence(cells()).order;
}

/** Reads YYYY-MM-DD, DD.MM.YYYY, or a slashed date in the given order; null when invalid. */
export function parseLocalDay(value: string, order: DateOrder | null): LocalDay | null {
  const text = value.trim();
  let parts: [number, number, number] | null = null;
  const iso = ISO_DAY.exec(text);
  const dotted = DAY_FIRST_DOTTED.exec(text);
  const slashed = SLASHED.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) parts = [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])];
  else if (slashed && order === 'DMY') parts = [+slashed[4], +slashed[3], +slashed[1]];
  else if (slashed && order === 'MDY') parts = [+slashed[4], +slashed[1], +slashed[3]];
  if (!parts) return null;
  const [year, month, day] = parts;
  // Date.UTC rolls 31 April over to 1 May; a changed day means the date does not exist.
  const valid =
    month >= 1 && month <= 12 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  return valid ? { year, month, day } : null;
}

/** Reads 24-hour HH:MM[:SS] or 12-hour h:mm[:ss] AM/PM; null when invalid. */
export function parseLocalTime(value: string): LocalTime | null {
  const match = CLOCK.exec(value.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] ? Number(match[3]) : 0;
  const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/** "2026-03-02 09:00:00" or "2026-03-02T09:00": a day and a time in one cell. */
const DATE_TIME = /^(\S+?)(?:T|\s+)(\d.*)$/;

/** The date part of a date-and-time cell, or the cell when it holds no time. */
export function datePart(value: string): string {
  return DATE_TIME.exec(value.trim())?.[1] ?? value.trim();
}

/** Reads a day and a time written in one cell; null when either is not valid. */
export function parseLocalDateTime(
  value: string,
  order: DateOrder | null,
): { day: LocalDay; time: LocalTime } | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const day = parseLocalDay(match[1], order);
  const time = parseLocalTime(match[2]);
  return day && time ? { day, time } : null;
}

/**
 * The instant of a local day and time in the zone. Null for a wall-clock time skipped by a
 * spring-forward change (it never happened there). An autumn time that occurs twice is read as
 * its second occurrence, in standard time; the export cannot say which. The offsets are read
 * from the zone around that time, never guessed from today's: the answer does not depend on the
 * date the import runs.
 */
export function toInstant(day: LocalDay, time: LocalTime, timezone: string): Date | null {
  if (!isValidTimeZone(timezone)) return null;
  const wall = Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute, time.second);
  const occurrences = wallClockOccurrences(wall, timezone);
  return occurrences.length > 0 ? new Date(occurrences[occurrences.length - 1]) : null;
}

/** Turns local days and times into instants, for many rows of one zone. */
export type LocalClock = (day: LocalDay, time: LocalTime) => Date | null;

/**
 * A `toInstant` that remembers each day's UTC offset: on days without a clock change (all but
 * two a year) an instant is plain arithmetic, which keeps a 10,000-row import quick.
 */
export function localClock(timezone: string): LocalClock {
  const zone = IANAZone.create(timezone);
  const steadyOffsets = new Map<string, number | null>();
  return (day, time) => {
    const key = `${day.year}-${day.month}-${day.day}`;
    let offset = steadyOffsets.get(key);
    if (offset === undefined) {
      offset = steadyOffset(zone, day);
      steadyOffsets.set(key, offset);
    }
    if (offset === null) return toInstant(day, time, timezone);
    const local = Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute, time.second);
    return new Date(local - offset * 60000);
  };
}

/** The day's offset in minutes when it holds all day (checked with margins), else null. */
function steadyOffset(zone: IANAZone, day: LocalDay): number | null {
  const margin = 15 * 3600 * 1000;
  const midnight = Date.UTC(day.year, day.month - 1, day.day);
  const before = zone.offset(midnight - margin);
  const after = zone.offset(midnight + 24 * 3600 * 1000 + margin);
  return before === after && Number.isFinite(before) ? before : null;
}

/** The day after, for entries that run past midnight. */
export function nextDay(day: LocalDay): LocalDay {
  const next = DateTime.utc(day.year, day.month, day.day).plus({ days: 1 });
  return { year: next.year, month: next.month, day: next.day };
}

/** Seconds from midnight, to compare two times of one day. */
export function secondsOfDay(time: LocalTime): number {
  return time.hour * 3600 + time.minute * 60 + time.second;
}

const CLOCK_DURATION = /^(\d+):(\d{2})(?::(\d{2}))?$/;
const DECIMAL_DURATION = /^\d*[.,]\d+$/;

/**
 * The possible readings of an exported duration, in seconds: H:MM[:SS], decimal hours (1.5 or
 * 1,5), or a whole number, which Kimai 1 writes in seconds and Kimai 2 in hours.
 */
export function durationReadings(value: string): number[] {
  const text = value.trim();
  const clock = CLOCK_DURATION.exec(text);
  if (clock) return [Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)];
  if (DECIMAL_DURATION.test(text)) return [Math.round(Number(text.replace(',', '.')) * 3600)];
  if (/^\d+$/.test(text)) return [Number(text), Number(text) * 3600];
  return [];
}

/**
 * A duration in hours, in seconds: H:MM:SS, H:MM, or decimal hours with either decimal mark
 * (7.5, 7,5, 8). Null when it is none of them, or minutes or seconds are past 59.
 */
export function hoursToSeconds(value: string): number | null {
  const text = value.trim();
  const clock = CLOCK_DURATION.exec(text);
  if (clock) {
    const [minutes, seconds] = [Number(clock[2]), Number(clock[3] ?? 0)];
    if (minutes > 59 || seconds > 59) return null;
    return Number(clock[1]) * 3600 + minutes * 60 + seconds;
  }
  if (DECIMAL_DURATION.test(text) || /^\d+$/.test(text)) {
    return Math.round(Number(text.replace(',', '.')) * 3600);
  }
  return null;
}

/** "2026-11-02 09:00" in the zone, for messages. */
export function formatLocal(instant: Date, timezone: string): string {
  const { day, time } = localParts(instant, timezone);
  return `${day} ${time}`;
}

/** "2026-11-02 09:00–10:00", or both dates when the interval spans midnight. */
export function formatLocalInterval(start: Date, end: Date, timezone: string): string {
  const from = localParts(start, timezone);
  const to = localParts(end, timezone);
  return `${from.day} ${from.time}–${from.day === to.day ? to.time : `${to.day} ${to.time}`}`;
}

/**
 * An instant as a wall-clock time in the zone, `2026-11-02T09:00`: how refusals carry the times
 * they name, each shown in the reader's form where it is read.
 */
export function localWallClock(instant: Date, timezone: string): string {
  const { day, time } = localParts(instant, timezone);
  return `${day}T${time}`;
}

/** A local day and time as written in the export, `2026-03-29T02:30`, whatever the zone. */
export function localDateTime(day: LocalDay, time: LocalTime): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.year}-${pad(day.month)}-${pad(day.day)}T${pad(time.hour)}:${pad(time.minute)}`;
}

/**
 * One formatter per zone, kept: a re-imported file names an overlap on every row, and building
 * a luxon DateTime for each of 100,000 refusals took seconds.
 */
const LOCAL_FORMATS = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: Date, timezone: string): { day: string; time: string } {
  let format = LOCAL_FORMATS.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    LOCAL_FORMATS.set(timezone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = value;
  return {
    day: `${part.year.padStart(4, '0')}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}`,
  };
}
