/**
 * The rules of the working-time limits that read each local day's figures (guardrails.ts names
 * them): weekly totals and averages, daily limits, days in a row, days off, night, after-hours
 * and urgent interruptions, over arrays indexed by day number (GuardrailJudge's).
 */
import type { GuardrailLimits } from '../common/domain';
import { isoWeekOf, warning, type Warning } from './guardrails';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/** Each local day's figures, index 0 being day number `base`. */
export interface DayTable {
  readonly base: number;
  readonly limits: GuardrailLimits;
  readonly workedMs: number[];
  readonly afterHours: number[];
  readonly nightMinutes: number[];
  readonly urgentStarts: number[];
}

export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

export function dayOfNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The Monday (as a day number) of the ISO week of a day number: 1970-01-01 was a Thursday. */
export function mondayOfNumber(n: number): number {
  return n - ((n + 3) % 7);
}

export function figure(t: DayTable, values: readonly number[], n: number): number {
  const k = n - t.base;
  return k >= 0 && k < values.length ? values[k] : 0;
}

export function weekSum(t: DayTable, values: readonly number[], monday: number): number {
  let sum = 0;
  for (let n = monday; n < monday + 7; n++) sum += figure(t, values, n);
  return sum;
}

export function weeklyTotal(t: DayTable, monday: number): Warning[] {
  const week = isoWeekOf(dayOfNumber(monday));
  const workedMinutes = toMinutes(weekSum(t, t.workedMs, monday));
  const { maxWeeklyMinutes, alertWeeklyMinutes } = t.limits;
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

export function average(t: DayTable, monday: number): Warning[] {
  const weeks = Math.max(1, t.limits.averageWeeks);
  const firstMonday = monday - 7 * (weeks - 1);
  let totalMs = 0;
  for (let m = firstMonday; m <= monday; m += 7) totalMs += weekSum(t, t.workedMs, m);
  const averageMinutes = toMinutes(totalMs / weeks);
  const limitMinutes = t.limits.maxAverageWeeklyMinutes;
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

export function dailyLimit(t: DayTable, n: number): Warning[] {
  const workedMinutes = toMinutes(figure(t, t.workedMs, n));
  const limitMinutes = t.limits.maxDailyMinutes;
  if (workedMinutes <= limitMinutes) return [];
  return [warning({ code: 'daily_limit', date: dayOfNumber(n), workedMinutes, limitMinutes })];
}

export function consecutiveDays(t: DayTable, days: readonly number[]): Warning[] {
  const worked = (n: number) => figure(t, t.workedMs, n) > 0;
  const limit = t.limits.maxConsecutiveWorkDays;
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

export function daysOff(t: DayTable, monday: number): Warning[] {
  let daysOff = 0;
  for (let n = monday; n < monday + 7; n++) if (figure(t, t.workedMs, n) === 0) daysOff++;
  const limit = t.limits.minWeeklyDaysOff;
  if (daysOff >= limit) return [];
  return [
    warning({ code: 'weekly_days_off', week: isoWeekOf(dayOfNumber(monday)), daysOff, limit }),
  ];
}

export function night(t: DayTable, monday: number): Warning[] {
  const nightMinutes = Math.round(weekSum(t, t.nightMinutes, monday));
  const limitMinutes = t.limits.maxNightMinutesPerWeek;
  if (nightMinutes <= limitMinutes) return [];
  const week = isoWeekOf(dayOfNumber(monday));
  return [warning({ code: 'night_limit', week, nightMinutes, limitMinutes })];
}

export function afterHoursOver(t: DayTable, monday: number): Warning[] {
  const afterHoursMinutes = Math.round(weekSum(t, t.afterHours, monday));
  const limitMinutes = t.limits.maxAfterHoursMinutesPerWeek;
  if (afterHoursMinutes <= limitMinutes) return [];
  const week = isoWeekOf(dayOfNumber(monday));
  return [warning({ code: 'after_hours_limit', week, afterHoursMinutes, limitMinutes })];
}

export function urgent(t: DayTable, n: number): Warning[] {
  const interruptions = figure(t, t.urgentStarts, n);
  const limit = t.limits.maxUrgentInterruptionsPerDay;
  if (interruptions <= limit) return [];
  return [warning({ code: 'urgent_interruptions', date: dayOfNumber(n), interruptions, limit })];
}

export function toMinutes(ms: number): number {
  return Math.round(ms / MS_PER_MINUTE);
}
