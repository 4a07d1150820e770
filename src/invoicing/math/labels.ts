import { DateTime } from 'luxon';
import type { Urgency } from '../../common/domain';
import type { Locale, MessageValues } from '../../i18n';
import { ownMessagesOf, ownTranslator } from '../../i18n/own-messages';

/**
 * The texts of generated draft lines: the catalogue's `draft.<name>` messages
 * (templates/i18n/draft.<locale>.json), filled with figures already written the way invoices
 * print them (hours "1,5", months "mai 2026").
 */
export const DRAFT_LABEL_NAMES = [
  'retainerFee',
  'retainerFeeWithRollover',
  'retainerOverage',
  'lateRetainer',
  'retainerFeeInAdvance',
  'workAfterAdvance',
  'prepaid',
  'prepaidOverrun',
  'time',
  'urgencySurcharge',
  'afterHoursSurcharge',
  'overQuotaFee',
] as const;
export type DraftLabelName = (typeof DRAFT_LABEL_NAMES)[number];

/**
 * A practice's own wording of draft lines, over the catalogue's: ICU messages by name, taking
 * the arguments of the `draft.<name>` they replace (`{month}`, `{used}`…), and the urgency
 * names they print. The draft stays editable before issue anyway.
 */
export type DraftLabels = Partial<Record<DraftLabelName, string>> & {
  urgencyNames?: Partial<Record<Urgency, string>>;
};

export type LabelLocale = Locale;

/** The words of a draft's generated lines, in one language. */
export interface DraftWording {
  /** The line text `name` filled with `values`. */
  line(name: DraftLabelName, values?: MessageValues): string;
  /** The urgency as a line names it: "haute" / "high". */
  urgency(level: Urgency): string;
  /** A line of work from a month already invoiced, dated: "Support, urgence faible, avril 2026". */
  inMonth(line: string, month: string): string;
}

export function labelsFor(locale: LabelLocale = 'en', overrides: DraftLabels = {}): DraftWording {
  const { urgencyNames = {}, ...lines } = overrides;
  const t = ownTranslator(locale, ownMessagesOf('draft', locale, lines, 'draft labels'));
  return {
    line: (name, values) => t(`draft.${name}`, values),
    urgency: (level) => urgencyNames[level] ?? t('draft.urgency', { urgency: level }),
    inMonth: (line, month) => t('draft.inMonth', { line, month: monthText(month, locale) }),
  };
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
