import { DateTime } from 'luxon';
import type { Urgency } from '../../common/domain';

/**
 * Texts of generated draft lines. Placeholders in braces are filled in; a practice may
 * override any of them (the draft stays editable before issue anyway).
 */
export interface DraftLabels {
  /** {month} {included} {used} */
  retainerFee: string;
  /** {month} {included} {rollover} {used} */
  retainerFeeWithRollover: string;
  /** {month} */
  retainerOverage: string;
  /** {month} {used}: work of a month already invoiced, logged after its invoice */
  lateRetainer: string;
  /** {month} {included}: a fee billed in advance */
  retainerFeeInAdvance: string;
  /** {month} {used}: the work of a month whose fee was billed in advance */
  workAfterAdvance: string;
  /** {consumed} {left} */
  prepaid: string;
  prepaidOverrun: string;
  /** {activity} {urgency} */
  time: string;
  /** {urgency} {percent} */
  urgencySurcharge: string;
  /** {percent} {hours} */
  afterHoursSurcharge: string;
  /** {urgency} {titles} */
  overQuotaFee: string;
  urgencyNames: Record<Urgency, string>;
}

export type LabelLocale = 'fr' | 'en';

const NBSP = '\u00a0';

export const DRAFT_LABELS: Record<LabelLocale, DraftLabels> = {
  en: {
    retainerFee: 'Monthly retainer, {month} ({included} h included, {used} h used)',
    retainerFeeWithRollover:
      'Monthly retainer, {month} ({included} h included + {rollover} h carried over, {used} h used)',
    retainerOverage: 'Hours beyond the retainer, {month}',
    lateRetainer: 'Hours beyond the retainer, {month} ({used} h logged after its invoice)',
    retainerFeeInAdvance: 'Monthly retainer in advance, {month} ({included} h included)',
    workAfterAdvance: 'Hours beyond the retainer, {month} ({used} h used)',
    prepaid: 'Prepaid block: {consumed} h consumed, {left} h left',
    prepaidOverrun: 'Hours beyond the prepaid block',
    time: '{activity}, {urgency} urgency',
    urgencySurcharge: 'Urgency surcharge, {urgency} (+{percent} %)',
    afterHoursSurcharge: 'After-hours surcharge (+{percent} %, {hours} h after hours)',
    overQuotaFee: 'Over-quota fee, {urgency} urgency: {titles}',
    urgencyNames: { low: 'low', normal: 'normal', high: 'high', critical: 'critical' },
  },
  fr: {
    retainerFee: `Forfait mensuel, {month} ({included} h incluses, {used} h consommées)`,
    retainerFeeWithRollover: `Forfait mensuel, {month} ({included} h incluses + {rollover} h reportées, {used} h consommées)`,
    retainerOverage: 'Heures au-delà du forfait, {month}',
    lateRetainer: 'Heures au-delà du forfait, {month} ({used} h saisies après sa facture)',
    retainerFeeInAdvance: 'Forfait mensuel à échoir, {month} ({included} h incluses)',
    workAfterAdvance: 'Heures au-delà du forfait, {month} ({used} h consommées)',
    prepaid: `Forfait prépayé${NBSP}: {consumed} h consommées, {left} h restantes`,
    prepaidOverrun: 'Heures au-delà du forfait prépayé',
    time: '{activity}, urgence {urgency}',
    urgencySurcharge: `Majoration urgence {urgency} (+{percent}${NBSP}%)`,
    afterHoursSurcharge: `Majoration hors horaires (+{percent}${NBSP}%, {hours} h hors horaires)`,
    overQuotaFee: `Dépassement de quota, urgence {urgency}${NBSP}: {titles}`,
    urgencyNames: { low: 'faible', normal: 'normale', high: 'haute', critical: 'critique' },
  },
};

export function labelsFor(
  locale: LabelLocale = 'en',
  overrides: Partial<DraftLabels> = {},
): DraftLabels {
  return { ...DRAFT_LABELS[locale], ...overrides };
}

/** Replaces each {name} with its value; unknown placeholders stay as written. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** 90 minutes → "1.5" (en) or "1,5" (fr). */
export function hoursText(hours: number, locale: LabelLocale): string {
  const text = String(hours);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** '2026-05' → "May 2026" / "mai 2026". */
export function monthText(month: string, locale: LabelLocale): string {
  const dt = DateTime.fromFormat(month, 'yyyy-MM', { locale });
  return dt.isValid ? dt.toFormat('LLLL yyyy') : month;
}
