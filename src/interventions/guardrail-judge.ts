/**
 * The working-time rules (guardrails.ts names them and their warnings), judged once for every
 * caller: the live check of a saved intervention (checkGuardrails), the workload report of a
 * period (GuardrailCheck.over), the import's warnings (periodWarnings). The work comes one
 * interval at a time in order of start (or, already summed, as each local day's figures and the
 * merged stretches of work), in memory that grows with the days held, never with the work: per
 * local day a few figures in arrays indexed by day, and of the merged stretches of work only
 * those whose rest windows are still open. A local day's bounds and night hours are computed
 * once per day, whatever the number of intervals on it; weekly and average sums are sums of
 * numbers indexed by day.
 */
import { dailySpanInstants, dayBounds } from '../calendar';
import type { GuardrailLimits } from '../common/domain';
import * as rules from './guardrail-day-rules';
import {
  dayNumber,
  dayOfNumber,
  type DayTable,
  mondayOfNumber,
  toMinutes,
} from './guardrail-day-rules';
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
  /** The day number of the first start of work judged (the first day, or the first Monday). */
  firstKey: number;
  /** The key the worst rest is kept under (a day or a Monday), null when not judged. */
  keyOf: (stretch: Stretch) => number | null;
  /** Index in `pending` of the first stretch not yet judged by this rule. */
  head: number;
  /** Index in `pending` of the first stretch ending at or past the last window judged. */
  scan: number;
  /** The next rest (after the stretch of that index) to enter `longest`. */
  next: number;
  /** Indices of the rests entered, their lengths decreasing: the longest first (a sliding maximum). */
  longest: number[];
  worst: Map<number, number>;
}

export interface JudgeSettings {
  timezone: string;
  limits: GuardrailLimits;
}

/**
 * The local days judged, both included, and what is judged of them: a period (the report's) is
 * judged day by day and week by week; a saved intervention (`around`) also opens the rest
 * windows of the day and the week before it, and ends the runs of weeks of the average after it.
 */
export interface JudgedDays {
  from: string;
  to: string;
  around?: boolean;
  /** A day of work earlier than the reading window (a live check's given work): held too. */
  earliest?: string;
  /** Only these days are read, for their figures (work-days.ts): no window around them. */
  alone?: boolean;
}

/** One local day's work, summed: what the rules read of a day. */
export interface DayFigures {
  workedMs: number;
  /** After-hours minutes of the day, fractions kept (spread in proportion over the pieces). */
  afterHoursMinutes: number;
  nightMinutes: number;
  urgentStarts: number;
}

/** A range of day numbers, both included. */
interface Range {
  first: number;
  last: number;
}

/** The weeks of the average after the days judged: a live check ends the runs holding them. */
function weeksAfterOf(judged: JudgedDays, limits: GuardrailLimits): number {
  return judged.around === true ? Math.max(0, limits.averageWeeks - 1) : 0;
}

/** The local days whose work a judge of `judged` reads (see guardrailReading). */
export function readingOf(
  judged: JudgedDays,
  limits: GuardrailLimits,
): { from: string; to: string } {
  if (judged.alone) return { from: judged.from, to: judged.to };
  return guardrailReading(judged.from, judged.to, limits, weeksAfterOf(judged, limits));
}

export class GuardrailJudge implements DayTable {
  /** The local days whose work is read: see guardrailReading. */
  readonly reading: { from: string; to: string };
  private readonly zone: string;
  readonly limits: GuardrailLimits;
  /** Days judged (daily limits, days in a row, urgent interruptions). */
  private readonly days: Range;
  /** Mondays of the weeks judged. */
  private readonly weeks: Range;
  /** Mondays of the last weeks of the runs of weeks of the average judged. */
  private readonly averageEnds: Range;
  /** Day number of index 0 of the arrays below. */
  readonly base: number;
  /** First instant of each day held, and of the day after the last. */
  private readonly dayStart: number[] = [];
  readonly workedMs: number[] = [];
  readonly afterHours: number[] = [];
  readonly nightMinutes: number[] = [];
  readonly urgentStarts: number[] = [];
  /** The night hours of the days with a DST change, as instants, computed once a day. */
  private readonly nights = new Map<number, [number, number][]>();
  /** Where the last interval started: the next may not start before. */
  private lastStart = -Infinity;
  private cursor = 0;
  private open: Stretch | null = null;
  /** Finished stretches that a rest rule has still to judge, in order. */
  private pending: Stretch[] = [];
  private readonly rules: RestRule[];

  constructor(settings: JudgeSettings, judged: JudgedDays) {
    this.zone = settings.timezone;
    this.limits = settings.limits;
    const around = judged.around === true;
    const weeksAfter = weeksAfterOf(judged, this.limits);
    this.reading = readingOf(judged, this.limits);
    this.days = { first: dayNumber(judged.from), last: dayNumber(judged.to) };
    this.weeks = { first: mondayOfNumber(this.days.first), last: mondayOfNumber(this.days.last) };
    this.averageEnds = { first: this.weeks.first, last: this.weeks.last + 7 * weeksAfter };
    const restDays = { first: this.days.first - (around ? 1 : 0), last: this.days.last };
    const restWeeks = { first: this.weeks.first - (around ? 7 : 0), last: this.weeks.last };
    const earliest = judged.earliest ? dayNumber(judged.earliest) - 1 : Infinity;
    this.base = Math.min(dayNumber(this.reading.from) - DAYS_AROUND, earliest);
    this.room(dayNumber(this.reading.to) + DAYS_AROUND - this.base);
    const within = (n: number, range: Range) => (n >= range.first && n <= range.last ? n : null);
    this.rules = [
      {
        windowMs: DAILY_REST_WINDOW_MS,
        rest: 'cut',
        firstKey: restDays.first,
        keyOf: (s) => within(s.day, restDays),
        head: 0,
        scan: 0,
        next: 0,
        longest: [],
        worst: new Map(),
      },
      {
        windowMs: WEEKLY_REST_WINDOW_MS,
        rest: 'whole',
        firstKey: restWeeks.first,
        keyOf: (s) => within(mondayOfNumber(s.day), restWeeks),
        head: 0,
        scan: 0,
        next: 0,
        longest: [],
        worst: new Map(),
      },
    ];
  }

  /**
   * The first local day whose stretches the rest rules read: the day before the first rest
   * window judged opens (a stretch of work from the day before may run on into it). Earlier
   * stretches only matter when work runs on into that day without a break.
   */
  get restsFrom(): string {
    return dayOfNumber(Math.min(this.rules[0].firstKey, this.rules[1].firstKey) - 1);
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
    const totalMs = end - start;
    const startIndex = this.indexOf(start);
    if (totalMs <= 0) return;
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

  /** A local day's figures, already summed (added to what the day holds). */
  addDay(date: string, figures: DayFigures): void {
    const k = dayNumber(date) - this.base;
    if (k < 0) throw new RangeError('A day before the days read');
    this.room(k);
    this.workedMs[k] += figures.workedMs;
    this.afterHours[k] += figures.afterHoursMinutes;
    this.nightMinutes[k] += figures.nightMinutes;
    this.urgentStarts[k] += figures.urgentStarts;
  }

  /** The figures of a local day held, and its first and last instants ([start, end)). */
  day(date: string): DayFigures & { start: number; end: number } {
    const k = dayNumber(date) - this.base;
    this.hold(k + 1);
    return {
      workedMs: this.workedMs[k],
      afterHoursMinutes: this.afterHours[k],
      nightMinutes: this.nightMinutes[k],
      urgentStarts: this.urgentStarts[k],
      start: this.dayStart[k],
      end: this.dayStart[k + 1],
    };
  }

  /**
   * A stretch of work whose days' figures are given by addDay, in order of start; `date`, the
   * local day it starts on when known (stored days), spares working out the day's bounds.
   */
  addStretch(start: number, end: number, date?: string): void {
    let day: number;
    if (date === undefined) day = this.base + this.indexOf(start);
    else {
      if (start < this.lastStart) throw new RangeError('Work must come in order of start');
      this.lastStart = start;
      day = dayNumber(date);
    }
    if (end > start) this.stretch(start, end, day);
  }

  /** The index of the day of an instant, work coming in order of start. */
  private indexOf(start: number): number {
    if (start < this.lastStart) throw new RangeError('Work must come in order of start');
    this.lastStart = start;
    for (; this.hold(this.cursor + 1) <= start; this.cursor++);
    if (start < this.dayStart[this.cursor]) {
      throw new RangeError('Work starts before the days read');
    }
    return this.cursor;
  }

  /** Every limit broken in the days judged, in a fixed order: weeks, days, rests, weeks, days. */
  finish(): Warning[] {
    if (this.open) this.pending.push(this.open);
    this.open = null;
    for (const rule of this.rules) this.judgeRests(rule, true);
    const days: number[] = [];
    for (let n = this.days.first; n <= this.days.last; n++) days.push(n);
    const mondays = (range: Range) => {
      const found: number[] = [];
      for (let m = range.first; m <= range.last; m += 7) found.push(m);
      return found;
    };
    const weeks = mondays(this.weeks);
    return [
      ...weeks.flatMap((m) => rules.weeklyTotal(this, m)),
      ...mondays(this.averageEnds).flatMap((m) => rules.average(this, m)),
      ...days.flatMap((n) => rules.dailyLimit(this, n)),
      ...this.rests('daily_rest'),
      ...this.rests('weekly_rest'),
      ...rules.consecutiveDays(this, days),
      ...weeks.flatMap((m) => rules.daysOff(this, m)),
      ...weeks.flatMap((m) => rules.night(this, m)),
      ...weeks.flatMap((m) => rules.afterHoursOver(this, m)),
      ...days.flatMap((n) => rules.urgent(this, n)),
    ];
  }

  /**
   * The first instant of the day of index `index` (day number base + index), the days up to it
   * computed and given room for their figures.
   */
  private hold(index: number): number {
    this.room(index);
    for (let k = this.dayStart.length; k <= index; k++) {
      this.dayStart.push(dayBounds(dayOfNumber(this.base + k), this.zone).start.getTime());
    }
    return this.dayStart[index];
  }

  /** Room for the figures of the days up to index `index`, their bounds not worked out. */
  private room(index: number): void {
    for (let k = this.workedMs.length; k <= index; k++) {
      this.workedMs.push(0);
      this.afterHours.push(0);
      this.nightMinutes.push(0);
      this.urgentStarts.push(0);
    }
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
   * decide it are known (one ending past the window's end), or all of them at the end. The rests
   * between the stretches that end within the window are whole; the last one is cut at the
   * window's end (`cut`) or not. Windows move forward with their stretches, so the longest of
   * the whole rests is kept as a sliding maximum: each rest enters and leaves it once.
   */
  private judgeRests(rule: RestRule, atEnd: boolean): void {
    const { pending } = this;
    const lastEnd = pending.length > 0 ? pending[pending.length - 1].end : -Infinity;
    const rest = (i: number) => pending[i + 1].start - pending[i].end;
    for (; rule.head < pending.length; rule.head++) {
      const stretch = pending[rule.head];
      const windowEnd = stretch.start + rule.windowMs;
      if (!atEnd && lastEnd < windowEnd) return;
      const key = rule.keyOf(stretch);
      if (key === null) continue;
      let j = Math.max(rule.scan, rule.head);
      while (j < pending.length && pending[j].end < windowEnd) j++;
      rule.scan = j;
      let longest = 0;
      if (j > rule.head) {
        const { longest: queue } = rule;
        for (rule.next = Math.max(rule.next, rule.head); rule.next <= j - 2; rule.next++) {
          while (queue.length > 0 && rest(queue[queue.length - 1]) <= rest(rule.next)) queue.pop();
          queue.push(rule.next);
        }
        while (queue.length > 0 && queue[0] < rule.head) queue.shift();
        if (queue.length > 0) longest = rest(queue[0]);
        const nextStart = j < pending.length ? pending[j].start : Infinity;
        const restEnd = rule.rest === 'cut' ? Math.min(nextStart, windowEnd) : nextStart;
        longest = Math.max(longest, restEnd - pending[j - 1].end);
      }
      rule.worst.set(key, Math.min(rule.worst.get(key) ?? Infinity, longest));
    }
  }

  /** Drops the stretches every rule has judged, now and then, so that `pending` stays short. */
  private forgetJudged(): void {
    const judged = Math.min(...this.rules.map((rule) => rule.head));
    if (judged < 1024 && judged * 2 < this.pending.length) return;
    this.pending = this.pending.slice(judged);
    for (const rule of this.rules) {
      rule.head -= judged;
      rule.scan = Math.max(0, rule.scan - judged);
      rule.next = Math.max(0, rule.next - judged);
      rule.longest = rule.longest.filter((i) => i >= judged).map((i) => i - judged);
    }
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
}
