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
  const byDate = indexDays(input.days, calendar);
  const holidays = new Set(input.holidays);
  const found = new Findings(input.warnings);
  // Day k of the period is a Monday when (firstWeekday + k) % 7 is 0.
  const firstWeekday = (((Date.parse(`${input.from}T00:00:00Z`) / MS_PER_DAY + 3) % 7) + 7) % 7;
  const days: WorkloadDay[] = [];
  calendar.forEach((date, k) => {
    const day = byDate.get(date);
    if (!day) return;
    const next = k + 1 < calendar.length ? byDate.get(calendar[k + 1]) : undefined;
    const weekday = (firstWeekday + k) % 7;
    days.push(flagDay(day, next, weekday >= 5, holidays, found));
  });
  const weeks = weekTotals(calendar, firstWeekday, byDate, found);
  const runs = workingRuns(calendar, byDate);
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
  const days: string[] = [];
  for (let k = 0; k < count; k++) {
    days.push(new Date(first + k * MS_PER_DAY).toISOString().slice(0, 10));
  }
  return days;
}

/** The days with work by date; each must be a day of the period (`calendar`), once. */
function indexDays(
  days: readonly WorkloadDayInput[],
  calendar: readonly string[],
): Map<string, WorkloadDayInput> {
  const inPeriod = new Set(calendar);
  const byDate = new Map<string, WorkloadDayInput>();
  for (const day of days) {
    if (!inPeriod.has(day.date)) {
      const [from, to] = [calendar[0], calendar[calendar.length - 1]];
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

/** The guardrails' warnings, by code and by the day or week each names. */
class Findings {
  private readonly keys = new Set<string>();

  constructor(readonly warnings: readonly Warning[]) {
    for (const w of warnings) {
      if ('date' in w) this.keys.add(`${w.code} ${w.date}`);
      if ('week' in w) this.keys.add(`${w.code} ${w.week}`);
    }
  }

  has(code: Warning['code'], dayOrWeek: string): boolean {
    return this.keys.has(`${code} ${dayOrWeek}`);
  }
}

function flagDay(
  day: WorkloadDayInput,
  next: WorkloadDayInput | undefined,
  weekend: boolean,
  holidays: ReadonlySet<string>,
  found: Findings,
): WorkloadDay {
  // Written out rather than spread: a day of the report is copied thousands of times.
  const flagged: WorkloadDay = {
    date: day.date,
    workedMinutes: day.workedMinutes,
    afterHoursMinutes: day.afterHoursMinutes,
    urgentInterruptions: day.urgentInterruptions,
    clients: day.clients,
    firstStart: day.firstStart,
    lastEnd: day.lastEnd,
    restBeforeNextMinutes: restBetween(day, next),
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
function restBetween(day: WorkloadDayInput, next: WorkloadDayInput | undefined): number | null {
  const nextStart = next && (next.newWorkStart === undefined ? next.firstStart : next.newWorkStart);
  if (!nextStart) return null;
  const end = day.workEnd ?? day.lastEnd;
  return Math.max(0, Math.round((Date.parse(nextStart) - Date.parse(end)) / 60_000));
}

function weekTotals(
  calendar: readonly string[],
  firstWeekday: number,
  byDate: ReadonlyMap<string, WorkloadDayInput>,
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
    const day = byDate.get(date);
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
