/**
 * Workload report rules: the flags, weekly totals, indicators and risk level computed on top of
 * the per-day aggregates that SQL returns. Days are the practice's local days 'YYYY-MM-DD';
 * weeks are ISO weeks (Monday first). Thresholds are in RISK_THRESHOLDS and docs/workload.md.
 */
import { DateTime } from 'luxon';
import { addDays, isValidLocalDate, weekdayOf } from '../calendar';
import type { GuardrailLimits } from '../common/domain';
import { outcome } from '../common/outcome';
import { warning } from '../interventions/guardrails';

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

/** The report's own thresholds; the others are the practice's GuardrailLimits. */
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

export function workloadIndicators(input: WorkloadInput): WorkloadReport {
  const calendar = periodDays(input.from, input.to);
  const byDate = indexDays(input.days, input.from, input.to);
  const holidays = new Set(input.holidays);
  const days = [...byDate.values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => flagDay(day, byDate.get(addDays(day.date, 1)), holidays, input.limits));
  const weeks = weekTotals(calendar, byDate, input.limits);
  const runs = workingRuns(calendar, byDate);
  const indicators = computeIndicators(days, weeks, runs, input.urgentMinutes);
  const report: WorkloadReport = {
    days,
    weeks,
    indicators,
    risk: assessRisk(days, weeks, runs, indicators, input.limits),
  };
  if (input.breakdown) report.breakdown = breakdownShares(input.breakdown);
  return report;
}

function periodDays(from: string, to: string): string[] {
  for (const day of [from, to]) {
    if (!isValidLocalDate(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): "${day}"`);
  }
  if (from > to) throw new RangeError(`The period ends (${to}) before it starts (${from})`);
  const days = [from];
  while (days[days.length - 1] < to) {
    if (days.length >= MAX_PERIOD_DAYS) throw new RangeError('The period is longer than 10 years');
    days.push(addDays(days[days.length - 1], 1));
  }
  return days;
}

function indexDays(
  days: readonly WorkloadDayInput[],
  from: string,
  to: string,
): Map<string, WorkloadDayInput> {
  const byDate = new Map<string, WorkloadDayInput>();
  for (const day of days) {
    if (!isValidLocalDate(day.date) || day.date < from || day.date > to) {
      throw new RangeError(`Day ${day.date} is outside the period ${from} to ${to}`);
    }
    if (byDate.has(day.date)) throw new RangeError(`Day ${day.date} is given twice`);
    for (const instant of [day.firstStart, day.lastEnd, day.workEnd, day.newWorkStart]) {
      if (instant != null && Number.isNaN(Date.parse(instant))) {
        throw new RangeError(`Day ${day.date}: "${instant}" is not an ISO instant`);
      }
    }
    byDate.set(day.date, day);
  }
  return byDate;
}

function flagDay(
  day: WorkloadDayInput,
  next: WorkloadDayInput | undefined,
  holidays: ReadonlySet<string>,
  limits: GuardrailLimits,
): WorkloadDay {
  const restBeforeNextMinutes = restBetween(day, next);
  const weekday = weekdayOf(day.date);
  return {
    ...day,
    restBeforeNextMinutes,
    weekend: weekday === 'sat' || weekday === 'sun',
    holiday: holidays.has(day.date),
    shortRest: restBeforeNextMinutes !== null && restBeforeNextMinutes < limits.minDailyRestMinutes,
    overDailyMax: day.workedMinutes > limits.maxDailyMinutes,
    overUrgentLimit: day.urgentInterruptions > limits.maxUrgentInterruptionsPerDay,
  };
}

/**
 * From the end of the day's work (after midnight when it ran past it) to the next day's first
 * new start. Work running past that start leaves no rest at all: 0, never negative.
 */
function restBetween(day: WorkloadDayInput, next: WorkloadDayInput | undefined): number | null {
  const nextStart = next && (next.newWorkStart === undefined ? next.firstStart : next.newWorkStart);
  if (!nextStart) return null;
  const end = day.workEnd ?? day.lastEnd;
  return Math.max(0, Math.round((Date.parse(nextStart) - Date.parse(end)) / 60_000));
}

function weekTotals(
  calendar: readonly string[],
  byDate: ReadonlyMap<string, WorkloadDayInput>,
  limits: GuardrailLimits,
): WorkloadWeek[] {
  const weeks = new Map<string, WorkloadWeek>();
  for (const date of calendar) {
    const iso = DateTime.fromISO(date, { zone: 'utc' });
    const key = iso.toFormat("kkkk-'W'WW");
    const week = weeks.get(key) ?? emptyWeek(key, iso.startOf('week').toISODate()!);
    const day = byDate.get(date);
    week.daysInRange += 1;
    week.workedMinutes += day?.workedMinutes ?? 0;
    week.afterHoursMinutes += day?.afterHoursMinutes ?? 0;
    if (!day || day.workedMinutes === 0) week.daysOff += 1;
    weeks.set(key, week);
  }
  return [...weeks.values()].map((week) => ({
    ...week,
    partial: week.daysInRange < 7,
    overAlert: week.workedMinutes > limits.alertWeeklyMinutes,
    overMax: week.workedMinutes > limits.maxWeeklyMinutes,
    overAfterHoursLimit: week.afterHoursMinutes > limits.maxAfterHoursMinutesPerWeek,
    // Days before or after the period are unknown: a partial week cannot be judged.
    tooFewDaysOff: week.daysInRange === 7 && week.daysOff < limits.minWeeklyDaysOff,
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
  byDate: ReadonlyMap<string, WorkloadDayInput>,
): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const date of calendar) {
    const worked = (byDate.get(date)?.workedMinutes ?? 0) > 0;
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
  weeks: readonly WorkloadWeek[],
  runs: readonly Run[],
  indicators: WorkloadIndicators,
  limits: GuardrailLimits,
): WorkloadReport['risk'] {
  const red = redReasons(days, weeks, runs, indicators, limits);
  const amber = amberReasons(days, weeks, runs, indicators, limits);
  if (red.length > 0) return { level: 'red', reasons: [...red, ...amber] };
  if (amber.length > 0) return { level: 'amber', reasons: amber };
  return { level: 'green', reasons: [riskReason('within_limits', {})] };
}

function redReasons(
  days: readonly WorkloadDay[],
  weeks: readonly WorkloadWeek[],
  runs: readonly Run[],
  indicators: WorkloadIndicators,
  limits: GuardrailLimits,
): RiskReason[] {
  const t = RISK_THRESHOLDS;
  const shortRests = days.filter((day) => day.shortRest).length;
  return [
    ...weeks
      .filter((week) => week.overMax)
      .map((week) => weekHours('weekly_limit', week, limits.maxWeeklyMinutes)),
    ...(shortRests >= t.redShortRestDays
      ? [riskReason('short_rests', { days: shortRests, limitMinutes: limits.minDailyRestMinutes })]
      : []),
    ...runs
      .filter((run) => run.length >= t.redRunOfWorkingDays)
      .map((run) => runReason('working_run_fortnight', run)),
    ...(sharesJudged(indicators) && indicators.afterHoursShare > t.redAfterHoursShare
      ? [afterHoursShareReason(indicators.afterHoursShare, 'red', t.redAfterHoursShare)]
      : []),
  ];
}

function amberReasons(
  days: readonly WorkloadDay[],
  weeks: readonly WorkloadWeek[],
  runs: readonly Run[],
  indicators: WorkloadIndicators,
  limits: GuardrailLimits,
): RiskReason[] {
  const t = RISK_THRESHOLDS;
  const offDays = weekendOrHolidayDays(days);
  const share = sharesJudged(indicators) ? indicators.afterHoursShare : 0;
  return [
    ...weeks
      .filter((week) => week.overAlert && !week.overMax)
      .map((week) => weekHours('weekly_alert', week, limits.alertWeeklyMinutes)),
    ...days.filter((day) => day.shortRest).map((day) => shortRest(day, limits)),
    ...runs
      .filter((run) => run.length >= t.amberRunOfWorkingDays && run.length < t.redRunOfWorkingDays)
      .map((run) => runReason('working_run', run)),
    ...days
      .filter((day) => day.overDailyMax)
      .map((day) =>
        warning({
          code: 'daily_limit',
          date: day.date,
          workedMinutes: day.workedMinutes,
          limitMinutes: limits.maxDailyMinutes,
        }),
      ),
    ...(offDays >= t.amberWeekendOrHolidayDays
      ? [riskReason('weekend_or_holiday_days', { days: offDays })]
      : []),
    ...(share > t.amberAfterHoursShare && share <= t.redAfterHoursShare
      ? [afterHoursShareReason(share, 'amber', t.amberAfterHoursShare)]
      : []),
    ...limitReasons(days, weeks, limits),
  ];
}

/** The other practice limits: breaking any of them is worth a look. */
function limitReasons(
  days: readonly WorkloadDay[],
  weeks: readonly WorkloadWeek[],
  limits: GuardrailLimits,
): RiskReason[] {
  return [
    ...weeks
      .filter((week) => week.overAfterHoursLimit)
      .map((week) =>
        warning({
          code: 'after_hours_limit',
          week: week.week,
          afterHoursMinutes: week.afterHoursMinutes,
          limitMinutes: limits.maxAfterHoursMinutesPerWeek,
        }),
      ),
    ...weeks
      .filter((week) => week.tooFewDaysOff)
      .map((week) =>
        warning({
          code: 'weekly_days_off',
          week: week.week,
          daysOff: week.daysOff,
          limit: limits.minWeeklyDaysOff,
        }),
      ),
    ...days
      .filter((day) => day.overUrgentLimit)
      .map((day) =>
        warning({
          code: 'urgent_interruptions',
          date: day.date,
          interruptions: day.urgentInterruptions,
          limit: limits.maxUrgentInterruptionsPerDay,
        }),
      ),
  ];
}

function sharesJudged(indicators: WorkloadIndicators): boolean {
  return indicators.totalWorkedMinutes >= RISK_THRESHOLDS.minWorkedMinutesForShares;
}

/** A day both weekend and holiday counts once. */
function weekendOrHolidayDays(days: readonly WorkloadDay[]): number {
  return days.filter((day) => day.workedMinutes > 0 && (day.weekend || day.holiday)).length;
}

/** A week's hours over a limit read as the guardrail's warning for that week. */
function weekHours(
  code: 'weekly_limit' | 'weekly_alert',
  week: WorkloadWeek,
  limitMinutes: number,
): RiskReason {
  return warning({ code, week: week.week, workedMinutes: week.workedMinutes, limitMinutes });
}

/** The rest after a day is the rest before the next one, as the guardrail says it. */
function shortRest(day: WorkloadDay, limits: GuardrailLimits): RiskReason {
  return warning({
    code: 'daily_rest',
    date: addDays(day.date, 1),
    restMinutes: day.restBeforeNextMinutes ?? 0,
    limitMinutes: limits.minDailyRestMinutes,
  });
}

function runReason(code: 'working_run' | 'working_run_fortnight', run: Run): RiskReason {
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
