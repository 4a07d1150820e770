import type { Translate } from './i18n';

interface Formatters {
  date: (day: string) => string;
  hours: (minutes: number) => string;
}

/** A warning as the services give it: a guardrail (with its figures) or a note about a save. */
export interface WarningLike {
  code: string;
  message: string;
  value?: number;
  limit?: number;
  date?: string;
  week?: string;
}

const IN_MINUTES = new Set([
  'weekly_limit',
  'weekly_alert',
  'daily_limit',
  'daily_rest',
  'after_hours_limit',
]);
const COUNTED = new Set(['weekly_days_off', 'urgent_interruptions']);
/** Notes that name a day alone: a draft whose period has not ended. */
const DATED = new Set(['period_open']);

/**
 * A guardrail warning in the reader's language from its figures, a dated note from its day;
 * other notes keep their words.
 */
export function warningText(w: WarningLike, t: Translate, fmt: Formatters): string {
  if (DATED.has(w.code) && w.date) return t(`warning.${w.code}`, { date: fmt.date(w.date) });
  if (w.value === undefined || w.limit === undefined) return w.message;
  const inMinutes = IN_MINUTES.has(w.code);
  if (!inMinutes && !COUNTED.has(w.code)) return w.message;
  const show = (n: number) => (inMinutes ? fmt.hours(n) : String(n));
  return t(`warning.${w.code}`, {
    value: show(w.value),
    limit: show(w.limit),
    date: w.date ? fmt.date(w.date) : '',
    week: w.week ?? '',
  });
}
