/**
 * The risk level and its reasons in the reader's language. The rules (workload-indicators.ts)
 * write each reason in English with figures a French reader also reads ("52 h > 48 h in
 * 2026-W10"); here each known sentence is rewritten in French, figures and dates kept. A
 * sentence the table does not know is shown as written rather than dropped.
 */
import { formatDate, type FormatLocale } from '../common/format';
import type { RiskLevel } from './workload-indicators';

const H = String.raw`(\d+ h(?: \d{2})?)`;
const DAY = String.raw`(\d{4}-\d{2}-\d{2})`;
const WEEK = String.raw`(\d{4}-W\d{2})`;
const PCT = String.raw`([\d.]+ %)`;
const N = String.raw`(\d+)`;
const RUN = String.raw`${N} consecutive working days from ${DAY} to ${DAY}`;

const frDate = (day: string): string => formatDate(day, 'fr');
const frPercent = (text: string): string => text.replace('.', ',');
const frRun = (n: string, first: string, last: string): string =>
  `${n} jours travaillés d'affilée du ${frDate(first)} au ${frDate(last)}`;
const frDaysOff = (text: string): string =>
  text === 'no day'
    ? 'aucun jour'
    : text.replace(/days?$/, (w) => (w === 'day' ? 'jour' : 'jours'));
const FR_LEVEL: Record<string, string> = { red: 'rouge', amber: 'orange' };

/** English sentence → French sentence; the groups carry the figures across. */
const FRENCH: [RegExp, (...groups: string[]) => string][] = [
  [new RegExp(`^${H} > ${H} in ${WEEK}$`), (a, b, w) => `${a} > ${b} en semaine ${w}`],
  [
    new RegExp(`^${N} days with less than ${H} rest after them$`),
    (n, h) => `${n} jours suivis de moins de ${h} de repos`,
  ],
  [
    new RegExp(`^${RUN}: no weekly day off for two weeks$`),
    (n, a, b) => `${frRun(n, a, b)} : aucun jour de repos hebdomadaire en deux semaines`,
  ],
  [new RegExp(`^${RUN}$`), (n, a, b) => frRun(n, a, b)],
  [
    new RegExp(`^after-hours work is ${PCT} of worked time \\((red|amber) above ${PCT}\\)$`),
    (share, level, threshold) =>
      `le travail hors horaires représente ${frPercent(share)} du temps travaillé (${FR_LEVEL[level]} au-delà de ${frPercent(threshold)})`,
  ],
  [
    new RegExp(`^rest of ${H} before ${DAY}, minimum ${H}$`),
    (rest, day, min) => `repos de ${rest} avant le ${frDate(day)}, minimum ${min}`,
  ],
  [
    new RegExp(`^${H} on ${DAY}, limit ${H}$`),
    (h, day, limit) => `${h} le ${frDate(day)}, limite ${limit}`,
  ],
  [
    new RegExp(`^${N} weekend or holiday days worked$`),
    (n) => `${n} jours de week-end ou fériés travaillés`,
  ],
  [
    new RegExp(`^${H} after hours in ${WEEK}, limit ${H}$`),
    (h, w, limit) => `${h} hors horaires en semaine ${w}, limite ${limit}`,
  ],
  [
    new RegExp(`^(no day|1 day|\\d+ days) off in ${WEEK}, minimum ${N}$`),
    (days, w, min) => `${frDaysOff(days)} de repos en semaine ${w}, minimum ${min}`,
  ],
  [
    new RegExp(`^${N} urgent interruptions on ${DAY}, limit ${N}$`),
    (n, day, limit) => `${n} interruptions urgentes le ${frDate(day)}, limite ${limit}`,
  ],
  [/^within every limit$/, () => 'dans toutes les limites'],
];

export function localizeRiskReason(reason: string, locale: FormatLocale): string {
  if (locale === 'en') return reason;
  for (const [pattern, write] of FRENCH) {
    const match = pattern.exec(reason);
    if (match) return write(...match.slice(1));
  }
  return reason;
}

const LEVEL_WORDS: Record<FormatLocale, Record<RiskLevel, string>> = {
  fr: { green: 'vert', amber: 'orange', red: 'rouge' },
  en: { green: 'green', amber: 'amber', red: 'red' },
};

export function riskLevelWord(level: RiskLevel, locale: FormatLocale): string {
  return LEVEL_WORDS[locale][level];
}
