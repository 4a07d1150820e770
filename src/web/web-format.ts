import { DateTime } from 'luxon';
import { formatDate, formatMoney, formatPercent } from '../common/format';
import { catalogue } from '../i18n';
import { formatMinutes } from '../interventions/guardrails';
import type { WebLocale } from './i18n';

/** A calendar day 'YYYY-MM-DD' (or a month 'YYYY-MM') as luxon reads it, in no zone. */
const calendarDay = (day: string) => DateTime.fromISO(day, { zone: 'UTC' });

/** What templates use to show figures: the same formatters as invoices and reports. */
export function formatters(locale: WebLocale, timezone = 'Europe/Paris') {
  const at = (instant: Date | string | null | undefined) =>
    instant ? DateTime.fromJSDate(new Date(instant)).setZone(timezone) : null;
  /** "1er décembre", "30 novembre" (fr); "1 December" (en): the day and the month's name. */
  const dayMonth = (day: string, withYear = false) => {
    const d = calendarDay(day);
    return catalogue().format(
      locale,
      withYear ? 'chrome.date.dayMonthYear' : 'chrome.date.dayMonth',
      {
        day: d.day,
        month: d.setLocale(locale).toFormat('LLLL'),
        year: String(d.year),
      },
    );
  };
  return {
    money: (cents: number) => formatMoney(cents, locale),
    date: (day: string | null | undefined) => (day ? formatDate(day, locale) : ''),
    dateTime: (instant: Date | string | null | undefined) =>
      at(instant)?.toFormat(locale === 'fr' ? 'dd/MM/yyyy HH:mm' : 'd LLL yyyy HH:mm', {
        locale,
      }) ?? '',
    time: (instant: Date | string | null | undefined) => at(instant)?.toFormat('HH:mm') ?? '',
    day: (instant: Date | string | null | undefined) =>
      at(instant)?.toFormat('cccc d LLL', { locale }) ?? '',
    dayMonth: (day: string) => dayMonth(day),
    /** "30 nov.", "30 Nov": a day under a chart's bar. */
    shortDay: (day: string) => calendarDay(day).setLocale(locale).toFormat('d LLL'),
    dayMonthYear: (day: string) => dayMonth(day, true),
    /** The week by its Monday, in words: "semaine du 30 novembre", "week of 30 November". */
    week: (monday: string) =>
      catalogue().format(locale, 'chrome.week.of', { day: dayMonth(monday) }),
    /** A month 'YYYY-MM' in words: "décembre 2026", "December 2026". */
    month: (month: string) => calendarDay(month).setLocale(locale).toFormat('LLLL yyyy'),
    hours: (minutes: number) => formatMinutes(minutes),
    percent: (p: number) => formatPercent(p, locale),
  };
}
