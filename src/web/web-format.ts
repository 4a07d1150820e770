import { DateTime } from 'luxon';
import { formatDate, formatMoney, formatPercent } from '../common/format';
import { formatMinutes } from '../interventions/guardrails';
import type { WebLocale } from './i18n';

/** What templates use to show figures: the same formatters as invoices and reports. */
export function formatters(locale: WebLocale, timezone = 'Europe/Paris') {
  const at = (instant: Date | string | null | undefined) =>
    instant ? DateTime.fromJSDate(new Date(instant)).setZone(timezone) : null;
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
    hours: (minutes: number) => formatMinutes(minutes),
    percent: (p: number) => formatPercent(p, locale),
  };
}
