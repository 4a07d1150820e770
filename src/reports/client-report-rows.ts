/**
 * The client report as rows: one per contract and month, the figures the CSV carries and the
 * PDF's tables print. Hours as decimals (the locale's mark is toCsv's business).
 */
import { DateTime } from 'luxon';
import type { FormatLocale } from '../common/format';
import { type CsvCell, type CsvLocale, toCsv } from '../exports/csv';
import type { AutonomyMonthView } from '../coaching/dto/autonomy.dto';
import { catalogue } from '../i18n';
import type { ClientReportData, ClientReportMonth } from './client-report.service';
import type { ReportTexts } from './report-template';
import { decimalHours } from './workload-rows';

/** "mars 2026" / "March 2026". */
export function monthName(month: string, locale: FormatLocale): string {
  return DateTime.fromISO(`${month}-01`).setLocale(locale).toFormat('LLLL yyyy');
}

/** "2 / 5", "3 / illimité": units used against the month's quota. */
export function quotaText(
  level: ClientReportMonth['quotas'][keyof ClientReportMonth['quotas']],
  texts: ReportTexts,
): string {
  return `${level.used} / ${level.quota ?? texts.client.quotas.unlimited}`;
}

/** The client's autonomy of the month, the same on each of its contracts' rows. */
const AUTONOMY_COLUMNS = [
  'coaching.report.deflectionRate',
  'coaching.report.repeatRate',
  'coaching.report.hoursSaved',
];

function autonomyCells(month: AutonomyMonthView | undefined): CsvCell[] {
  if (!month) return [null, null, null];
  return [month.deflectionRate, month.repeatRate, decimalHours(month.minutesSaved)];
}

export function clientReportCsv(
  data: ClientReportData,
  texts: ReportTexts,
  locale: CsvLocale,
): string {
  const c = texts.client.columns;
  const header = [
    ...[c.month, c.contract, c.mode, c.used, c.included, c.rolloverAvailable, c.overage],
    ...[c.prepaidRemaining, c.quotaLow, c.quotaNormal, c.quotaHigh, c.quotaCritical],
    ...[c.requests, c.slaMet, c.slaMissed, c.slaPending, c.falseUrgencies, c.deflections],
    ...AUTONOMY_COLUMNS.map((key) => catalogue().format(locale, key)),
  ];
  const autonomy = new Map(data.autonomy.months.map((m) => [m.month, m]));
  const rows = data.contracts.flatMap((contract) =>
    contract.months.map((m): CsvCell[] => {
      const figures = m.consumption;
      return [
        m.month,
        contract.reference,
        texts.client.modes[contract.mode],
        decimalHours(figures.usedMinutes),
        contract.mode === 'retainer' ? decimalHours(figures.includedMinutes) : null,
        contract.mode === 'retainer' ? decimalHours(figures.rolloverMinutes) : null,
        decimalHours(figures.overageMinutes),
        figures.prepaidRemainingMinutes === undefined
          ? null
          : decimalHours(figures.prepaidRemainingMinutes),
        quotaText(m.quotas.low, texts),
        quotaText(m.quotas.normal, texts),
        quotaText(m.quotas.high, texts),
        quotaText(m.quotas.critical, texts),
        m.requests,
        m.sla.met,
        m.sla.missed,
        m.sla.pending,
        m.falseUrgencies,
        m.deflections,
        ...autonomyCells(autonomy.get(m.month)),
      ];
    }),
  );
  return toCsv([header, ...rows], { locale });
}
