/** The shapes of the workload report: SQL's per-day aggregates in, the report out. */
import type { ActivityKind, GuardrailLimits } from '../common/domain';
import type { Warning } from '../interventions/guardrails';

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
  /**
   * The guardrails' warnings over the period (GuardrailCheck.over): the limits of the practice
   * broken, judged by the rules of the live warnings.
   */
  warnings: readonly Warning[];
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

/** A run of consecutive working days, from its first day to its last. */
interface WorkingRun<C extends string> {
  code: C;
  days: number;
  firstDate: string;
  lastDate: string;
}

/** A reason of the report's own, as its code and figures (words: `risk.<code>`). */
export type ReportRiskReason =
  | { code: 'short_rests'; days: number; limitMinutes: number }
  | WorkingRun<'working_run_fortnight'>
  | {
      code: 'after_hours_share';
      severity: 'red' | 'amber';
      afterHoursShare: number;
      thresholdShare: number;
    }
  | { code: 'weekend_or_holiday_days'; days: number }
  | { code: 'within_limits' };

/**
 * Why the risk stands at its level: a guardrail broken in the period, said as the guardrail's
 * own warning (`warning.<code>`), or a reason of the report's own.
 */
export type RiskReason = Warning | ReportRiskReason;

export interface WorkloadReport {
  days: WorkloadDay[];
  weeks: WorkloadWeek[];
  indicators: WorkloadIndicators;
  risk: { level: RiskLevel; reasons: RiskReason[] };
  breakdown?: {
    activities: { activity: ActivityKind; workedMinutes: number; share: number }[];
    clients: { clientId: string; clientName: string; workedMinutes: number; share: number }[];
  };
}
