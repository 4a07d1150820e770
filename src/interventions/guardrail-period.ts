/**
 * The guardrails of a period of local days (the workload report's), judged from the work fed
 * one interval at a time in order of start, in memory that grows with the days of the period,
 * never with the work: per local day a few figures, and of the merged stretches of work only
 * those whose rest windows are still open. It answers what
 * `judgeGuardrails(ledgerOf(work, zone), limits, periodScope(from, to))` answers for the same
 * work (guardrail-period.spec.ts holds it to that), at a fraction of the cost: a local day's
 * bounds and night hours are computed once per day rather than once per intervention, and the
 * weekly and average sums are sums of numbers indexed by day.
 */
import { dailySpanInstants, dayBounds } from '../calendar';
import type { GuardrailLimits } from '../common/domain';
import { guardrailReading, isoWeekOf, NIGHT_SPANS, warning, type Warning } from './guardrails';
import { MAX_INTERVENTION_MINUTES } from './work-times';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const DAILY_REST_WINDOW_MS = 24 * MS_PER_HOUR;
const WEEKLY_REST_WINDOW_MS = 7 * 24 * MS_PER_HOUR;
const NIGHT_ENDS_MS = NIGHT_SPANS[0].end * MS_PER_MINUTE;
const NIGHT_STARTS_MS = NIGHT_SPANS[1].start * MS_PER_MINUTE;
/** Work that touches the reading window starts at most this long before it (work-times.ts). */
const LONGEST_WORK_MS = MAX_INTERVENTION_MINUTES * MS_PER_MINUTE;
/** Days held before and after the reading window, where that work may fall. */
const DAYS_AROUND = 3;

/** A local day 'YYYY-MM-DD' as a count of days since 1970-01-01. */
function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

function dayOfNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The Monday (as a day number) of the ISO week of a day number: 1970-01-01 was a Thursday. */
function mondayOfNumber(n: number): number {
  return n - ((n + 3) % 7);
}

/** A merged stretch of work: [start, end) in milliseconds, and the day number of its start. */
interface Stretch {
  start: number;
  end: number;
  day: number;
}

/** The rest windows that open at each start of work: 24 h cut at their end, or 7 days whole. */
interface RestRule {
  windowMs: number;
  rest: 'cut' | 'whole';
  /** The key the worst rest is kept under (a day or a Monday), null when not judged. */
  keyOf: (stretch: Stretch) => number | null;
  /** Index in `pending` of the first stretch not yet judged by this rule. */
  head: number;
  worst: Map<number, number>;
}

export interface PeriodGuardrailSettings {
  timezone: string;
  limits: GuardrailLimits;
}

export class PeriodGuardrails {
  /** The local days whose starts of work are read: see guardrailReading. */
  readonly reading: { from: string; to: string };
  private readonly zone: string;
  private readonly limits: GuardrailLimits;
  private readonly first: number;
  private readonly last: number;
  /** Day number of index 0 of the arrays below. */
  private readonly base: number;
  /** First instant of each day held, and of the day after the last. */
  private readonly dayStart: number[] = [];
  private readonly workedMs: number[] = [];
  private readonly afterHours: number[] = [];
  private readonly nightMinutes: number[] = [];
  private readonly urgentStarts: number[] = [];
  /** The night hours of the days with a DST change, as instants, computed once a day. */
  private readonly nights = new Map<number, [number, number][]>();
  /** Where the last interval started: the next may not start before. */
  private lastStart = -Infinity;
  private cursor = 0;
  private open: Stretch | null = null;
  /** Finished stretches that a rest rule has still to judge, in order. */
  private pending: Stretch[] = [];
  private readonly rules: RestRule[];

  constructor(settings: PeriodGuardrailSettings, period: { from: string; to: string }) {
    this.zone = settings.timezone;
    this.limits = settings.limits;
    this.reading = guardrailReading(period.from, period.to, this.limits);
    this.first = dayNumber(period.from);
    this.last = dayNumber(period.to);
    this.base = dayNumber(this.reading.from) - DAYS_AROUND;
    this.hold(dayNumber(this.reading.to) + DAYS_AROUND - this.base);
    const firstMonday = mondayOfNumber(this.first);
    const lastMonday = mondayOfNumber(this.last);
    this.rules = [
      {
        windowMs: DAILY_REST_WINDOW_MS,
        rest: 'cut',
        keyOf: (s) => (s.day >= this.first && s.day <= this.last ? s.day : null),
        head: 0,
        worst: new Map(),
      },
      {
        windowMs: WEEKLY_REST_WINDOW_MS,
        rest: 'whole',
        keyOf: (s) => {
          const monday = mondayOfNumber(s.day);
          return monday >= firstMonday && monday <= lastMonday ? monday : null;
        },
        head: 0,
        worst: new Map(),
      },
    ];
  }

  /** The first and last instants of work to read, and the earliest start that can touch them. */
  get window(): { start: Date; end: Date; earliestStart: Date } {
    const start = dayBounds(this.reading.from, this.zone).start;
    return {
      start,
      end: dayBounds(this.reading.to, this.zone).end,
      earliestStart: new Date(start.getTime() - LONGEST_WORK_MS),
    };
  }

  /**
   * One intervention: [start, end) in milliseconds, urgent or not, and its after-hours minutes.
   * Interventions come in order of start; one without duration counts for nothing.
   */
  add(start: number, end: number, urgent: boolean, afterHoursMinutes: number): void {
    if (start < this.lastStart) throw new RangeError('Work must come in order of start');
    this.lastStart = start;
    const totalMs = end - start;
    if (totalMs <= 0) return;
    for (; this.hold(this.cursor + 1) <= start; this.cursor++);
    if (start < this.dayStart[this.cursor]) {
      throw new RangeError('Work starts before the days read');
    }
    const startIndex = this.cursor;
    if (urgent) this.urgentStarts[startIndex] += 1;
    for (let k = startIndex, from = start; from < end; k += 1) {
      const to = Math.min(end, this.hold(k + 1));
      const pieceMs = to - from;
      this.workedMs[k] += pieceMs;
      // After-hours minutes come as one figure per intervention: spread them in proportion.
      this.afterHours[k] += (afterHoursMinutes * pieceMs) / totalMs;
      this.nightMinutes[k] += this.nightOf(k, from, to);
      from = to;
    }
    this.stretch(start, end, this.base + startIndex);
  }

  /** Every limit broken in the period, in the order of judgeGuardrails. */
  finish(): Warning[] {
    if (this.open) this.pending.push(this.open);
    this.open = null;
    for (const rule of this.rules) this.judgeRests(rule, true);
    const days: number[] = [];
    for (let n = this.first; n <= this.last; n++) days.push(n);
    const weeks: number[] = [];
    for (let m = mondayOfNumber(this.first); m <= this.last; m += 7) weeks.push(m);
    return [
      ...weeks.flatMap((m) => this.weeklyTotal(m)),
      ...weeks.flatMap((m) => this.average(m)),
      ...days.flatMap((n) => this.dailyLimit(n)),
      ...this.rests('daily_rest'),
      ...this.rests('weekly_rest'),
      ...this.consecutiveDays(days),
      ...weeks.flatMap((m) => this.daysOff(m)),
      ...weeks.flatMap((m) => this.night(m)),
      ...weeks.flatMap((m) => this.afterHoursOver(m)),
      ...days.flatMap((n) => this.urgent(n)),
    ];
  }

  /**
   * The first instant of the day of index `index` (day number base + index), the days up to it
   * computed and given room for their figures.
   */
  private hold(index: number): number {
    for (let k = this.dayStart.length; k <= index; k++) {
      this.dayStart.push(dayBounds(dayOfNumber(this.base + k), this.zone).start.getTime());
      this.workedMs.push(0);
      this.afterHours.push(0);
      this.nightMinutes.push(0);
      this.urgentStarts.push(0);
    }
    return this.dayStart[index];
  }

  /** Night minutes of [from, to) within day index k, rounded as dailySpanMinutesBetween does. */
  private nightOf(k: number, from: number, to: number): number {
    const dayStart = this.dayStart[k];
    let spans = this.nights.get(k);
    if (!spans && this.dayStart[k + 1] - dayStart === MS_PER_DAY) {
      // A day of 24 hours keeps one offset from its midnight: its night hours are the first 6
      // and the last 3, as dailySpanInstants finds them.
      const total =
        Math.max(0, Math.min(to, dayStart + NIGHT_ENDS_MS) - from) +
        Math.max(0, to - Math.max(from, dayStart + NIGHT_STARTS_MS));
      return Math.round(total / MS_PER_MINUTE);
    }
    if (!spans) {
      spans = dailySpanInstants(dayOfNumber(this.base + k), this.zone, NIGHT_SPANS).map(
        (span): [number, number] => [span.start.getTime(), span.end.getTime()],
      );
      this.nights.set(k, spans);
    }
    let total = 0;
    for (const [start, end] of spans) {
      const overlap = Math.min(to, end) - Math.max(from, start);
      if (overlap > 0) total += overlap;
    }
    return Math.round(total / MS_PER_MINUTE);
  }

  /** Merges the interval into the open stretch, or closes it and opens another. */
  private stretch(start: number, end: number, day: number): void {
    const open = this.open;
    if (open && start <= open.end) {
      open.end = Math.max(open.end, end);
      return;
    }
    if (open) {
      this.pending.push(open);
      for (const rule of this.rules) this.judgeRests(rule, false);
      this.forgetJudged();
    }
    this.open = { start, end, day };
  }

  /**
   * The longest rest beginning in the window of each pending stretch, once the stretches that
   * decide it are known (one ending past the window's end), or all of them at the end.
   */
  private judgeRests(rule: RestRule, atEnd: boolean): void {
    const { pending } = this;
    const lastEnd = pending.length > 0 ? pending[pending.length - 1].end : -Infinity;
    for (; rule.head < pending.length; rule.head++) {
      const stretch = pending[rule.head];
      const windowEnd = stretch.start + rule.windowMs;
      if (!atEnd && lastEnd < windowEnd) return;
      const key = rule.keyOf(stretch);
      if (key === null) continue;
      let longest = 0;
      for (let i = rule.head; i < pending.length && pending[i].end < windowEnd; i++) {
        const nextStart = i + 1 < pending.length ? pending[i + 1].start : Infinity;
        const restEnd = rule.rest === 'cut' ? Math.min(nextStart, windowEnd) : nextStart;
        longest = Math.max(longest, restEnd - pending[i].end);
      }
      rule.worst.set(key, Math.min(rule.worst.get(key) ?? Infinity, longest));
    }
  }

  /** Drops the stretches every rule has judged, now and then, so that `pending` stays short. */
  private forgetJudged(): void {
    const judged = Math.min(...this.rules.map((rule) => rule.head));
    if (judged < 1024 && judged * 2 < this.pending.length) return;
    this.pending = this.pending.slice(judged);
    for (const rule of this.rules) rule.head -= judged;
  }

  private figure(values: readonly number[], n: number): number {
    const k = n - this.base;
    return k >= 0 && k < values.length ? values[k] : 0;
  }

  private weekSum(values: readonly number[], monday: number): number {
    let sum = 0;
    for (let n = monday; n < monday + 7; n++) sum += this.figure(values, n);
    return sum;
  }

  private weeklyTotal(monday: number): Warning[] {
    const week = isoWeekOf(dayOfNumber(monday));
    const workedMinutes = toMinutes(this.weekSum(this.workedMs, monday));
    const { maxWeeklyMinutes, alertWeeklyMinutes } = this.limits;
    if (workedMinutes > maxWeeklyMinutes) {
      const limitMinutes = maxWeeklyMinutes;
      return [warning({ code: 'weekly_limit', week, workedMinutes, limitMinutes })];
    }
    if (workedMinutes > alertWeeklyMinutes) {
      const limitMinutes = alertWeeklyMinutes;
      return [warning({ code: 'weekly_alert', week, workedMinutes, limitMinutes })];
    }
    return [];
  }

  private average(monday: number): Warning[] {
    const weeks = Math.max(1, this.limits.averageWeeks);
    const firstMonday = monday - 7 * (weeks - 1);
    let totalMs = 0;
    for (let m = firstMonday; m <= monday; m += 7) totalMs += this.weekSum(this.workedMs, m);
    const averageMinutes = toMinutes(totalMs / weeks);
    const limitMinutes = this.limits.maxAverageWeeklyMinutes;
    if (averageMinutes <= limitMinutes) return [];
    const week = isoWeekOf(dayOfNumber(monday));
    const firstWeek = isoWeekOf(dayOfNumber(firstMonday));
    return [
      warning({
        code: 'average_weekly_limit',
        week,
        firstWeek,
        weeks,
        averageMinutes,
        limitMinutes,
      }),
    ];
  }

  private dailyLimit(n: number): Warning[] {
    const workedMinutes = toMinutes(this.figure(this.workedMs, n));
    const limitMinutes = this.limits.maxDailyMinutes;
    if (workedMinutes <= limitMinutes) return [];
    return [warning({ code: 'daily_limit', date: dayOfNumber(n), workedMinutes, limitMinutes })];
  }

  private rests(code: 'daily_rest' | 'weekly_rest'): Warning[] {
    const daily = code === 'daily_rest';
    const rule = this.rules[daily ? 0 : 1];
    const limitMinutes = daily ? this.limits.minDailyRestMinutes : this.limits.minWeeklyRestMinutes;
    return [...rule.worst]
      .filter(([, restMs]) => toMinutes(restMs) < limitMinutes)
      .sort(([a], [b]) => a - b)
      .map(([key, restMs]) => {
        const restMinutes = toMinutes(restMs);
        return daily
          ? warning({ code, date: dayOfNumber(key), restMinutes, limitMinutes })
          : warning({ code, week: isoWeekOf(dayOfNumber(key)), restMinutes, limitMinutes });
      });
  }

  private consecutiveDays(days: readonly number[]): Warning[] {
    const worked = (n: number) => this.figure(this.workedMs, n) > 0;
    const limit = this.limits.maxConsecutiveWorkDays;
    const warnings: Warning[] = [];
    let coveredUntil = -Infinity;
    for (const n of days) {
      if (n <= coveredUntil || !worked(n)) continue;
      let [first, last] = [n, n];
      while (worked(first - 1)) first -= 1;
      while (worked(last + 1)) last += 1;
      coveredUntil = last;
      const length = last - first + 1;
      if (length > limit) {
        const [firstDate, lastDate] = [dayOfNumber(first), dayOfNumber(last)];
        warnings.push(
          warning({ code: 'consecutive_days', firstDate, lastDate, days: length, limit }),
        );
      }
    }
    return warnings;
  }

  private daysOff(monday: number): Warning[] {
    let daysOff = 0;
    for (let n = monday; n < monday + 7; n++) if (this.figure(this.workedMs, n) === 0) daysOff++;
    const limit = this.limits.minWeeklyDaysOff;
    if (daysOff >= limit) return [];
    return [
      warning({ code: 'weekly_days_off', week: isoWeekOf(dayOfNumber(monday)), daysOff, limit }),
    ];
  }

  private night(monday: number): Warning[] {
    const nightMinutes = Math.round(this.weekSum(this.nightMinutes, monday));
    const limitMinutes = this.limits.maxNightMinutesPerWeek;
    if (nightMinutes <= limitMinutes) return [];
    const week = isoWeekOf(dayOfNumber(monday));
    return [warning({ code: 'night_limit', week, nightMinutes, limitMinutes })];
  }

  private afterHoursOver(monday: number): Warning[] {
    const afterHoursMinutes = Math.round(this.weekSum(this.afterHours, monday));
    const limitMinutes = this.limits.maxAfterHoursMinutesPerWeek;
    if (afterHoursMinutes <= limitMinutes) return [];
    const week = isoWeekOf(dayOfNumber(monday));
    return [warning({ code: 'after_hours_limit', week, afterHoursMinutes, limitMinutes })];
  }

  private urgent(n: number): Warning[] {
    const interruptions = this.figure(this.urgentStarts, n);
    const limit = this.limits.maxUrgentInterruptionsPerDay;
    if (interruptions <= limit) return [];
    return [warning({ code: 'urgent_interruptions', date: dayOfNumber(n), interruptions, limit })];
  }
}

function toMinutes(ms: number): number {
  return Math.round(ms / MS_PER_MINUTE);
}
