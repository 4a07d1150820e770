/**
 * Burnout guardrails: which of the consultant's limits the work breaks, in the days and ISO weeks
 * judged. The same rules answer the live warnings of a saved intervention and the workload report
 * of a period. Work that breaks a limit is still recorded; these warnings only say so. Days and
 * ISO weeks are local to the practice zone; durations come from instants, so DST changes count
 * true time.
 */
import { IANAZone } from 'luxon';
import { addDays, BusinessClock, localDate } from '../calendar';
import {
  URGENT_LEVELS,
  WEEKDAYS,
  type GuardrailLimits,
  type Urgency,
  type WeeklyHours as HoursOfWeek,
} from '../common/domain';
import { outcome } from '../common/outcome';

// Durations are written the same way everywhere; imported from here by older callers.
export { formatMinutes } from '../common/format';

export const GUARDRAIL_CODES = [
  'weekly_limit',
  'weekly_alert',
  'average_weekly_limit',
  'daily_limit',
  'daily_rest',
  'weekly_rest',
  'consecutive_days',
  'weekly_days_off',
  'night_limit',
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
  | {
      code: 'average_weekly_limit';
      week: string;
      firstWeek: string;
      weeks: number;
      averageMinutes: number;
      limitMinutes: number;
    }
  | { code: 'daily_limit'; date: string; workedMinutes: number; limitMinutes: number }
  /** The 24 h from a start of work on `date` hold no rest as long as the minimum. */
  | { code: 'daily_rest'; date: string; restMinutes: number; limitMinutes: number }
  /** The 7 days from a start of work in `week` hold no rest as long as the minimum. */
  | { code: 'weekly_rest'; week: string; restMinutes: number; limitMinutes: number }
  | { code: 'consecutive_days'; firstDate: string; lastDate: string; days: number; limit: number }
  | { code: 'weekly_days_off'; week: string; daysOff: number; limit: number }
  | { code: 'night_limit'; week: string; nightMinutes: number; limitMinutes: number }
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

/** What is judged: local days (daily limits, rest from the starts of work on them) and ISO weeks. */
export interface GuardrailScope {
  days: readonly string[];
  /** Days whose starts of work open a 24 h window of rest; the days by default. */
  restDays?: readonly string[];
  weeks: readonly string[];
  /** Weeks whose starts of work open 7 days of weekly rest; the weeks by default. */
  restWeeks?: readonly string[];
  /** The last weeks of the runs of `averageWeeks` judged; the weeks by default. */
  averageEnds?: readonly string[];
}

export interface GuardrailInput {
  timezone: string;
  limits: GuardrailLimits;
  /**
   * The consultant's work, the saved intervention included, covering the reading window of the
   * focus (guardrailReading): the weeks of the average, and the rest windows after it.
   */
  interventions: readonly WorkedInterval[];
  /** The saved intervention: the local days and ISO weeks it touches are checked. */
  focus: { start: Date; end: Date };
}

/** Night work in the sense of the Code du travail (L3122-2): 21:00 to 06:00, local time. */
export const NIGHT_SPANS = [
  { start: 0, end: 6 * 60 },
  { start: 21 * 60, end: 24 * 60 },
];

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const DAILY_REST_WINDOW_MS = 24 * MS_PER_HOUR;
const WEEKLY_REST_WINDOW_MS = 7 * 24 * MS_PER_HOUR;

/** One local day's work. */
interface DayWork {
  workedMs: number;
  afterHoursMinutes: number;
  nightMinutes: number;
  urgentStarts: number;
}

/** The work as the rules read it: per local day, and as merged stretches of instants. */
export interface WorkLedger {
  zone: string;
  days: Map<string, DayWork>;
  /** [start, end) in milliseconds, in order, none touching another. */
  stretches: [number, number][];
  /** The night hours' clock of the zone, with the day bounds it has worked out (ledgerOf's). */
  nights?: BusinessClock;
}

/** The live check: the days and weeks the saved intervention touches. */
export function checkGuardrails(input: GuardrailInput): Warning[] {
  assertZone(input.timezone);
  const days = focusDays(input.focus, input.timezone);
  const found = judgeGuardrails(
    ledgerOf(input.interventions, input.timezone),
    input.limits,
    focusScope(days, input.limits),
  );
  // Of the runs of weeks that hold the focus, the one with the highest average says enough.
  const averages = found.filter((w) => w.code === 'average_weekly_limit');
  const highest = averages.reduce<Warning | undefined>(
    (best, w) => (best && averageOf(best) >= averageOf(w) ? best : w),
    undefined,
  );
  return found.filter((w) => w.code !== 'average_weekly_limit' || w === highest);
}

function averageOf(w: Warning): number {
  return w.code === 'average_weekly_limit' ? w.averageMinutes : 0;
}

/** Every rule over a scope, in a fixed order: weeks, then days, then rest, then the rest of weeks. */
export function judgeGuardrails(
  ledger: WorkLedger,
  limits: GuardrailLimits,
  scope: GuardrailScope,
): Warning[] {
  const { days, weeks } = scope;
  // The local day of each start of work, read off day bounds worked out once per day.
  const clock = ledger.nights ?? nightClock(ledger.zone);
  return [
    ...weeks.flatMap((week) => weeklyTotalWarnings(ledger, week, limits)),
    ...(scope.averageEnds ?? weeks).flatMap((week) => averageWarnings(ledger, week, limits)),
    ...days.flatMap((day) => dailyLimitWarnings(ledger, day, limits)),
    ...dailyRestWarnings(ledger, clock, scope.restDays ?? days, limits),
    ...weeklyRestWarnings(ledger, clock, scope.restWeeks ?? weeks, limits),
    ...consecutiveDaysWarnings(ledger, days, limits),
    ...weeks.flatMap((week) => daysOffWarnings(ledger, week, limits)),
    ...weeks.flatMap((week) => nightWarnings(ledger, week, limits)),
    ...weeks.flatMap((week) => afterHoursWarnings(ledger, week, limits)),
    ...days.flatMap((day) => urgentWarnings(ledger, day, limits)),
  ];
}

/**
 * The scope of a saved intervention: its days and weeks; the rest windows that can hold it
 * (24 h from the day before, 7 days from the week before); the runs of weeks of the average
 * that hold its weeks.
 */
export function focusScope(days: readonly string[], limits: GuardrailLimits): GuardrailScope {
  const weeks = [...new Set(days.map(isoWeekOf))];
  const lastMonday = mondayOf(weeks[weeks.length - 1]);
  const averageEnds = [...new Set([...weeks, ...weeksFrom(lastMonday, limits.averageWeeks)])];
  const restWeeks = [...new Set([isoWeekOf(addDays(days[0], -7)), ...weeks])];
  return { days, restDays: [addDays(days[0], -1), ...days], weeks, restWeeks, averageEnds };
}

/** The scope of a report: every day of the period and every ISO week it touches. */
export function periodScope(from: string, to: string): GuardrailScope {
  const days = [from];
  while (days[days.length - 1] < to) days.push(addDays(days[days.length - 1], 1));
  return { days, weeks: [...new Set(days.map(isoWeekOf))] };
}

/**
 * The local days to read for a scope from `first` to `last`: the weeks of the average before
 * (and after, for a live check), a day before for the rest, and seven days after for the weekly
 * rest of the last week.
 */
export function guardrailReading(
  first: string,
  last: string,
  limits: GuardrailLimits,
  weeksAfter = 0,
): { from: string; to: string } {
  const weeksBefore = Math.max(0, limits.averageWeeks - 1);
  const lastSunday = addDays(mondayOf(isoWeekOf(last)), 6);
  return {
    from: addDays(mondayOf(isoWeekOf(first)), -7 * weeksBefore - 1),
    to: addDays(lastSunday, 7 * weeksAfter + 7),
  };
}

/** The ledger of a list of work: pieces per local day, and the merged stretches. */
export function ledgerOf(interventions: readonly WorkedInterval[], zone: string): WorkLedger {
  // The night hours as a clock's business hours: each local day's bounds and night instants are
  // worked out once, however many pieces of work fall on it, where asking the zone for every
  // piece cost ~120 µs an interval.
  const nights = nightClock(zone);
  const days = new Map<string, DayWork>();
  const dayOf = (date: string) => {
    let found = days.get(date);
    if (!found) {
      found = { workedMs: 0, afterHoursMinutes: 0, nightMinutes: 0, urgentStarts: 0 };
      days.set(date, found);
    }
    return found;
  };
  for (const work of interventions) {
    const totalMs = work.end.getTime() - work.start.getTime();
    if (totalMs <= 0) continue;
    if (URGENT_LEVELS.includes(work.urgency)) dayOf(nights.localDate(work.start)).urgentStarts += 1;
    for (const piece of nights.splitByLocalDay(work.start, work.end)) {
      const day = dayOf(piece.date);
      const pieceMs = piece.end.getTime() - piece.start.getTime();
      day.workedMs += pieceMs;
      // After-hours minutes come as one figure per intervention: spread them in proportion.
      day.afterHoursMinutes += (work.afterHoursMinutes * pieceMs) / totalMs;
      day.nightMinutes += nights.businessMinutesBetween(piece.start, piece.end);
    }
  }
  return { zone, days, stretches: mergeStretches(interventions), nights };
}

/** NIGHT_SPANS as weekly hours, the same every day of the week. */
const NIGHT_HOURS = Object.fromEntries(
  WEEKDAYS.map((day) => [day, NIGHT_SPANS.map(({ start, end }) => [hhmm(start), hhmm(end)])]),
) as HoursOfWeek;

function hhmm(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * A clock whose business hours are the night hours of every day, without holidays: its business
 * minutes between two instants are the night minutes `dailySpanMinutesBetween` counts, DST nights
 * included, and it keeps each local day's bounds for the day splits.
 */
function nightClock(zone: string): BusinessClock {
  return new BusinessClock({
    timezone: zone,
    businessHours: NIGHT_HOURS,
    holidayCalendar: 'none',
    closures: [],
  });
}

function mergeStretches(interventions: readonly WorkedInterval[]): [number, number][] {
  const sorted = interventions
    .map((w): [number, number] => [w.start.getTime(), w.end.getTime()])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function weeklyTotalWarnings(ledger: WorkLedger, week: string, limits: GuardrailLimits): Warning[] {
  const workedMinutes = toMinutes(weekSum(ledger, week, (day) => day.workedMs));
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

/** The average week of the `averageWeeks` ISO weeks ending with `week` (L3121-22). */
function averageWarnings(ledger: WorkLedger, week: string, limits: GuardrailLimits): Warning[] {
  const weeks = Math.max(1, limits.averageWeeks);
  const firstMonday = addDays(mondayOf(week), -7 * (weeks - 1));
  const totalMs = weeksFrom(firstMonday, weeks).reduce(
    (sum, w) => sum + weekSum(ledger, w, (day) => day.workedMs),
    0,
  );
  const averageMinutes = toMinutes(totalMs / weeks);
  const limitMinutes = limits.maxAverageWeeklyMinutes;
  if (averageMinutes <= limitMinutes) return [];
  const firstWeek = isoWeekOf(firstMonday);
  return [
    warning({ code: 'average_weekly_limit', week, firstWeek, weeks, averageMinutes, limitMinutes }),
  ];
}

function dailyLimitWarnings(ledger: WorkLedger, date: string, limits: GuardrailLimits): Warning[] {
  const workedMinutes = toMinutes(ledger.days.get(date)?.workedMs ?? 0);
  const limitMinutes = limits.maxDailyMinutes;
  if (workedMinutes <= limitMinutes) return [];
  return [warning({ code: 'daily_limit', date, workedMinutes, limitMinutes })];
}

/**
 * Daily rest (L3131-1) in every 24 h that begin with work: the longest rest inside them, from
 * any start of work on the day, the shortest of them said once per day.
 */
function dailyRestWarnings(
  ledger: WorkLedger,
  clock: BusinessClock,
  days: readonly string[],
  limits: GuardrailLimits,
): Warning[] {
  const limitMinutes = limits.minDailyRestMinutes;
  const judged = new Set(days);
  const worst = worstRests(ledger, DAILY_REST_WINDOW_MS, 'cut', (start) => {
    const date = clock.localDate(start);
    return judged.has(date) ? date : null;
  });
  return [...worst]
    .filter(([, restMs]) => toMinutes(restMs) < limitMinutes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, restMs]) =>
      warning({ code: 'daily_rest', date, restMinutes: toMinutes(restMs), limitMinutes }),
    );
}

/**
 * Weekly rest (L3132-2: 24 h and the 11 h of daily rest, in one stretch) beginning in every 7
 * days that begin with work in the week: the shortest longest rest, once per week.
 */
function weeklyRestWarnings(
  ledger: WorkLedger,
  clock: BusinessClock,
  weeks: readonly string[],
  limits: GuardrailLimits,
): Warning[] {
  const limitMinutes = limits.minWeeklyRestMinutes;
  const judged = new Set(weeks);
  const worst = worstRests(ledger, WEEKLY_REST_WINDOW_MS, 'whole', (start) => {
    const week = isoWeekOf(clock.localDate(start));
    return judged.has(week) ? week : null;
  });
  return [...worst]
    .filter(([, restMs]) => toMinutes(restMs) < limitMinutes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, restMs]) =>
      warning({ code: 'weekly_rest', week, restMinutes: toMinutes(restMs), limitMinutes }),
    );
}

/**
 * For each start of work that `keyOf` names, the longest rest that begins in the window it
 * opens, per key the shortest of them. Daily rest is cut at the window's end (the 24 h must hold
 * it: work from 08:00 to 23:00 leaves 9 h of rest in them, whatever follows); weekly rest counts
 * whole (a 35 h rest from Saturday 23:30 to Monday 10:30 is one). After the last work known
 * comes rest: a warning is never one that later work could take back.
 */
function worstRests(
  ledger: WorkLedger,
  windowMs: number,
  rest: 'cut' | 'whole',
  keyOf: (start: number) => string | null,
): Map<string, number> {
  const { stretches } = ledger;
  const worst = new Map<string, number>();
  stretches.forEach(([start], index) => {
    const key = keyOf(start);
    if (key === null) return;
    const windowEnd = start + windowMs;
    let longest = 0;
    for (let i = index; i < stretches.length && stretches[i][1] < windowEnd; i++) {
      const nextStart = i + 1 < stretches.length ? stretches[i + 1][0] : Infinity;
      const restEnd = rest === 'cut' ? Math.min(nextStart, windowEnd) : nextStart;
      longest = Math.max(longest, restEnd - stretches[i][1]);
    }
    worst.set(key, Math.min(worst.get(key) ?? Infinity, longest));
  });
  return worst;
}

/**
 * Runs of consecutive local days with work (L3132-1: no more than six days a week) longer than
 * the limit, each run that touches a judged day said once.
 */
function consecutiveDaysWarnings(
  ledger: WorkLedger,
  days: readonly string[],
  limits: GuardrailLimits,
): Warning[] {
  const worked = (day: string) => (ledger.days.get(day)?.workedMs ?? 0) > 0;
  const limit = limits.maxConsecutiveWorkDays;
  const warnings: Warning[] = [];
  let coveredUntil = '';
  for (const day of days) {
    if (day <= coveredUntil || !worked(day)) continue;
    let [firstDate, lastDate] = [day, day];
    while (worked(addDays(firstDate, -1))) firstDate = addDays(firstDate, -1);
    while (worked(addDays(lastDate, 1))) lastDate = addDays(lastDate, 1);
    coveredUntil = lastDate;
    const length = daysBetween(firstDate, lastDate) + 1;
    if (length > limit) {
      warnings.push(
        warning({ code: 'consecutive_days', firstDate, lastDate, days: length, limit }),
      );
    }
  }
  return warnings;
}

/**
 * Days without work are an upper bound of the week's days off (later work can only lower it),
 * so a count below the minimum is certain even before the week is over.
 */
function daysOffWarnings(ledger: WorkLedger, week: string, limits: GuardrailLimits): Warning[] {
  const daysOff = daysOfWeek(week).filter(
    (day) => (ledger.days.get(day)?.workedMs ?? 0) === 0,
  ).length;
  const limit = limits.minWeeklyDaysOff;
  if (daysOff >= limit) return [];
  return [warning({ code: 'weekly_days_off', week, daysOff, limit })];
}

/** Night work (L3122-2: 21:00 to 06:00) over the week's limit. */
function nightWarnings(ledger: WorkLedger, week: string, limits: GuardrailLimits): Warning[] {
  const nightMinutes = Math.round(weekSum(ledger, week, (day) => day.nightMinutes));
  const limitMinutes = limits.maxNightMinutesPerWeek;
  if (nightMinutes <= limitMinutes) return [];
  return [warning({ code: 'night_limit', week, nightMinutes, limitMinutes })];
}

function afterHoursWarnings(ledger: WorkLedger, week: string, limits: GuardrailLimits): Warning[] {
  const afterHoursMinutes = Math.round(weekSum(ledger, week, (day) => day.afterHoursMinutes));
  const limitMinutes = limits.maxAfterHoursMinutesPerWeek;
  if (afterHoursMinutes <= limitMinutes) return [];
  return [warning({ code: 'after_hours_limit', week, afterHoursMinutes, limitMinutes })];
}

function urgentWarnings(ledger: WorkLedger, date: string, limits: GuardrailLimits): Warning[] {
  const interruptions = ledger.days.get(date)?.urgentStarts ?? 0;
  const limit = limits.maxUrgentInterruptionsPerDay;
  if (interruptions <= limit) return [];
  return [warning({ code: 'urgent_interruptions', date, interruptions, limit })];
}

function assertZone(timezone: string): void {
  if (!IANAZone.isValidZone(timezone)) throw new RangeError(`Unknown time zone: ${timezone}`);
}

/** The local days the focus touches; an end at midnight does not touch the next day. */
function focusDays(focus: { start: Date; end: Date }, zone: string): string[] {
  const first = localDate(focus.start, zone);
  const lastInstant = Math.max(focus.start.getTime(), focus.end.getTime() - 1);
  const last = localDate(new Date(lastInstant), zone);
  const days = [first];
  while (days[days.length - 1] < last) days.push(addDays(days[days.length - 1], 1));
  return days;
}

function weekSum(ledger: WorkLedger, week: string, value: (day: DayWork) => number): number {
  return daysOfWeek(week).reduce((sum, date) => {
    const day = ledger.days.get(date);
    return day ? sum + value(day) : sum;
  }, 0);
}

/** The ISO week 'YYYY-Www' of a local day. */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week 'YYYY-Www'. */
function mondayOf(week: string): string {
  const [year, number] = [Number(week.slice(0, 4)), Number(week.slice(6))];
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const firstMonday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  return new Date(firstMonday + (number - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

function daysOfWeek(week: string): string[] {
  const monday = mondayOf(week);
  // The Monday is a real day: its six next ones are counted without checking it again.
  const first = Date.parse(`${monday}T00:00:00Z`);
  return [0, 1, 2, 3, 4, 5, 6].map((n) =>
    new Date(first + n * 86_400_000).toISOString().slice(0, 10),
  );
}

/** `count` ISO weeks from the one of `monday`. */
function weeksFrom(monday: string, count: number): string[] {
  return Array.from({ length: count }, (_, n) => isoWeekOf(addDays(monday, 7 * n)));
}

function daysBetween(first: string, last: string): number {
  return Math.round(
    (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000,
  );
}

function toMinutes(ms: number): number {
  return Math.round(ms / MS_PER_MINUTE);
}
