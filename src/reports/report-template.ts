/**
 * The reports' look and words live in templates/reports (layout.json, texts.fr.json,
 * texts.en.json), like the invoice's, so a practice restyles or rewords them without code.
 * Read once per process; a texts file missing a key of the French one is refused by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActivityKind, BillingMode, Urgency } from '../common/domain';
import type { FormatLocale } from '../common/format';
import type { DocumentKind, InvoiceStatus } from '../invoicing/math';
import { dejavuFontPath } from '../invoicing/pdf/fonts';

type Words<K extends string> = Record<K, string>;

export interface ReportLayout {
  page: { size: string; margins: { top: number; right: number; bottom: number; left: number } };
  /** A file in the templates folder or a DejaVu file name; resolved to absolute paths. */
  fonts: { regular: string; bold: string };
  colors: Words<
    | 'text'
    | 'muted'
    | 'rule'
    | 'grid'
    | 'barFill'
    | 'barOverAlert'
    | 'barOverMax'
    | 'limitLine'
    | 'alertLine'
    | 'tableHeaderBackground'
  > & { risk: Words<'green' | 'amber' | 'red'> };
  fontSizes: Record<
    | 'title'
    | 'subtitle'
    | 'heading'
    | 'risk'
    | 'body'
    | 'small'
    | 'table'
    | 'axis'
    | 'legend'
    | 'footer',
    number
  >;
  risk: { maxReasons: number; boxPadding: number };
  charts: {
    height: number;
    gapBelow: number;
    axisWidth: number;
    legendRowHeight: number;
    barGapRatio: number;
    maxWeeklyBars: number;
    valueLabelsUpTo: number;
    hatchSpacing: number;
    stackedBarHeight: number;
    dash: [number, number];
    alertDash: [number, number];
  };
  table: { cellPadding: number; maxRows: number; daysListedUpTo: number };
  footer: { distanceFromBottom: number };
}

export interface WorkloadTexts {
  title: string;
  fileName: string;
  period: string;
  risk: string;
  riskReasons: string;
  moreReasons: string;
  indicators: string;
  indicator: Words<
    | 'totalWorked'
    | 'workingDays'
    | 'afterHours'
    | 'urgent'
    | 'weeksOverLimit'
    | 'weeksOverAlert'
    | 'shortRestDays'
    | 'weekendDays'
    | 'holidayDays'
    | 'longestRun'
    | 'daysOverDailyMax'
  >;
  weeklyChart: Words<
    | 'title'
    | 'monthlyTitle'
    | 'worked'
    | 'overAlert'
    | 'overMax'
    | 'limit'
    | 'alert'
    | 'weekLabel'
    | 'monthLabel'
  >;
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
  days: Words<'title' | 'flaggedTitle' | 'more' | 'noWork' | 'rest'>;
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
  title: string;
  fileName: string;
  period: string;
  contract: string;
  modes: Words<BillingMode>;
  chart: Words<'title' | 'used' | 'included' | 'prepaidRemaining' | 'over'>;
  columns: Words<
    | 'month'
    | 'contract'
    | 'mode'
    | 'used'
    | 'included'
    | 'rolloverAvailable'
    | 'fromRollover'
    | 'overage'
    | 'rolloverAfter'
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
  service: Words<'title' | 'compliance' | 'noRequest'>;
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
  page: string;
  generated: string;
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

export function loadReportTemplate(
  locale: FormatLocale,
  dir: string = REPORT_TEMPLATES_DIR,
): ReportTemplate {
  const key = `${path.resolve(dir)}\0${locale}`;
  let template = cache.get(key);
  if (!template) {
    const layout = readJson<ReportLayout>(path.join(dir, 'layout.json'));
    const texts = readJson<ReportTexts>(path.join(dir, `texts.${locale}.json`));
    const reference = readJson<ReportTexts>(path.join(REPORT_TEMPLATES_DIR, 'texts.fr.json'));
    const missing = missingKeys(texts, reference);
    if (missing.length > 0) {
      throw new Error(`Report texts ${dir}/texts.${locale}.json lack: ${missing.join(', ')}`);
    }
    template = { layout: { ...layout, fonts: resolveFonts(layout.fonts, dir) }, texts };
    cache.set(key, template);
  }
  return template;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Dotted paths present in `reference` but absent from `candidate`. */
function missingKeys(candidate: unknown, reference: unknown, prefix = ''): string[] {
  if (typeof reference !== 'object' || reference === null) return [];
  const have = (typeof candidate === 'object' && candidate !== null ? candidate : {}) as Record<
    string,
    unknown
  >;
  return Object.entries(reference).flatMap(([key, value]) =>
    key in have ? missingKeys(have[key], value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function resolveFonts(fonts: ReportLayout['fonts'], dir: string): ReportLayout['fonts'] {
  const resolve = (file: string) => {
    const own = path.resolve(dir, file);
    return existsSync(own) ? own : dejavuFontPath(file);
  };
  return { regular: resolve(fonts.regular), bold: resolve(fonts.bold) };
}

/** "{count} more" with { count: '3' } → "3 more"; an unknown name stays visible. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
