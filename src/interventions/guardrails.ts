/**
 * Burnout guardrails: which of the consultant's limits the work breaks, in the days and ISO weeks
 * judged. Their codes, warnings and reading windows are named here; one judge applies the rules
 * (GuardrailJudge, guardrail-judge.ts) for the live warnings of a saved intervention, the
 * workload report of a period and the import's warnings (guardrail-warnings.ts). Work that
 * breaks a limit is still recorded; these warnings only say so. Days and ISO weeks are local to
 * the practice zone; durations come from instants, so DST changes count true time.
 */
import { addDays } from '../calendar';
import type { GuardrailLimits, Urgency } from '../common/domain';
import { outcome } from '../common/outcome';

// Durations are written the same way everywhere; imported from here by older callers.
export { formatMinutes } from '../common/format';

export const GUARDRAIL_CODES = [
  'weekly_limit',
  'weekly_alert',
  'average_weekly_limit',
  'daily_limit',
  'daily_rest',
  'weekly_rest',
  'consecutive_days',
  'weekly_days_off',
  'night_limit',
  'after_hours_limit',
  'urgent_interruptions',
] as const;
export type GuardrailCode = (typeof GUARDRAIL_CODES)[number];

/**
 * A limit broken, as its code and figures: durations in minutes (`…Minutes`), counts, the local
 * day 'YYYY-MM-DD' of a daily limit or the ISO week 'YYYY-Www' of a weekly one. Its words are
 * the catalogue's `warning.<code>`, in the reader's language.
 */
export type Warning =
  | WeeklyHours<'weekly_limit' | 'weekly_alert'>
  | {
      code: 'average_weekly_limit';
      week: string;
      firstWeek: string;
      weeks: number;
      averageMinutes: number;
      limitMinutes: number;
    }
  | { code: 'daily_limit'; date: string; workedMinutes: number; limitMinutes: number }
  /** The 24 h from a start of work on `date` hold no rest as long as the minimum. */
  | { code: 'daily_rest'; date: string; restMinutes: number; limitMinutes: number }
  /** The 7 days from a start of work in `week` hold no rest as long as the minimum. */
  | { code: 'weekly_rest'; week: string; restMinutes: number; limitMinutes: number }
  | { code: 'consecutive_days'; firstDate: string; lastDate: string; days: number; limit: number }
  | { code: 'weekly_days_off'; week: string; daysOff: number; limit: number }
  | { code: 'night_limit'; week: string; nightMinutes: number; limitMinutes: number }
  | { code: 'after_hours_limit'; week: string; afterHoursMinutes: number; limitMinutes: number }
  | { code: 'urgent_interruptions'; date: string; interruptions: number; limit: number };

/** The hours of an ISO week over its maximum (`weekly_limit`) or its alert threshold. */
interface WeeklyHours<C extends GuardrailCode> {
  code: C;
  week: string;
  workedMinutes: number;
  limitMinutes: number;
}

/** A warning: the code and figures, known as an outcome worded by `warning.<code>`. */
export function warning<W extends Warning>(found: W): W {
  const { code, ...figures } = found;
  return outcome('warning', code, figures) as W;
}

export interface WorkedInterval {
  start: Date;
  end: Date;
  urgency: Urgency;
  afterHoursMinutes: number;
  /** Phone calls without a request interrupt just the same: it does not change the count. */
  hasRequest?: boolean;
}

export interface GuardrailInput {
  timezone: string;
  limits: GuardrailLimits;
  /**
   * The consultant's work, the saved intervention included, covering the reading window of the
   * focus (guardrailReading): the weeks of the average, and the rest windows after it.
   */
  interventions: readonly WorkedInterval[];
  /** The saved intervention: the local days and ISO weeks it touches are checked. */
  focus: { start: Date; end: Date };
}

/** Night work in the sense of the Code du travail (L3122-2): 21:00 to 06:00, local time. */
export const NIGHT_SPANS = [
  { start: 0, end: 6 * 60 },
  { start: 21 * 60, end: 24 * 60 },
];

/**
 * The local days to read for a scope from `first` to `last`: the weeks of the average before
 * (and after, for a live check), a day before for the rest, and seven days after for the weekly
 * rest of the last week.
 */
export function guardrailReading(
  first: string,
  last: string,
  limits: GuardrailLimits,
  weeksAfter = 0,
): { from: string; to: string } {
  const weeksBefore = Math.max(0, limits.averageWeeks - 1);
  const lastSunday = addDays(mondayOf(isoWeekOf(last)), 6);
  return {
    from: addDays(mondayOf(isoWeekOf(first)), -7 * weeksBefore - 1),
    to: addDays(lastSunday, 7 * weeksAfter + 7),
  };
}

/** The ISO week 'YYYY-Www' of a local day. */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week 'YYYY-Www'. */
function mondayOf(week: string): string {
  const [year, number] = [Number(week.slice(0, 4)), Number(week.slice(6))];
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const firstMonday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  return new Date(firstMonday + (number - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}
