import type { BillingMode, Urgency } from '../../common/domain';
import type { DraftLabels, DraftWording, LabelLocale } from './labels';
import type { LateMonth } from './late-lines';

export type { RolloverEntry } from '../../allowance/rollover';
import type { RolloverEntry } from '../../allowance/rollover';

/** An uninvoiced billable intervention, already priced when it was saved. */
export interface DraftIntervention {
  id: string;
  startedAt: Date;
  activityId: string;
  activityName: string;
  urgency: Urgency;
  billableMinutes: number;
  /** The contract rate or the activity's override for this contract. */
  hourlyRateCents: number;
  baseAmountCents: number;
  urgencySurchargeCents: number;
  afterHoursSurchargeCents: number;
  afterHoursBillableMinutes: number;
  urgencySurchargePercent: number;
  afterHoursSurchargePercent: number;
  description: string;
}

/** A request accepted over its level's quota under the `overage` behaviour. */
export interface OverageEvent {
  urgency: Urgency;
  feeCents: number;
  requestId?: string;
  title: string;
  /** Set on a unit of a month already invoiced before the draft's period. */
  month?: string;
}

export interface DraftInput {
  mode: BillingMode;
  period: { start: string; end: string };
  /** 'YYYY-MM' months the draft covers; derived from the period when empty. */
  months: string[];
  /** The practice's zone, to place an intervention in its month. Default Europe/Paris. */
  timezone?: string;
  monthlyFeeCents?: number;
  includedMinutesPerMonth?: number;
  /** The contract's rolloverMonths (0 = unused minutes expire at month end). */
  rolloverMonths: number;
  /** Prepaid block minutes left before this draft. */
  prepaidRemainingMinutes?: number;
  hourlyRateCents: number;
  /** Retainer minutes beyond the covered ones; the hourly rate when absent. */
  overageRateCents?: number;
  vatRateBp: number;
  /** Roll-over carried into the first month, already filtered for expiry, oldest first. */
  rollover: RolloverEntry[];
  interventions: DraftIntervention[];
  overageEvents: OverageEvent[];
  /** Months before the period already invoiced, whose late work the draft bills. */
  lateMonths?: LateMonth[];
  /**
   * Retainer billed in advance (à échoir): the fee of the period's months, and the work of the
   * months before it (`workMonths`), each on a line of its own month.
   */
  feeInAdvance?: boolean;
  workMonths?: string[];
  locale?: LabelLocale;
  labels?: Partial<DraftLabels>;
}

/** Chronological order, the order in which included and prepaid minutes are consumed. */
export function chronological(interventions: DraftIntervention[]): DraftIntervention[] {
  return [...interventions].sort(
    (a, b) =>
      a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function sumMinutes(interventions: DraftIntervention[]): number {
  return interventions.reduce((sum, i) => sum + i.billableMinutes, 0);
}

/** What every line builder needs besides its interventions. */
export interface LineContext {
  labels: DraftWording;
  locale: LabelLocale;
  vatRateBp: number;
}
