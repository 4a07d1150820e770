/**
 * The workload report as an A4 PDF: the risk level and its reasons in words first, then the
 * indicators, the weekly hours against the limits, the activity mix, the clients, the clients
 * who cause the pressure and the days worth a look.
 */
import { formatDate, formatDecimal, type FormatLocale } from '../../common/format';
import { formatMinutes } from '../../interventions/guardrails';
import { fill, loadReportTemplate, type ReportLayout, type ReportTexts } from '../report-template';
import type { WorkloadReportData } from '../workload-report.service';
import { dayFlags, indicatorRows, isFlagged, localTime, sharePercent } from '../workload-rows';
import type { BarChart, ChartBar, ShareChart } from '../../documents/charts';
import { measure, roomFor, write } from '../../documents/sheet';
import {
  type Edition,
  finishReport,
  heading,
  openReport,
  reportChart,
  type ReportSheet as Sheet,
  table,
  writeTitle,
} from './report-sheet';

export interface WorkloadPdfContext extends Edition {
  templatesDir?: string;
}

export async function renderWorkloadPdf(
  data: WorkloadReportData,
  ctx: WorkloadPdfContext,
): Promise<Buffer> {
  const { layout, texts } = loadReportTemplate(ctx.locale, ctx.templatesDir);
  const report = openReport(layout, ctx.locale, texts.workload.title);
  const { sheet } = report;
  let y = drawTitle(sheet, data, texts, ctx);
  y = drawRisk(sheet, y, data, texts);
  y = heading(sheet, texts.workload.indicators, y);
  y = table(
    sheet,
    y,
    [
      { header: '', width: 3 },
      { header: '', width: 1, align: 'right' },
    ],
    indicatorRows(data, texts, ctx.locale),
  );
  y = reportChart(sheet, y + 6, weeklyChart(data, texts, sheet.layout));
  y = drawActivities(sheet, y, data, texts, ctx.locale);
  y = drawClients(sheet, y, data, texts, ctx.locale);
  y = drawPressure(sheet, y, data, texts, ctx.locale);
  drawDays(sheet, y, data, texts, ctx.locale);
  return finishReport(report, texts, ctx);
}

function drawTitle(
  sheet: Sheet,
  data: WorkloadReportData,
  texts: ReportTexts,
  ctx: WorkloadPdfContext,
): number {
  const period = fill(texts.workload.period, {
    from: formatDate(data.from, ctx.locale),
    to: formatDate(data.to, ctx.locale),
    timezone: data.timezone,
  });
  return writeTitle(sheet, texts.workload.title, [ctx.practiceName, period]);
}

/** The level in capitals in a box shaded by level, then the reasons, the first ones only. */
function drawRisk(sheet: Sheet, y: number, data: WorkloadReportData, texts: ReportTexts): number {
  const { layout, doc } = sheet;
  const pad = layout.risk.boxPadding;
  const shown = data.riskText.reasons.slice(0, layout.risk.maxReasons);
  const hidden = data.riskText.reasons.length - shown.length;
  const lines = [
    ...shown.map((r) => `• ${r}`),
    ...(hidden > 0 ? [fill(texts.workload.moreReasons, { count: hidden })] : []),
  ];
  const title = fill(texts.workload.risk, { level: data.riskText.level.toUpperCase() });
  const textWidth = sheet.width - 2 * pad - 40;
  const body = { size: layout.fontSizes.body };
  const height =
    pad * 2 +
    measure(sheet, title, textWidth, { size: layout.fontSizes.risk, bold: true }) +
    6 +
    lines.reduce((sum, line) => sum + measure(sheet, line, textWidth, body) + 1, 0);
  const top = roomFor(sheet, y, height);
  doc.rect(sheet.left, top, sheet.width, height).lineWidth(1.5).strokeColor('#000000').stroke();
  // The swatch repeats the level as a grey: white, light grey, dark grey.
  doc
    .rect(sheet.left + pad, top + pad, 26, 26)
    .fillAndStroke(layout.colors.risk[data.risk.level], '#000000');
  const x = sheet.left + pad + 40;
  let cursor =
    write(
      sheet,
      title,
      { x, y: top + pad, width: textWidth },
      { size: layout.fontSizes.risk, bold: true },
    ) + 6;
  for (const line of lines)
    cursor = write(sheet, line, { x, y: cursor, width: textWidth }, body) + 1;
  return top + height + 14;
}

/** The weeks against the limits; over a long period, the average week of each month. */
function weeklyChart(data: WorkloadReportData, texts: ReportTexts, layout: ReportLayout): BarChart {
  const t = texts.workload.weeklyChart;
  const { limits } = data;
  const weekly = data.weeks.length <= layout.charts.maxWeeklyBars;
  const bars: ChartBar[] = weekly
    ? data.weeks.map((w) => ({
        label: fill(t.weekLabel, { week: w.week.slice(6) }),
        value: w.workedMinutes / 60,
        valueLabel: formatMinutes(w.workedMinutes),
      }))
    : monthlyAverages(data).map((m) => ({
        label: fill(t.monthLabel, { month: m.month.slice(5), year: m.month.slice(2, 4) }),
        value: m.weeklyMinutes / 60,
      }));
  return {
    type: 'bars',
    id: 'weekly',
    title: weekly ? t.title : t.monthlyTitle,
    bars,
    // A bar past the alert is hatched, past the maximum dark and hatched.
    limits: [
      {
        label: fill(t.limit, { hours: formatMinutes(limits.maxWeeklyMinutes) }),
        value: limits.maxWeeklyMinutes / 60,
      },
      {
        label: fill(t.alert, { hours: formatMinutes(limits.alertWeeklyMinutes) }),
        value: limits.alertWeeklyMinutes / 60,
      },
    ],
    legend: [
      { label: t.worked, tone: 'normal' },
      { label: t.overAlert, tone: 'alert' },
      { label: t.overMax, tone: 'over' },
    ],
    unit: texts.hoursUnit,
  };
}

/** Over a long period, a bar per month: its minutes spread over its weeks (days in period / 7). */
function monthlyAverages(data: WorkloadReportData): { month: string; weeklyMinutes: number }[] {
  const months = new Map<string, { minutes: number; days: number }>();
  for (const week of data.weeks) {
    for (let d = 0; d < 7; d++) {
      const date = new Date(Date.parse(`${week.start}T00:00:00Z`) + d * 86_400_000)
        .toISOString()
        .slice(0, 10);
      if (date < data.from || date > data.to) continue;
      const month = months.get(date.slice(0, 7)) ?? { minutes: 0, days: 0 };
      month.days += 1;
      months.set(date.slice(0, 7), month);
    }
  }
  for (const day of data.days) months.get(day.date.slice(0, 7))!.minutes += day.workedMinutes;
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, weeklyMinutes: (m.minutes * 7) / m.days }));
}

function drawActivities(
  sheet: Sheet,
  y: number,
  data: WorkloadReportData,
  texts: ReportTexts,
  locale: FormatLocale,
): number {
  const t = texts.workload.activityChart;
  if (data.breakdown.activities.length === 0) return y;
  const chart: ShareChart = {
    type: 'shares',
    id: 'activities',
    title: t.title,
    segments: data.breakdown.activities.map((a) => ({
      label: t.kinds[a.activity],
      value: a.share,
      detail: `${formatMinutes(a.workedMinutes)} (${sharePercent(a.share, locale)})`,
    })),
    legend: true,
  };
  return reportChart(sheet, y, chart);
}

function drawClients(
  sheet: Sheet,
  y: number,
  data: WorkloadReportData,
  texts: ReportTexts,
  locale: FormatLocale,
): number {
  const t = texts.workload.clients;
  if (data.breakdown.clients.length === 0) return y;
  const top = heading(sheet, t.title, y);
  const rows = data.breakdown.clients.map((c) => [
    c.clientName,
    formatMinutes(c.workedMinutes),
    sharePercent(c.share, locale),
  ]);
  return table(
    sheet,
    top,
    [
      { header: t.client, width: 4 },
      { header: t.hours, width: 1, align: 'right' },
      { header: t.share, width: 1, align: 'right' },
    ],
    rows,
  );
}

function drawPressure(
  sheet: Sheet,
  y: number,
  data: WorkloadReportData,
  texts: ReportTexts,
  locale: FormatLocale,
): number {
  const t = texts.workload.pressure;
  const top = heading(sheet, t.title, y);
  if (data.pressureClients.length === 0) {
    return (
      write(
        sheet,
        t.none,
        { x: sheet.left, y: top, width: sheet.width },
        { size: sheet.layout.fontSizes.body },
      ) + 12
    );
  }
  const rows = data.pressureClients.map((p) => [
    p.clientName,
    String(p.urgentRequests),
    String(p.falseUrgencies),
    formatMinutes(p.afterHoursMinutes),
    String(p.urgentInterventions),
    // One decimal in the reader's mark: "7,7" in French.
    formatDecimal(p.score, locale, 1),
  ]);
  const n = (header: string) => ({ header, width: 1.2, align: 'right' as const });
  return table(
    sheet,
    top,
    [
      { header: t.client, width: 3 },
      n(t.urgentRequests),
      n(t.falseUrgencies),
      n(t.afterHours),
      n(t.urgentInterventions),
      n(t.score),
    ],
    rows,
  );
}

/** Every worked day of a short period; over a long one, the flagged days only. */
function drawDays(
  sheet: Sheet,
  y: number,
  data: WorkloadReportData,
  texts: ReportTexts,
  locale: FormatLocale,
): number {
  const t = texts.workload;
  const { layout } = sheet;
  const short = data.days.length <= layout.table.daysListedUpTo;
  const days = short ? data.days : data.days.filter(isFlagged);
  const top = heading(sheet, short ? t.days.title : t.days.flaggedTitle, y);
  if (data.days.length === 0)
    return write(
      sheet,
      t.days.noWork,
      { x: sheet.left, y: top, width: sheet.width },
      { size: layout.fontSizes.body },
    );
  const shown = days.slice(0, layout.table.maxRows);
  const c = t.columns;
  const rows = shown.map((d) => [
    formatDate(d.date, locale),
    formatMinutes(d.workedMinutes),
    formatMinutes(d.afterHoursMinutes),
    String(d.urgentInterruptions),
    `${localTime(d.firstStart, data.timezone)}–${localTime(d.lastEnd, data.timezone)}`,
    d.restBeforeNextMinutes === null ? texts.none : formatMinutes(d.restBeforeNextMinutes),
    dayFlags(d, texts),
  ]);
  const n = (header: string, width = 1) => ({ header, width, align: 'right' as const });
  const end = table(
    sheet,
    top,
    [
      { header: c.date, width: 1.2 },
      n(c.worked),
      n(c.afterHours),
      n(c.urgent, 1.4),
      n(`${c.firstStart}–${c.lastEnd}`, 1.3),
      n(t.days.rest),
      { header: c.flags, width: 2.3 },
    ],
    rows,
  );
  const hidden = days.length - shown.length;
  return hidden > 0
    ? write(
        sheet,
        fill(t.days.more, { count: hidden }),
        { x: sheet.left, y: end, width: sheet.width },
        { size: layout.fontSizes.small },
      )
    : end;
}
