import type { BillingMode, Urgency } from '../../common/domain';
import type { LedgerMonth } from '../../allowance/ledger';
import type { DraftLabels, DraftWording, LabelLocale } from './labels';

export type { RolloverEntry } from '../../allowance/rollover';

/**
 * Retainer: a month of the allowance ledger as a draft reads it, for each month whose fee or
 * late work the draft bills. The ledger counts the month's included and roll-over minutes and
 * what its billed work left of them; the draft only lays its own work against that.
 */
export type AllowanceMonth = Pick<
  LedgerMonth,
  'month' | 'includedMinutes' | 'rolloverIn' | 'unbilledCoverMinutes'
>;

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
  /** Prepaid block minutes left before this draft (from the allowance ledger). */
  prepaidRemainingMinutes?: number;
  hourlyRateCents: number;
  /** Retainer minutes beyond the covered ones; the hourly rate when absent. */
  overageRateCents?: number;
  vatRateBp: number;
  interventions: DraftIntervention[];
  overageEvents: OverageEvent[];
  /**
   * Retainer: the ledger's months whose fee the draft bills and those before the period, already
   * invoiced, whose late work it bills. A month missing covers nothing.
   */
  allowance?: AllowanceMonth[];
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

/** The ledger's month `month` for the draft, or one that covers nothing when it is missing. */
export function allowanceOf(input: DraftInput, month: string): AllowanceMonth {
  return (
    input.allowance?.find((a) => a.month === month) ?? {
      month,
      includedMinutes: 0,
      rolloverIn: [],
      unbilledCoverMinutes: 0,
    }
  );
}

/**
 * Of `minutes` of the draft's work in a month, those beyond what the ledger says is left to
 * cover the month's unbilled work: they are billed at the overage rate.
 */
export function minutesBeyondCover(allowance: AllowanceMonth, minutes: number): number {
  return Math.max(0, minutes - allowance.unbilledCoverMinutes);
}

/** What every line builder needs besides its interventions. */
export interface LineContext {
  labels: DraftWording;
  locale: LabelLocale;
  vatRateBp: number;
}
