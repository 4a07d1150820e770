/**
 * The workload report as rows for people: the CSV's table of days and the figures the PDF
 * prints. Plain values in, plain values out; words come from the report texts.
 */
import { DateTime } from 'luxon';
import { type CsvCell, type CsvLocale, toCsv } from '../exports/csv';
import { formatDate, formatDecimal, formatPercent } from '../common/format';
import { formatMinutes } from '../interventions/guardrails';
import { daysOf } from './report-period';
import { fill, type ReportTexts } from './report-template';
import type { WorkloadReportData } from './workload-report.service';
import type { WorkloadDay } from './workload-indicators';

/** Minutes as decimal hours, two decimals at most: 510 → 8.5. */
export function decimalHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** "14:05" in the practice's zone. */
export function localTime(instant: string, timezone: string): string {
  return DateTime.fromISO(instant, { zone: timezone }).toFormat('HH:mm');
}

/** A share 0..1 as "12,5 %", one decimal at most. */
export function sharePercent(share: number, locale: CsvLocale): string {
  return formatPercent(Math.round(share * 1000) / 10, locale);
}

/** The day's flags in words: short rest, over the daily maximum, weekend, holiday… */
export function dayFlags(day: WorkloadDay, texts: ReportTexts): string {
  const f = texts.workload.flags;
  return [
    day.shortRest ? f.shortRest : null,
    day.overDailyMax ? f.overDailyMax : null,
    day.overUrgentLimit ? f.overUrgentLimit : null,
    day.weekend ? f.weekend : null,
    day.holiday ? f.holiday : null,
  ]
    .filter((flag): flag is string => flag !== null)
    .join(', ');
}

export function isFlagged(day: WorkloadDay): boolean {
  return day.shortRest || day.overDailyMax || day.overUrgentLimit || day.weekend || day.holiday;
}

/**
 * Every day of the period, days off included (they are the rest that the report is about),
 * one row each: hours as decimals in the locale's mark, times in the practice's zone.
 */
export function workloadCsv(
  data: WorkloadReportData,
  texts: ReportTexts,
  locale: CsvLocale,
): string {
  const c = texts.workload.columns;
  const header = [
    c.date,
    c.week,
    c.worked,
    c.afterHours,
    c.urgent,
    c.clients,
    c.firstStart,
    c.lastEnd,
    c.restBeforeNext,
    c.weekend,
    c.dayOff,
    c.flags,
  ];
  const worked = new Map(data.days.map((day) => [day.date, day]));
  const daysOff = new Set(data.daysOff.map((day) => day.date));
  const rows = daysOf(data).map((date): CsvCell[] => {
    const day = worked.get(date);
    const weekend = day ? day.weekend : [6, 7].includes(DateTime.fromISO(date).weekday);
    return [
      locale === 'fr' ? formatDate(date, 'fr') : date,
      DateTime.fromISO(date).toFormat("kkkk-'W'WW"),
      decimalHours(day?.workedMinutes ?? 0),
      decimalHours(day?.afterHoursMinutes ?? 0),
      day?.urgentInterruptions ?? 0,
      day?.clients ?? 0,
      day ? localTime(day.firstStart, data.timezone) : null,
      day ? localTime(day.lastEnd, data.timezone) : null,
      day?.restBeforeNextMinutes != null ? decimalHours(day.restBeforeNextMinutes) : null,
      weekend ? texts.yes : texts.no,
      daysOff.has(date) ? texts.yes : texts.no,
      day ? dayFlags(day, texts) : null,
    ];
  });
  return toCsv([header, ...rows], { locale });
}

/** The indicators of the first page, as label and value. */
export function indicatorRows(
  data: WorkloadReportData,
  texts: ReportTexts,
  locale: CsvLocale,
): [string, string][] {
  const t = texts.workload.indicator;
  const i = data.indicators;
  const h = formatMinutes;
  // Counts group their thousands as the reader does ("3 652" days over ten years in French).
  const count = (n: number) => formatDecimal(n, locale, 0);
  const perDay = formatDecimal(i.urgentPerWorkingDay, locale, 1);
  return [
    [t.totalWorked, h(i.totalWorkedMinutes)],
    [t.workingDays, count(i.workingDays)],
    [t.afterHours, `${h(i.totalAfterHoursMinutes)} (${sharePercent(i.afterHoursShare, locale)})`],
    [t.urgent, `${count(i.urgentInterruptions)} (${perDay})`],
    [fill(t.weeksOverLimit, { hours: h(data.limits.maxWeeklyMinutes) }), count(i.weeksOverLimit)],
    [fill(t.weeksOverAlert, { hours: h(data.limits.alertWeeklyMinutes) }), count(i.weeksOverAlert)],
    [fill(t.shortRestDays, { hours: h(data.limits.minDailyRestMinutes) }), count(i.shortRestDays)],
    [t.weekendDays, count(i.weekendDaysWorked)],
    [t.holidayDays, count(i.holidayDaysWorked)],
    [t.longestRun, count(i.longestRunOfWorkingDays)],
    [
      fill(t.daysOverDailyMax, { hours: h(data.limits.maxDailyMinutes) }),
      count(i.daysOverDailyMax),
    ],
  ];
}
