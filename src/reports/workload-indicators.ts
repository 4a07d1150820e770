/**
 * Workload report rules: the flags, weekly totals, indicators and risk level computed on top of
 * the per-day aggregates that SQL returns. Days are the practice's local days 'YYYY-MM-DD';
 * weeks are ISO weeks (Monday first). Thresholds are in RISK_THRESHOLDS and docs/workload.md.
 */
import { isValidLocalDate } from '../calendar';
import { outcome } from '../common/outcome';
import { isoWeekOf, type Warning } from '../interventions/guardrails';

export * from './workload-types';
import type {
  ReportRiskReason,
  RiskReason,
  WorkloadDay,
  WorkloadDayInput,
  WorkloadIndicators,
  WorkloadInput,
  WorkloadReport,
  WorkloadWeek,
} from './workload-types';
export * from './client-pressure';

/**
 * The report's own thresholds. The practice's limits (GuardrailLimits) are judged by the
 * guardrails, the same rules as the live warnings: the report reads their warnings.
 */
export const RISK_THRESHOLDS = {
  redShortRestDays: 3,
  /** Thirteen days in a row leave at most one day off in a fortnight. */
  redRunOfWorkingDays: 13,
  /** Seven days in a row: no weekly day off. */
  amberRunOfWorkingDays: 7,
  amberWeekendOrHolidayDays: 2,
  redAfterHoursShare: 0.25,
  amberAfterHoursShare: 0.1,
  /**
   * Shares are judged only from 20 h worked in the period: one late evening in a quiet month
   * is a large share of a small total, not a pattern. The weekly after-hours limit still
   * catches a heavy week whatever the period's volume.
   */
  minWorkedMinutesForShares: 20 * 60,
} as const;

/** A stretch of consecutive calendar days with work. */
interface Run {
  first: string;
  last: string;
  length: number;
}

/** Long enough for any report (ten years), short enough to refuse a runaway loop. */
const MAX_PERIOD_DAYS = 3660;

const MS_PER_DAY = 86_400_000;

export function workloadIndicators(input: WorkloadInput): WorkloadReport {
  const calendar = periodDays(input.from, input.to);
  const byDay = indexDays(input.days, calendar);
  const holidays = new Set(input.holidays);
  const found = new Findings(input.warnings);
  // Day k of the period is a Monday when (firstWeekday + k) % 7 is 0.
  const firstWeekday = (((Date.parse(`${input.from}T00:00:00Z`) / MS_PER_DAY + 3) % 7) + 7) % 7;
  const days: WorkloadDay[] = [];
  for (let k = 0; k < calendar.length; k++) {
    const indexed = byDay[k];
    if (!indexed) continue;
    const weekday = (firstWeekday + k) % 7;
    days.push(flagDay(indexed, byDay[k + 1], weekday >= 5, holidays, found));
  }
  const weeks = weekTotals(calendar, firstWeekday, byDay, found);
  const runs = workingRuns(calendar, byDay);
  const indicators = computeIndicators(days, weeks, runs, input.urgentMinutes);
  const report: WorkloadReport = {
    days,
    weeks,
    indicators,
    risk: assessRisk(days, runs, indicators, input),
  };
  if (input.breakdown) report.breakdown = breakdownShares(input.breakdown);
  return report;
}

function periodDays(from: string, to: string): string[] {
  for (const day of [from, to]) {
    if (!isValidLocalDate(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): "${day}"`);
  }
  if (from > to) throw new RangeError(`The period ends (${to}) before it starts (${from})`);
  const first = Date.parse(`${from}T00:00:00Z`);
  const count = Math.round((Date.parse(`${to}T00:00:00Z`) - first) / MS_PER_DAY) + 1;
  if (count > MAX_PERIOD_DAYS) throw new RangeError('The period is longer than 10 years');
  // Counted on from the first day rather than through a Date a day: a ten-year report's
  // calendar has 3,653 days.
  const days: string[] = [];
  let [year, month, date] = [
    Number(from.slice(0, 4)),
    Number(from.slice(5, 7)),
    Number(from.slice(8)),
  ];
  for (let k = 0; k < count; k++) {
    days.push(`${year}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`);
    if (date < daysInMonth(year, month)) date += 1;
    else if (month < 12) [month, date] = [month + 1, 1];
    else [year, month, date] = [year + 1, 1, 1];
  }
  return days;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** A day with work, its instants read once: when its work ends, when its new work starts. */
interface IndexedDay {
  day: WorkloadDayInput;
  endMs: number;
  /** Null when the day only continues work begun the day before. */
  nextStartMs: number | null;
}

/**
 * The days with work by their place in the period (`calendar`); each must be a day of the
 * period, once.
 */
function indexDays(
  days: readonly WorkloadDayInput[],
  calendar: readonly string[],
): (IndexedDay | undefined)[] {
  const first = Date.parse(`${calendar[0]}T00:00:00Z`);
  const byDay = new Array<IndexedDay | undefined>(calendar.length);
  for (const day of days) {
    const k = Math.round((Date.parse(`${day.date}T00:00:00Z`) - first) / MS_PER_DAY);
    if (!(calendar[k] === day.date)) {
      const [from, to] = [calendar[0], calendar[calendar.length - 1]];
      throw new RangeError(`Day ${day.date} is outside the period ${from} to ${to}`);
    }
    if (byDay[k]) throw new RangeError(`Day ${day.date} is given twice`);
    const firstStart = instantOf(day, day.firstStart);
    const lastEnd = instantOf(day, day.lastEnd);
    const workEnd = day.workEnd == null ? null : instantOf(day, day.workEnd);
    const newWorkStart = day.newWorkStart == null ? null : instantOf(day, day.newWorkStart);
    byDay[k] = {
      day,
      endMs: workEnd ?? lastEnd,
      nextStartMs: day.newWorkStart === undefined ? firstStart : newWorkStart,
    };
  }
  return byDay;
}

function instantOf(day: WorkloadDayInput, instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Day ${day.date}: "${instant}" is not an ISO instant`);
  return ms;
}

/** The guardrails' warnings, by code and by the day or week each names. */
class Findings {
  private readonly byCode = new Map<Warning['code'], Set<string>>();

  constructor(readonly warnings: readonly Warning[]) {
    for (const w of warnings) {
      let named = this.byCode.get(w.code);
      if (!named) this.byCode.set(w.code, (named = new Set()));
      if ('date' in w) named.add(w.date);
      if ('week' in w) named.add(w.week);
    }
  }

  has(code: Warning['code'], dayOrWeek: string): boolean {
    return this.byCode.get(code)?.has(dayOrWeek) ?? false;
  }
}

function flagDay(
  indexed: IndexedDay,
  next: IndexedDay | undefined,
  weekend: boolean,
  holidays: ReadonlySet<string>,
  found: Findings,
): WorkloadDay {
  const day = indexed.day;
  // Written out rather than spread: a day of the report is copied thousands of times.
  const flagged: WorkloadDay = {
    date: day.date,
    workedMinutes: day.workedMinutes,
    afterHoursMinutes: day.afterHoursMinutes,
    urgentInterruptions: day.urgentInterruptions,
    clients: day.clients,
    firstStart: day.firstStart,
    lastEnd: day.lastEnd,
    restBeforeNextMinutes: restBetween(indexed, next),
    weekend,
    holiday: holidays.has(day.date),
    shortRest: found.has('daily_rest', day.date),
    overDailyMax: found.has('daily_limit', day.date),
    overUrgentLimit: found.has('urgent_interruptions', day.date),
  };
  if (day.workEnd !== undefined) flagged.workEnd = day.workEnd;
  if (day.newWorkStart !== undefined) flagged.newWorkStart = day.newWorkStart;
  return flagged;
}

/**
 * From the end of the day's work (after midnight when it ran past it) to the next day's first
 * new start. Work running past that start leaves no rest at all: 0, never negative.
 */
function restBetween(day: IndexedDay, next: IndexedDay | undefined): number | null {
  const nextStart = next?.nextStartMs;
  if (nextStart == null) return null;
  return Math.max(0, Math.round((nextStart - day.endMs) / 60_000));
}

function weekTotals(
  calendar: readonly string[],
  firstWeekday: number,
  byDay: readonly (IndexedDay | undefined)[],
  found: Findings,
): WorkloadWeek[] {
  const weeks: WorkloadWeek[] = [];
  let week: WorkloadWeek | undefined;
  for (const [k, date] of calendar.entries()) {
    const weekday = (firstWeekday + k) % 7;
    if (!week || weekday === 0) {
      const monday = Date.parse(`${date}T00:00:00Z`) - weekday * MS_PER_DAY;
      week = emptyWeek(isoWeekOf(date), new Date(monday).toISOString().slice(0, 10));
      weeks.push(week);
    }
    const day = byDay[k]?.day;
    week.daysInRange += 1;
    week.workedMinutes += day?.workedMinutes ?? 0;
    week.afterHoursMinutes += day?.afterHoursMinutes ?? 0;
    if (!day || day.workedMinutes === 0) week.daysOff += 1;
  }
  return weeks.map((week) => ({
    ...week,
    partial: week.daysInRange < 7,
    overAlert: found.has('weekly_alert', week.week) || found.has('weekly_limit', week.week),
    overMax: found.has('weekly_limit', week.week),
    overAfterHoursLimit: found.has('after_hours_limit', week.week),
    tooFewDaysOff: found.has('weekly_days_off', week.week),
  }));
}

function emptyWeek(week: string, start: string): WorkloadWeek {
  return {
    week,
    start,
    workedMinutes: 0,
    afterHoursMinutes: 0,
    daysInRange: 0,
    partial: true,
    daysOff: 0,
    overAlert: false,
    overMax: false,
    overAfterHoursLimit: false,
    tooFewDaysOff: false,
  };
}

/** Runs of consecutive calendar days with work, within the period (a month change is no break). */
function workingRuns(
  calendar: readonly string[],
  byDay: readonly (IndexedDay | undefined)[],
): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const [k, date] of calendar.entries()) {
    const worked = (byDay[k]?.day.workedMinutes ?? 0) > 0;
    if (!worked) {
      current = null;
    } else if (current) {
      current.last = date;
      current.length += 1;
    } else {
      current = { first: date, last: date, length: 1 };
      runs.push(current);
    }
  }
  return runs;
}

function computeIndicators(
  days: readonly WorkloadDay[],
  weeks: readonly WorkloadWeek[],
  runs: readonly Run[],
  urgentMinutes: number | undefined,
): WorkloadIndicators {
  const worked = days.filter((day) => day.workedMinutes > 0);
  const totalWorkedMinutes = sum(days.map((day) => day.workedMinutes));
  const totalAfterHoursMinutes = sum(days.map((day) => day.afterHoursMinutes));
  const urgentInterruptions = sum(days.map((day) => day.urgentInterruptions));
  const indicators: WorkloadIndicators = {
    totalWorkedMinutes,
    totalAfterHoursMinutes,
    workingDays: worked.length,
    weeksOverLimit: weeks.filter((week) => week.overMax).length,
    weeksOverAlert: weeks.filter((week) => week.overAlert).length,
    weeksOverAfterHoursLimit: weeks.filter((week) => week.overAfterHoursLimit).length,
    weeksShortOfDaysOff: weeks.filter((week) => week.tooFewDaysOff).length,
    shortRestDays: days.filter((day) => day.shortRest).length,
    weekendDaysWorked: worked.filter((day) => day.weekend).length,
    holidayDaysWorked: worked.filter((day) => day.holiday).length,
    longestRunOfWorkingDays: Math.max(0, ...runs.map((run) => run.length)),
    daysOverDailyMax: days.filter((day) => day.overDailyMax).length,
    daysOverUrgentLimit: days.filter((day) => day.overUrgentLimit).length,
    afterHoursShare: ratio(totalAfterHoursMinutes, totalWorkedMinutes),
    urgentInterruptions,
    urgentPerWorkingDay: ratio(urgentInterruptions, worked.length),
  };
  if (urgentMinutes !== undefined) {
    indicators.urgentShare = ratio(urgentMinutes, totalWorkedMinutes);
  }
  return indicators;
}

/**
 * Green, amber or red with every trigger named, red ones first. A week over the maximum or a
 * run long enough for red is not repeated among the amber reasons.
 */
function assessRisk(
  days: readonly WorkloadDay[],
  runs: readonly Run[],
  indicators: WorkloadIndicators,
  input: WorkloadInput,
): WorkloadReport['risk'] {
  const red = redReasons(runs, indicators, input);
  const amber = amberReasons(days, indicators, input.warnings);
  if (red.length > 0) return { level: 'red', reasons: [...red, ...amber] };
  if (amber.length > 0) return { level: 'amber', reasons: amber };
  return { level: 'green', reasons: [riskReason('within_limits', {})] };
}

function redReasons(
  runs: readonly Run[],
  indicators: WorkloadIndicators,
  input: WorkloadInput,
): RiskReason[] {
  const t = RISK_THRESHOLDS;
  const shortRests = input.warnings.filter((w) => w.code === 'daily_rest').length;
  const limitMinutes = input.limits.minDailyRestMinutes;
  return [
    ...input.warnings.filter((w) => w.code === 'weekly_limit'),
    ...(shortRests >= t.redShortRestDays
      ? [riskReason('short_rests', { days: shortRests, limitMinutes })]
      : []),
    ...runs
      .filter((run) => run.length >= t.redRunOfWorkingDays)
      .map((run) => runReason('working_run_fortnight', run)),
    ...(sharesJudged(indicators) && indicators.afterHoursShare > t.redAfterHoursShare
      ? [afterHoursShareReason(indicators.afterHoursShare, 'red', t.redAfterHoursShare)]
      : []),
  ];
}

/** Every other limit of the practice broken in the period, as the guardrails say it. */
function amberReasons(
  days: readonly WorkloadDay[],
  indicators: WorkloadIndicators,
  warnings: readonly Warning[],
): RiskReason[] {
  const t = RISK_THRESHOLDS;
  const offDays = weekendOrHolidayDays(days);
  const share = sharesJudged(indicators) ? indicators.afterHoursShare : 0;
  const amberWarnings = warnings.filter(
    (w) =>
      w.code !== 'weekly_limit' &&
      !(w.code === 'consecutive_days' && w.days >= t.redRunOfWorkingDays),
  );
  return [
    ...amberWarnings,
    ...(offDays >= t.amberWeekendOrHolidayDays
      ? [riskReason('weekend_or_holiday_days', { days: offDays })]
      : []),
    ...(share > t.amberAfterHoursShare && share <= t.redAfterHoursShare
      ? [afterHoursShareReason(share, 'amber', t.amberAfterHoursShare)]
      : []),
  ];
}

function sharesJudged(indicators: WorkloadIndicators): boolean {
  return indicators.totalWorkedMinutes >= RISK_THRESHOLDS.minWorkedMinutesForShares;
}

/** A day both weekend and holiday counts once. */
function weekendOrHolidayDays(days: readonly WorkloadDay[]): number {
  return days.filter((day) => day.workedMinutes > 0 && (day.weekend || day.holiday)).length;
}

function runReason(code: 'working_run_fortnight', run: Run): RiskReason {
  return riskReason(code, { days: run.length, firstDate: run.first, lastDate: run.last });
}

function afterHoursShareReason(
  afterHoursShare: number,
  severity: 'red' | 'amber',
  thresholdShare: number,
): RiskReason {
  return riskReason('after_hours_share', { severity, afterHoursShare, thresholdShare });
}

/** A reason of the report's own, worded by `risk.<code>`. */
function riskReason<C extends ReportRiskReason['code']>(
  code: C,
  figures: Omit<Extract<ReportRiskReason, { code: C }>, 'code'>,
): RiskReason {
  return outcome('risk', code, figures) as RiskReason;
}

function breakdownShares(
  breakdown: NonNullable<WorkloadInput['breakdown']>,
): NonNullable<WorkloadReport['breakdown']> {
  const withShares = <T extends { workedMinutes: number }>(rows: readonly T[]) => {
    const total = sum(rows.map((row) => row.workedMinutes));
    return rows
      .map((row) => ({ ...row, share: ratio(row.workedMinutes, total) }))
      .sort((a, b) => b.workedMinutes - a.workedMinutes);
  };
  return {
    activities: withShares(breakdown.activities),
    clients: withShares(breakdown.clients),
  };
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
