/**
 * Periods a report may cover, checked before any query runs: a start not after the end, and
 * not longer than the rules accept (ten years and a few days, so any ten calendar years fit).
 */
import { addDays, isValidLocalDate, publicHolidays } from '../calendar';
import type { CalendarSettings } from '../common/domain';
import { DomainError } from '../common/domain-error';
import { monthNumber } from '../invoicing/math';

export const MAX_REPORT_DAYS = 3660;
export const MAX_REPORT_MONTHS = 120;

export interface DayPeriod {
  from: string;
  to: string;
}

export function assertDayPeriod(period: DayPeriod): void {
  const { from, to } = period;
  if (!isValidLocalDate(from) || !isValidLocalDate(to)) {
    throw periodError('from', 'from and to must be calendar days YYYY-MM-DD', {
      reason: 'not_days',
    });
  }
  if (from > to) {
    throw periodError('to', `the period ends (${to}) before it starts (${from})`, {
      reason: 'order',
      from,
      to,
    });
  }
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_REPORT_DAYS) {
    throw periodError('to', `the period is ${days} days long; at most ${MAX_REPORT_DAYS}`, {
      reason: 'too_many_days',
      days,
      maxDays: MAX_REPORT_DAYS,
    });
  }
}

export function assertMonthPeriod(period: DayPeriod): void {
  const { from, to } = period;
  if (from > to) {
    throw periodError('to', `the period ends (${to}) before it starts (${from})`, {
      reason: 'order',
      from,
      to,
    });
  }
  const months = monthNumber(to) - monthNumber(from) + 1;
  if (months > MAX_REPORT_MONTHS) {
    throw periodError('to', `the period is ${months} months long; at most ${MAX_REPORT_MONTHS}`, {
      reason: 'too_many_months',
      months,
      maxMonths: MAX_REPORT_MONTHS,
    });
  }
}

function periodError(field: string, message: string, figures: object): DomainError {
  return new DomainError('invalid.period', message, [{ field, message, ...figures }]);
}

/** Every day of the period, in order. */
export function daysOf(period: DayPeriod): string[] {
  const days = [period.from];
  while (days[days.length - 1] < period.to) days.push(addDays(days[days.length - 1], 1));
  return days;
}

export interface DayOff {
  date: string;
  /** The holiday's French name, or "closure" for the practice's own closure days. */
  name: string;
  kind: 'holiday' | 'closure';
}

/** Public holidays of the practice's calendar and its closure days within the period. */
export function daysOffIn(period: DayPeriod, calendar: CalendarSettings): DayOff[] {
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const holidays: DayOff[] = [];
  for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
    for (const holiday of publicHolidays(year, calendar.holidayCalendar)) {
      if (inPeriod(holiday.date)) holidays.push({ ...holiday, kind: 'holiday' });
    }
  }
  const closures = calendar.closures
    .filter(inPeriod)
    .map((date): DayOff => ({ date, name: 'closure', kind: 'closure' }));
  return [...holidays, ...closures].sort((a, b) => a.date.localeCompare(b.date));
}
