/**
 * The client report as an A4 PDF: per contract, consumption month by month against the
 * included (or prepaid) hours as bars with a line, then quotas and response times, and the
 * invoices of the period with what is still owed.
 */
import {
  formatDate,
  formatDecimal,
  formatMoney,
  formatPercent,
  type FormatLocale,
} from '../../common/format';
import { URGENCY_LEVELS } from '../../common/domain';
import { catalogue } from '../../i18n';
import { formatMinutes } from '../../interventions/guardrails';
import type { ClientReportContract, ClientReportData } from '../client-report.service';
import { monthName, quotaText } from '../client-report-rows';
import { fill, loadReportTemplate, type ReportTexts } from '../report-template';
import type { BarChart, ChartSeries } from '../../documents/charts';
import { write } from '../../documents/sheet';
import {
  type Edition,
  finishReport,
  heading,
  openReport,
  reportChart,
  type ReportColumn,
  type ReportSheet as Sheet,
  table,
  writeTitle,
} from './report-sheet';

export interface ClientReportPdfContext extends Edition {
  templatesDir?: string;
}

export async function renderClientReportPdf(
  data: ClientReportData,
  ctx: ClientReportPdfContext,
): Promise<Buffer> {
  const { layout, texts } = loadReportTemplate(ctx.locale, ctx.templatesDir);
  const title = fill(texts.client.title, { client: data.clientName });
  const report = openReport(layout, ctx.locale, title);
  const { sheet } = report;
  const period = fill(texts.client.period, {
    from: monthName(data.from, ctx.locale),
    to: monthName(data.to, ctx.locale),
  });
  let y = writeTitle(sheet, title, [`${ctx.practiceName} · ${period}`]);
  y = drawService(sheet, y, data, texts, ctx.locale);
  y = drawAutonomy(sheet, y, data, ctx.locale);
  for (const contract of data.contracts) y = drawContract(sheet, y, contract, texts, ctx.locale);
  drawInvoices(sheet, y, data, texts, ctx.locale);
  return finishReport(report, texts, ctx);
}

/** The period in one sentence: how many responses were on time. */
function drawService(
  sheet: Sheet,
  y: number,
  data: ClientReportData,
  texts: ReportTexts,
  locale: FormatLocale,
): number {
  const t = texts.client;
  const top = heading(sheet, t.service.title, y);
  const { totals } = data;
  const judged = totals.sla.met + totals.sla.missed;
  const c = t.columns;
  const sentence =
    totals.requests === 0
      ? t.service.noRequest
      : fill(t.service.compliance, {
          met: totals.sla.met,
          answered: judged,
          percent:
            totals.slaCompliance === null
              ? texts.none
              : formatPercent(Math.round(totals.slaCompliance * 1000) / 10, locale),
        });
  const lines = [
    sentence,
    [
      labelled(c.requests, formatDecimal(totals.requests, locale, 0), locale),
      labelled(c.falseUrgencies, formatDecimal(totals.falseUrgencies, locale, 0), locale),
      labelled(c.deflections, formatDecimal(totals.deflections, locale, 0), locale),
    ].join(' · '),
  ];
  const size = sheet.layout.fontSizes.body;
  return (
    lines.reduce(
      (cursor, line) =>
        write(sheet, line, { x: sheet.left, y: cursor, width: sheet.width }, { size }) + 2,
      top,
    ) + 10
  );
}

/** The client's autonomy month by month, the coaching service's figures as they are. */
function drawAutonomy(
  sheet: Sheet,
  y: number,
  data: ClientReportData,
  locale: FormatLocale,
): number {
  const t = (key: string, values?: Record<string, string | number>) =>
    catalogue().format(locale, `coaching.report.${key}`, values);
  const top = heading(sheet, t('title'), y);
  const { totals } = data.autonomy;
  const rate = (r: number | null) =>
    r === null ? '—' : formatPercent(Math.round(r * 1000) / 10, locale);
  const line = t('summary', {
    n: totals.deflections,
    rate: rate(totals.deflectionRate),
    saved: formatMinutes(totals.minutesSaved),
  });
  const size = sheet.layout.fontSizes.body;
  const below = write(sheet, line, { x: sheet.left, y: top, width: sheet.width }, { size }) + 4;
  const n = (header: string): ReportColumn => ({ header, width: 1, align: 'right' });
  const rows = data.autonomy.months.map((m) => [
    monthName(m.month, locale),
    String(m.requests),
    String(m.deflections),
    rate(m.deflectionRate),
    rate(m.repeatRate),
    rate(m.falseUrgencyRate),
    formatMinutes(m.minutesSaved),
  ]);
  return table(
    sheet,
    below,
    [
      { header: t('month'), width: 1.4 },
      ...[
        'requests',
        'deflections',
        'deflectionRate',
        'repeatRate',
        'falseUrgencyRate',
        'saved',
      ].map((key) => n(t(key))),
    ],
    rows,
  );
}

function drawContract(
  sheet: Sheet,
  y: number,
  contract: ClientReportContract,
  texts: ReportTexts,
  locale: FormatLocale,
): number {
  const t = texts.client;
  let top = heading(
    sheet,
    `${fill(t.contract, { reference: contract.reference, title: contract.title })} — ${t.modes[contract.mode]}`,
    y,
    220,
  );
  if (contract.months.length === 0) return top;
  top = reportChart(sheet, top, consumptionChart(contract, texts));
  const c = t.columns;
  const n = (header: string): ReportColumn => ({ header, width: 1, align: 'right' });
  const h = formatMinutes;
  const prepaid = contract.mode === 'prepaid';
  const consumption = contract.months.map((m) => [
    monthName(m.month, locale),
    h(m.consumption.usedMinutes),
    contract.mode === 'retainer' ? h(m.consumption.includedMinutes) : texts.none,
    contract.mode === 'retainer' ? h(m.consumption.rolloverMinutes) : texts.none,
    h(m.consumption.overageMinutes),
    prepaid ? h(m.consumption.prepaidRemainingMinutes ?? 0) : texts.none,
  ]);
  // The CSV's headers name the unit; here every cell carries it ("10 h").
  const hoursColumn = (header: string) => n(header.replace(/\s*\(h\)$/, ''));
  top = table(
    sheet,
    top,
    [
      { header: c.month, width: 1.4 },
      hoursColumn(c.used),
      hoursColumn(c.included),
      hoursColumn(c.rolloverAvailable),
      hoursColumn(c.overage),
      hoursColumn(c.prepaidRemaining),
    ],
    consumption,
  );
  const levels = t.quotas.levels;
  const quotas = contract.months.map((m) => [
    monthName(m.month, locale),
    ...URGENCY_LEVELS.map((level) => quotaText(m.quotas[level], texts)),
  ]);
  top = table(
    sheet,
    top,
    [
      { header: `${c.month} · ${t.quotas.title}`, width: 2.4 },
      ...URGENCY_LEVELS.map((l) => n(levels[l])),
    ],
    quotas,
  );
  const service = contract.months.map((m) => [
    monthName(m.month, locale),
    ...[m.requests, m.sla.met, m.sla.missed, m.sla.pending, m.falseUrgencies, m.deflections].map(
      String,
    ),
  ]);
  const columns = [
    c.requests,
    c.slaMet,
    c.slaMissed,
    c.slaPending,
    c.falseUrgencies,
    c.deflectionsShort,
  ];
  return table(sheet, top, [{ header: c.month, width: 1.4 }, ...columns.map(n)], service);
}

/** Bars of hours used; the line is what the month covered (included plus roll-over, or prepaid left). */
function consumptionChart(contract: ClientReportContract, texts: ReportTexts): BarChart {
  const t = texts.client.chart;
  const series: ChartSeries[] = [];
  if (contract.mode === 'retainer') {
    const values = contract.months.map(
      (m) => (m.consumption.includedMinutes + m.consumption.rolloverMinutes) / 60,
    );
    series.push({ label: t.included, values });
  } else if (contract.mode === 'prepaid') {
    const values = contract.months.map((m) => (m.consumption.prepaidRemainingMinutes ?? 0) / 60);
    series.push({ label: t.prepaidRemaining, values });
  }
  return {
    type: 'bars',
    id: 'consumption',
    title: t.title,
    bars: contract.months.map((m) => ({
      label: fill(texts.workload.weeklyChart.monthLabel, {
        month: m.month.slice(5),
        year: m.month.slice(2, 4),
      }),
      value: m.consumption.usedMinutes / 60,
      tone: m.consumption.overageMinutes > 0 ? 'over' : 'normal',
      valueLabel: formatMinutes(m.consumption.usedMinutes),
    })),
    series,
    legend: [
      { label: t.used, tone: 'normal' },
      { label: t.over, tone: 'over' },
    ],
    unit: texts.hoursUnit,
  };
}

function drawInvoices(
  sheet: Sheet,
  y: number,
  data: ClientReportData,
  texts: ReportTexts,
  locale: FormatLocale,
): number {
  const t = texts.client.invoices;
  const top = heading(sheet, t.title, y);
  const size = sheet.layout.fontSizes.body;
  if (data.invoices.length === 0)
    return write(sheet, t.none, { x: sheet.left, y: top, width: sheet.width }, { size });
  const money = (cents: number | null) =>
    cents === null ? texts.none : formatMoney(cents, locale);
  const date = (day: string | null) => (day === null ? texts.none : formatDate(day, locale));
  const rows = data.invoices.map((i) => [
    i.number ?? texts.none,
    t.kinds[i.kind],
    date(i.issueDate),
    date(i.dueDate),
    money(i.grossCents),
    money(i.paidCents),
    money(i.balanceCents),
    t.statuses[i.status],
  ]);
  const n = (header: string): ReportColumn => ({ header, width: 1.1, align: 'right' });
  const end = table(
    sheet,
    top,
    [
      { header: t.number, width: 1.4 },
      { header: t.kind, width: 0.9 },
      n(t.issueDate),
      n(t.dueDate),
      n(t.gross),
      n(t.paid),
      n(t.balance),
      { header: t.status, width: 1.3 },
    ],
    rows,
  );
  return write(
    sheet,
    labelled(t.total, formatMoney(data.balanceCents, locale), locale),
    { x: sheet.left, y: end, width: sheet.width },
    { size, bold: true },
    { align: 'right' },
  );
}

/** "Demandes : 3" in French (a space before the colon), "Requests: 3" in English. */
function labelled(label: string, value: string | number, locale: FormatLocale): string {
  return `${label}${locale === 'fr' ? '\u00a0:' : ':'} ${value}`;
}
