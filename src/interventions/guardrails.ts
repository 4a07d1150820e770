/**
 * Burnout guardrails: which of the consultant's limits the work around a saved intervention
 * breaks. Work that breaks a limit is still recorded; these warnings only say so. Days and ISO
 * weeks are local to the practice zone; durations come from instants, so DST changes count true
 * time.
 */
import { DateTime, IANAZone } from 'luxon';
import { URGENT_LEVELS, type GuardrailLimits, type Urgency } from '../common/domain';
import { outcome } from '../common/outcome';

// Durations are written the same way everywhere; imported from here by older callers.
export { formatMinutes } from '../common/format';

export const GUARDRAIL_CODES = [
  'weekly_limit',
  'weekly_alert',
  'daily_limit',
  'daily_rest',
  'weekly_days_off',
  'after_hours_limit',
  'urgent_interruptions',
] as const;
export type GuardrailCode = (typeof GUARDRAIL_CODES)[number];

/**
 * A limit broken, as its code and figures: durations in minutes (`…Minutes`), counts, the local
 * day 'YYYY-MM-DD' of a daily limit or the ISO week 'YYYY-Www' of a weekly one. Its words are
 * the catalogue's `warning.<code>`, in the reader's language.
 */
export type Warning =
  | WeeklyHours<'weekly_limit' | 'weekly_alert'>
  | { code: 'daily_limit'; date: string; workedMinutes: number; limitMinutes: number }
  | { code: 'daily_rest'; date: string; restMinutes: number; limitMinutes: number }
  | { code: 'weekly_days_off'; week: string; daysOff: number; limit: number }
  | { code: 'after_hours_limit'; week: string; afterHoursMinutes: number; limitMinutes: number }
  | { code: 'urgent_interruptions'; date: string; interruptions: number; limit: number };

/** The hours of an ISO week over its maximum (`weekly_limit`) or its alert threshold. */
interface WeeklyHours<C extends GuardrailCode> {
  code: C;
  week: string;
  workedMinutes: number;
  limitMinutes: number;
}

/** A warning: the code and figures, known as an outcome worded by `warning.<code>`. */
export function warning<W extends Warning>(found: W): W {
  const { code, ...figures } = found;
  return outcome('warning', code, figures) as W;
}

export interface WorkedInterval {
  start: Date;
  end: Date;
  urgency: Urgency;
  afterHoursMinutes: number;
  /** Phone calls without a request interrupt just the same: it does not change the count. */
  hasRequest?: boolean;
}

export interface GuardrailInput {
  timezone: string;
  limits: GuardrailLimits;
  /**
   * The consultant's work, the saved intervention included, covering at least the ISO week(s)
   * of the focus and the day before and after it.
   */
  interventions: readonly WorkedInterval[];
  /** The saved intervention: the local days and ISO weeks it touches are checked. */
  focus: { start: Date; end: Date };
}

/** The consultant's work tallied per local day and ISO week, in milliseconds and counts. */
interface Tally {
  dayMs: Map<string, number>;
  weekMs: Map<string, number>;
  weekAfterHoursMinutes: Map<string, number>;
  /** Per day work started on: its first start and the last end of the work started that day. */
  dayBounds: Map<string, { firstStart: number; lastEnd: number }>;
  urgentStarts: Map<string, number>;
}

const MS_PER_MINUTE = 60_000;

export function checkGuardrails(input: GuardrailInput): Warning[] {
  const { timezone, limits } = input;
  if (!IANAZone.isValidZone(timezone)) {
    throw new RangeError(`Unknown time zone: ${timezone}`);
  }
  const tally = tallyWork(input.interventions, timezone);
  const days = focusDays(input.focus, timezone);
  const weeks = [...new Set(days.map(isoWeekOf))];
  return [
    ...weeks.flatMap((week) => weeklyTotalWarnings(tally, week, limits)),
    ...days.flatMap((day) => dailyLimitWarnings(tally, day, limits)),
    ...restWarnings(tally, days, limits),
    ...weeks.flatMap((week) => daysOffWarnings(tally, week, limits)),
    ...weeks.flatMap((week) => afterHoursWarnings(tally, week, limits)),
    ...days.flatMap((day) => urgentWarnings(tally, day, limits)),
  ];
}

function weeklyTotalWarnings(tally: Tally, week: string, limits: GuardrailLimits): Warning[] {
  const workedMinutes = toMinutes(tally.weekMs.get(week) ?? 0);
  if (workedMinutes > limits.maxWeeklyMinutes) {
    const limitMinutes = limits.maxWeeklyMinutes;
    return [warning({ code: 'weekly_limit', week, workedMinutes, limitMinutes })];
  }
  if (workedMinutes > limits.alertWeeklyMinutes) {
    const limitMinutes = limits.alertWeeklyMinutes;
    return [warning({ code: 'weekly_alert', week, workedMinutes, limitMinutes })];
  }
  return [];
}

function dailyLimitWarnings(tally: Tally, date: string, limits: GuardrailLimits): Warning[] {
  const workedMinutes = toMinutes(tally.dayMs.get(date) ?? 0);
  const limitMinutes = limits.maxDailyMinutes;
  if (workedMinutes <= limitMinutes) return [];
  return [warning({ code: 'daily_limit', date, workedMinutes, limitMinutes })];
}

/** Rest is measured between consecutive calendar days: day D's last end, D+1's first start. */
function restWarnings(tally: Tally, focus: readonly string[], limits: GuardrailLimits): Warning[] {
  const laterDays = new Set(focus.flatMap((day) => [day, shiftDay(day, 1)]));
  return [...laterDays].sort().flatMap((date) => {
    const before = tally.dayBounds.get(shiftDay(date, -1));
    const after = tally.dayBounds.get(date);
    if (before === undefined || after === undefined) return [];
    const restMinutes = toMinutes(Math.max(0, after.firstStart - before.lastEnd));
    const limitMinutes = limits.minDailyRestMinutes;
    if (restMinutes >= limitMinutes) return [];
    return [warning({ code: 'daily_rest', date, restMinutes, limitMinutes })];
  });
}

/**
 * Days without work are an upper bound of the week's days off (later work can only lower it),
 * so a count below the minimum is certain even before the week is over.
 */
function daysOffWarnings(tally: Tally, week: string, limits: GuardrailLimits): Warning[] {
  const monday = DateTime.fromISO(`${week}-1`, { zone: 'utc' });
  const days = [0, 1, 2, 3, 4, 5, 6].map((n) => monday.plus({ days: n }).toISODate()!);
  const daysOff = days.filter((day) => (tally.dayMs.get(day) ?? 0) === 0).length;
  const limit = limits.minWeeklyDaysOff;
  if (daysOff >= limit) return [];
  return [warning({ code: 'weekly_days_off', week, daysOff, limit })];
}

function afterHoursWarnings(tally: Tally, week: string, limits: GuardrailLimits): Warning[] {
  const afterHoursMinutes = Math.round(tally.weekAfterHoursMinutes.get(week) ?? 0);
  const limitMinutes = limits.maxAfterHoursMinutesPerWeek;
  if (afterHoursMinutes <= limitMinutes) return [];
  return [warning({ code: 'after_hours_limit', week, afterHoursMinutes, limitMinutes })];
}

function urgentWarnings(tally: Tally, date: string, limits: GuardrailLimits): Warning[] {
  const interruptions = tally.urgentStarts.get(date) ?? 0;
  const limit = limits.maxUrgentInterruptionsPerDay;
  if (interruptions <= limit) return [];
  return [warning({ code: 'urgent_interruptions', date, interruptions, limit })];
}

function tallyWork(interventions: readonly WorkedInterval[], zone: string): Tally {
  const tally: Tally = {
    dayMs: new Map(),
    weekMs: new Map(),
    weekAfterHoursMinutes: new Map(),
    dayBounds: new Map(),
    urgentStarts: new Map(),
  };
  for (const work of interventions) {
    const startDay = localDay(work.start, zone);
    const bounds = tally.dayBounds.get(startDay);
    tally.dayBounds.set(startDay, {
      firstStart: Math.min(bounds?.firstStart ?? Infinity, work.start.getTime()),
      lastEnd: Math.max(bounds?.lastEnd ?? -Infinity, work.end.getTime()),
    });
    if (URGENT_LEVELS.includes(work.urgency)) add(tally.urgentStarts, startDay, 1);
    tallyPieces(tally, work, zone);
  }
  return tally;
}

/** Work crossing midnight counts on each local day for the time spent in it. */
function tallyPieces(tally: Tally, work: WorkedInterval, zone: string): void {
  const endMs = work.end.getTime();
  const totalMs = endMs - work.start.getTime();
  let cursor = DateTime.fromJSDate(work.start, { zone });
  while (cursor.toMillis() < endMs) {
    const nextMidnight = cursor.startOf('day').plus({ days: 1 });
    const pieceMs = Math.min(nextMidnight.toMillis(), endMs) - cursor.toMillis();
    const day = cursor.toISODate()!;
    const week = isoWeekOf(day);
    add(tally.dayMs, day, pieceMs);
    add(tally.weekMs, week, pieceMs);
    // After-hours minutes come as one figure per intervention: spread them in proportion.
    add(tally.weekAfterHoursMinutes, week, (work.afterHoursMinutes * pieceMs) / totalMs);
    cursor = nextMidnight;
  }
}

/** The local days the focus touches; an end at midnight does not touch the next day. */
function focusDays(focus: { start: Date; end: Date }, zone: string): string[] {
  const first = localDay(focus.start, zone);
  const lastInstant = Math.max(focus.start.getTime(), focus.end.getTime() - 1);
  const last = localDay(new Date(lastInstant), zone);
  const days = [first];
  while (days[days.length - 1] < last) days.push(shiftDay(days[days.length - 1], 1));
  return days;
}

function localDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** Calendar arithmetic on a 'YYYY-MM-DD' day, free of any zone. */
function shiftDay(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!;
}

function isoWeekOf(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

function toMinutes(ms: number): number {
  return Math.round(ms / MS_PER_MINUTE);
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}
