/**
 * The product's shared vocabulary: plain types and constants used by entities, DTOs and the
 * pure rule modules alike. No framework import lives here.
 */

export const URGENCY_LEVELS = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];
/** high and critical count as urgent interruptions (guardrails, reports). */
export const URGENT_LEVELS: readonly Urgency[] = ['high', 'critical'];

export const ROLES = ['consultant', 'client', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIVITY_KINDS = ['support', 'consulting', 'training', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const LOCATIONS = ['remote', 'onsite'] as const;
export type Location = (typeof LOCATIONS)[number];

export const BILLING_MODES = ['retainer', 'prepaid', 'time_and_materials'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

export const SLA_CLOCKS = ['business', '24x7'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

export const OVER_QUOTA_BEHAVIOURS = ['reject', 'downgrade', 'overage'] as const;
export type OverQuotaBehaviour = (typeof OVER_QUOTA_BEHAVIOURS)[number];

export {
  DEFAULT_BUSINESS_HOURS,
  WEEKDAYS,
  HOLIDAY_CALENDARS,
  type Weekday,
  type WeeklyHours,
  type HolidayCalendar,
  type CalendarSettings,
} from '../calendar/calendar-types';

/** The consultant's burnout limits (practice settings), in minutes or counts. */
export interface GuardrailLimits {
  maxWeeklyMinutes: number;
  alertWeeklyMinutes: number;
  maxDailyMinutes: number;
  minDailyRestMinutes: number;
  minWeeklyDaysOff: number;
  maxAfterHoursMinutesPerWeek: number;
  maxUrgentInterruptionsPerDay: number;
  /** Rest in one stretch in every 7 days (24 h + the 11 h of daily rest). */
  minWeeklyRestMinutes: number;
  /** The average week over any `averageWeeks` consecutive ISO weeks. */
  maxAverageWeeklyMinutes: number;
  averageWeeks: number;
  /** Work between 21:00 and 06:00 local time in an ISO week. */
  maxNightMinutesPerWeek: number;
  maxConsecutiveWorkDays: number;
}

export interface UrgencyLevelPolicy {
  responseMinutes: number;
  clock: SlaClock;
  /** null = unlimited */
  monthlyQuota: number | null;
  surchargePercent: number;
  overQuota: OverQuotaBehaviour;
  overageFeeCents?: number | null;
}

export interface UrgencyPolicy {
  levels: Record<Urgency, UrgencyLevelPolicy>;
  afterHoursAllowed: boolean;
  afterHoursSurchargePercent: number;
}

/**
 * Defaults from working-time law (EU directive 2003/88, French Code du travail): the limits of
 * employees, which an independent consultant chooses to apply (docs/workload.md names each source).
 */
export const DEFAULT_LIMITS: GuardrailLimits = {
  maxWeeklyMinutes: 48 * 60,
  alertWeeklyMinutes: 40 * 60,
  maxDailyMinutes: 10 * 60,
  minDailyRestMinutes: 11 * 60,
  minWeeklyDaysOff: 1,
  maxAfterHoursMinutesPerWeek: 8 * 60,
  maxUrgentInterruptionsPerDay: 3,
  minWeeklyRestMinutes: 35 * 60,
  maxAverageWeeklyMinutes: 44 * 60,
  averageWeeks: 12,
  maxNightMinutesPerWeek: 6 * 60,
  maxConsecutiveWorkDays: 6,
};
