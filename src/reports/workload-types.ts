/** The shapes of the workload report: SQL's per-day aggregates in, the report out. */
import type { ActivityKind, GuardrailLimits } from '../common/domain';

/** One local day with work, as aggregated by SQL. */
export interface WorkloadDayInput {
  date: string;
  workedMinutes: number;
  afterHoursMinutes: number;
  urgentInterruptions: number;
  /** Number of distinct clients touched that day. */
  clients: number;
  /** ISO instants of the day's first start and last end (of its pieces, cut at midnight). */
  firstStart: string;
  lastEnd: string;
  /**
   * When the day's work really ended: after midnight for work running past it. The rest
   * before the next day starts here; `lastEnd` when not given.
   */
  workEnd?: string;
  /**
   * The first start of work begun this day, null when the day only continues the previous
   * night's work; the rest before this day ends here. `firstStart` when not given.
   */
  newWorkStart?: string | null;
}

export interface WorkloadInput {
  /** First and last local day of the period, both included. */
  from: string;
  to: string;
  limits: GuardrailLimits;
  /** Public holidays and closure days; those outside the period are ignored. */
  holidays: readonly string[];
  /** Only the days with work, in any order. */
  days: readonly WorkloadDayInput[];
  /** Minutes of high/critical interventions over the period; gives `urgentShare` when set. */
  urgentMinutes?: number;
  breakdown?: {
    activities: readonly { activity: ActivityKind; workedMinutes: number }[];
    clients: readonly { clientId: string; clientName: string; workedMinutes: number }[];
  };
}

export interface WorkloadDay extends WorkloadDayInput {
  /**
   * Rest from the end of this day's work to the first work begun the next calendar day; null
   * when the next day begins no work.
   */
  restBeforeNextMinutes: number | null;
  weekend: boolean;
  holiday: boolean;
  shortRest: boolean;
  overDailyMax: boolean;
  overUrgentLimit: boolean;
}

export interface WorkloadWeek {
  /** ISO week, '2026-W48'. */
  week: string;
  /** Its Monday, even when the period starts later in the week. */
  start: string;
  workedMinutes: number;
  afterHoursMinutes: number;
  /** Days of the week inside the period: under 7 at the period's edges. */
  daysInRange: number;
  partial: boolean;
  /** Days of the week inside the period without work. */
  daysOff: number;
  /** Over the alert threshold (weeks over the maximum included). */
  overAlert: boolean;
  overMax: boolean;
  overAfterHoursLimit: boolean;
  /** Fewer days off than the minimum; only judged on full weeks. */
  tooFewDaysOff: boolean;
}

export interface WorkloadIndicators {
  totalWorkedMinutes: number;
  totalAfterHoursMinutes: number;
  workingDays: number;
  weeksOverLimit: number;
  /** Weeks over the alert threshold, those over the limit included. */
  weeksOverAlert: number;
  weeksOverAfterHoursLimit: number;
  weeksShortOfDaysOff: number;
  shortRestDays: number;
  weekendDaysWorked: number;
  holidayDaysWorked: number;
  longestRunOfWorkingDays: number;
  daysOverDailyMax: number;
  daysOverUrgentLimit: number;
  /** After-hours minutes / worked minutes, 0..1. */
  afterHoursShare: number;
  urgentInterruptions: number;
  /** Urgent interruptions / working days. */
  urgentPerWorkingDay: number;
  /** Urgent intervention minutes / worked minutes, 0..1; only when urgentMinutes is given. */
  urgentShare?: number;
}

export type RiskLevel = 'green' | 'amber' | 'red';

export interface WorkloadReport {
  days: WorkloadDay[];
  weeks: WorkloadWeek[];
  indicators: WorkloadIndicators;
  risk: { level: RiskLevel; reasons: string[] };
  breakdown?: {
    activities: { activity: ActivityKind; workedMinutes: number; share: number }[];
    clients: { clientId: string; clientName: string; workedMinutes: number; share: number }[];
  };
}
