/**
 * The reports' look lives in templates/reports (layout.json), their words in the message
 * catalogue (templates/i18n/report.<locale>.json, and the invoices' kinds and statuses of
 * invoice.<locale>.json), like the invoice's, so a practice restyles or rewords them without
 * code: a folder holds its layout.json and, if it likes, its own wording of some `report.`
 * messages (texts.<locale>.json). Read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ACTIVITY_KINDS,
  BILLING_MODES,
  URGENCY_LEVELS,
  type ActivityKind,
  type BillingMode,
  type Urgency,
} from '../common/domain';
import type { FormatLocale } from '../common/format';
import type { MessageValues, Translate } from '../i18n';
import { ownMessagesIn, ownTranslator } from '../i18n/own-messages';
import { INVOICE_STATUSES, type DocumentKind, type InvoiceStatus } from '../invoicing/math';
import { resolveFonts } from '../documents/fonts';

type Words<K extends string> = Record<K, string>;

export interface ReportLayout {
  page: { size: string; margins: { top: number; right: number; bottom: number; left: number } };
  /** A file in the templates folder or a DejaVu file name; resolved to absolute paths. */
  fonts: { regular: string; bold: string };
  colors: Words<'text' | 'muted' | 'rule' | 'grid' | 'tableHeaderBackground'> & {
    risk: Words<'green' | 'amber' | 'red'>;
  };
  fontSizes: Record<
    'title' | 'subtitle' | 'heading' | 'risk' | 'body' | 'small' | 'table' | 'axis' | 'footer',
    number
  >;
  risk: { maxReasons: number; boxPadding: number };
  charts: {
    height: number;
    gapBelow: number;
    legendRowHeight: number;
    maxWeeklyBars: number;
    stackedBarHeight: number;
  };
  table: { cellPadding: number; maxRows: number; daysListedUpTo: number };
  footer: { distanceFromBottom: number };
}

/** A message of the catalogue with arguments, filled by `fill` (or called) with its values. */
export type Message = (values: MessageValues) => string;

export interface WorkloadTexts {
  title: string;
  fileName: string;
  period: Message;
  risk: Message;
  moreReasons: Message;
  indicators: string;
  indicator: Words<
    | 'totalWorked'
    | 'workingDays'
    | 'afterHours'
    | 'urgent'
    | 'weekendDays'
    | 'holidayDays'
    | 'longestRun'
  > &
    Record<'weeksOverLimit' | 'weeksOverAlert' | 'shortRestDays' | 'daysOverDailyMax', Message>;
  weeklyChart: Words<'title' | 'monthlyTitle' | 'worked' | 'overAlert' | 'overMax'> &
    Record<'limit' | 'alert' | 'weekLabel' | 'monthLabel', Message>;
  activityChart: { title: string; kinds: Words<ActivityKind> };
  clients: Words<'title' | 'client' | 'hours' | 'share'>;
  pressure: Words<
    | 'title'
    | 'client'
    | 'urgentRequests'
    | 'falseUrgencies'
    | 'afterHours'
    | 'urgentInterventions'
    | 'score'
    | 'none'
  >;
  days: Words<'title' | 'flaggedTitle' | 'noWork' | 'rest'> & { more: Message };
  columns: Words<
    | 'date'
    | 'week'
    | 'worked'
    | 'afterHours'
    | 'urgent'
    | 'clients'
    | 'firstStart'
    | 'lastEnd'
    | 'restBeforeNext'
    | 'weekend'
    | 'dayOff'
    | 'flags'
  >;
  flags: Words<'shortRest' | 'overDailyMax' | 'overUrgentLimit' | 'weekend' | 'holiday'>;
}

export interface ClientReportTexts {
  title: Message;
  fileName: string;
  period: Message;
  contract: Message;
  modes: Words<BillingMode>;
  chart: Words<'title' | 'used' | 'included' | 'prepaidRemaining' | 'over'>;
  columns: Words<
    | 'month'
    | 'contract'
    | 'mode'
    | 'used'
    | 'included'
    | 'rolloverAvailable'
    | 'overage'
    | 'prepaidRemaining'
    | 'quotaLow'
    | 'quotaNormal'
    | 'quotaHigh'
    | 'quotaCritical'
    | 'requests'
    | 'slaMet'
    | 'slaMissed'
    | 'slaPending'
    | 'falseUrgencies'
    | 'deflections'
    | 'deflectionsShort'
  >;
  quotas: { title: string; levels: Words<Urgency>; unlimited: string };
  service: Words<'title' | 'noRequest'> & { compliance: Message };
  invoices: Words<
    | 'title'
    | 'number'
    | 'kind'
    | 'issueDate'
    | 'dueDate'
    | 'gross'
    | 'paid'
    | 'balance'
    | 'status'
    | 'total'
    | 'none'
  > & { kinds: Words<DocumentKind>; statuses: Words<InvoiceStatus> };
}

export interface ReportTexts {
  page: Message;
  generated: Message;
  yes: string;
  no: string;
  none: string;
  hoursUnit: string;
  workload: WorkloadTexts;
  client: ClientReportTexts;
}

export interface ReportTemplate {
  layout: ReportLayout;
  texts: ReportTexts;
}

export const REPORT_TEMPLATES_DIR = findShippedTemplates(__dirname);

function findShippedTemplates(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates', 'reports');
    if (existsSync(path.join(candidate, 'layout.json'))) return candidate;
    if (path.dirname(dir) === dir) return path.resolve('templates', 'reports');
  }
}

const cache = new Map<string, ReportTemplate>();

/**
 * The layout and the words of one language, read from `dir` on first use only. The words are
 * the catalogue's, but for those the folder's `texts.<locale>.json` rewords.
 */
export function loadReportTemplate(
  locale: FormatLocale,
  dir: string = REPORT_TEMPLATES_DIR,
): ReportTemplate {
  const key = `${path.resolve(dir)}\0${locale}`;
  let template = cache.get(key);
  if (!template) {
    const layout = JSON.parse(readFileSync(path.join(dir, 'layout.json'), 'utf8')) as ReportLayout;
    const t = ownTranslator(locale, ownMessagesIn(dir, locale, 'report'));
    template = {
      layout: { ...layout, fonts: resolveFonts(layout.fonts, dir) },
      texts: reportTexts(t),
    };
    cache.set(key, template);
  }
  return template;
}

/** The message `values` fill: "… et 3 autres jours" from { count: 3 }. */
export function fill(message: Message, values: MessageValues): string {
  return message(values);
}

/** One word per value of a select: `{ support: 'Support', consulting: 'Conseil', … }`. */
function wordsOf<K extends string>(values: readonly K[], word: (value: K) => string): Words<K> {
  return Object.fromEntries(values.map((value) => [value, word(value)])) as Words<K>;
}

const DOCUMENT_KINDS: readonly DocumentKind[] = ['invoice', 'credit_note'];

/** Every word of the reports in one language, looked up once. */
export function reportTexts(t: Translate): ReportTexts {
  const message =
    (key: string): Message =>
    (values) =>
      t(key, values);
  return {
    page: message('report.page'),
    generated: message('report.generated'),
    yes: t('report.yes'),
    no: t('report.no'),
    none: t('report.none'),
    hoursUnit: t('report.hoursUnit'),
    workload: workloadTexts(t, message),
    client: clientReportTexts(t, message),
  };
}

function workloadTexts(t: Translate, message: (key: string) => Message): WorkloadTexts {
  return {
    title: t('report.workload.title'),
    fileName: t('report.workload.fileName'),
    period: message('report.workload.period'),
    risk: message('report.workload.risk'),
    moreReasons: message('report.workload.moreReasons'),
    indicators: t('report.workload.indicators'),
    indicator: {
      totalWorked: t('report.workload.indicator.totalWorked'),
      workingDays: t('report.workload.indicator.workingDays'),
      afterHours: t('report.workload.indicator.afterHours'),
      urgent: t('report.workload.indicator.urgent'),
      weeksOverLimit: message('report.workload.indicator.weeksOverLimit'),
      weeksOverAlert: message('report.workload.indicator.weeksOverAlert'),
      shortRestDays: message('report.workload.indicator.shortRestDays'),
      weekendDays: t('report.workload.indicator.weekendDays'),
      holidayDays: t('report.workload.indicator.holidayDays'),
      longestRun: t('report.workload.indicator.longestRun'),
      daysOverDailyMax: message('report.workload.indicator.daysOverDailyMax'),
    },
    weeklyChart: {
      title: t('report.workload.weeklyChart.title'),
      monthlyTitle: t('report.workload.weeklyChart.monthlyTitle'),
      worked: t('report.workload.weeklyChart.worked'),
      overAlert: t('report.workload.weeklyChart.overAlert'),
      overMax: t('report.workload.weeklyChart.overMax'),
      limit: message('report.workload.weeklyChart.limit'),
      alert: message('report.workload.weeklyChart.alert'),
      weekLabel: message('report.workload.weeklyChart.weekLabel'),
      monthLabel: message('report.workload.weeklyChart.monthLabel'),
    },
    activityChart: {
      title: t('report.workload.activityChart.title'),
      kinds: wordsOf(ACTIVITY_KINDS, (kind) => t('report.workload.activityKind', { kind })),
    },
    clients: {
      title: t('report.workload.clients.title'),
      client: t('report.workload.clients.client'),
      hours: t('report.workload.clients.hours'),
      share: t('report.workload.clients.share'),
    },
    pressure: {
      title: t('report.workload.pressure.title'),
      client: t('report.workload.pressure.client'),
      urgentRequests: t('report.workload.pressure.urgentRequests'),
      falseUrgencies: t('report.workload.pressure.falseUrgencies'),
      afterHours: t('report.workload.pressure.afterHours'),
      urgentInterventions: t('report.workload.pressure.urgentInterventions'),
      score: t('report.workload.pressure.score'),
      none: t('report.workload.pressure.none'),
    },
    days: {
      title: t('report.workload.days.title'),
      flaggedTitle: t('report.workload.days.flaggedTitle'),
      more: message('report.workload.days.more'),
      noWork: t('report.workload.days.noWork'),
      rest: t('report.workload.days.rest'),
    },
    columns: {
      date: t('report.workload.column.date'),
      week: t('report.workload.column.week'),
      worked: t('report.workload.column.worked'),
      afterHours: t('report.workload.column.afterHours'),
      urgent: t('report.workload.column.urgent'),
      clients: t('report.workload.column.clients'),
      firstStart: t('report.workload.column.firstStart'),
      lastEnd: t('report.workload.column.lastEnd'),
      restBeforeNext: t('report.workload.column.restBeforeNext'),
      weekend: t('report.workload.column.weekend'),
      dayOff: t('report.workload.column.dayOff'),
      flags: t('report.workload.column.flags'),
    },
    flags: {
      shortRest: t('report.workload.flag.shortRest'),
      overDailyMax: t('report.workload.flag.overDailyMax'),
      overUrgentLimit: t('report.workload.flag.overUrgentLimit'),
      weekend: t('report.workload.flag.weekend'),
      holiday: t('report.workload.flag.holiday'),
    },
  };
}

function clientReportTexts(t: Translate, message: (key: string) => Message): ClientReportTexts {
  const quota = (level: Urgency) => t('report.client.column.quota', { level });
  return {
    title: message('report.client.title'),
    fileName: t('report.client.fileName'),
    period: message('report.client.period'),
    contract: message('report.client.contract'),
    modes: wordsOf(BILLING_MODES, (mode) => t('report.client.mode', { mode })),
    chart: {
      title: t('report.client.chart.title'),
      used: t('report.client.chart.used'),
      included: t('report.client.chart.included'),
      prepaidRemaining: t('report.client.chart.prepaidRemaining'),
      over: t('report.client.chart.over'),
    },
    columns: {
      month: t('report.client.column.month'),
      contract: t('report.client.column.contract'),
      mode: t('report.client.column.mode'),
      used: t('report.client.column.used'),
      included: t('report.client.column.included'),
      rolloverAvailable: t('report.client.column.rolloverAvailable'),
      overage: t('report.client.column.overage'),
      prepaidRemaining: t('report.client.column.prepaidRemaining'),
      quotaLow: quota('low'),
      quotaNormal: quota('normal'),
      quotaHigh: quota('high'),
      quotaCritical: quota('critical'),
      requests: t('report.client.column.requests'),
      slaMet: t('report.client.column.slaMet'),
      slaMissed: t('report.client.column.slaMissed'),
      slaPending: t('report.client.column.slaPending'),
      falseUrgencies: t('report.client.column.falseUrgencies'),
      deflections: t('report.client.column.deflections'),
      deflectionsShort: t('report.client.column.deflectionsShort'),
    },
    quotas: {
      title: t('report.client.quotas.title'),
      levels: wordsOf(URGENCY_LEVELS, (level) => t('report.client.quotaLevel', { level })),
      unlimited: t('report.client.quotas.unlimited'),
    },
    service: {
      title: t('report.client.service.title'),
      compliance: message('report.client.service.compliance'),
      noRequest: t('report.client.service.noRequest'),
    },
    invoices: {
      title: t('report.client.invoices.title'),
      number: t('report.client.invoices.number'),
      kind: t('report.client.invoices.kind'),
      issueDate: t('report.client.invoices.issueDate'),
      dueDate: t('report.client.invoices.dueDate'),
      gross: t('report.client.invoices.gross'),
      paid: t('report.client.invoices.paid'),
      balance: t('report.client.invoices.balance'),
      status: t('report.client.invoices.status'),
      total: t('report.client.invoices.total'),
      none: t('report.client.invoices.none'),
      kinds: wordsOf(DOCUMENT_KINDS, (kind) => t('invoice.kind', { kind })),
      statuses: wordsOf(INVOICE_STATUSES, (status) => t('invoice.status', { status })),
    },
  };
}
