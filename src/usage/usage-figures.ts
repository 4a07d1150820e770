/**
 * A contract's consumption in one month as usage, the portal and the client report show it:
 * read from the allowance ledger, never computed here.
 */
import { allowanceLedger, monthsFromTo, type LedgerMonth } from '../allowance/ledger';
import type { BillingTerms } from '../contracts/contract.entity';
import { amountOfMinutes } from '../interventions/pricing';

export interface MonthMinutes {
  month: string;
  billableMinutes: number;
}

export interface ConsumptionFigures {
  includedMinutes: number;
  usedMinutes: number;
  remainingMinutes: number;
  rolloverMinutes: number;
  overageMinutes: number;
  prepaidRemainingMinutes?: number;
}

/** The days a contract is in force: from its start date to its end date, its last day. */
export interface ContractPeriod {
  startDate: string;
  endDate: string | null;
}

/** Whether the contract is in force on at least one day of `month` ('YYYY-MM'). */
export function runsInMonth(period: ContractPeriod, month: string): boolean {
  const started = period.startDate.slice(0, 7) <= month;
  return started && (period.endDate === null || period.endDate.slice(0, 7) >= month);
}

/** The months from `first` to `last` included, in order; empty when `last` is before `first`. */
export const monthsBetween = monthsFromTo;

/** A ledger month as the figures of usage. */
export function consumptionOf(mode: BillingTerms['mode'], entry: LedgerMonth): ConsumptionFigures {
  return {
    includedMinutes: entry.includedMinutes,
    usedMinutes: entry.usedMinutes,
    remainingMinutes: entry.remainingMinutes,
    rolloverMinutes: entry.rolloverIn.reduce((sum, e) => sum + e.minutes, 0),
    overageMinutes: entry.overageMinutes,
    ...(mode === 'prepaid' ? { prepaidRemainingMinutes: entry.prepaidLeft } : {}),
  };
}

/**
 * The consumption of a month under the contract: a month before it starts or after it ends
 * includes nothing, so any work logged then is beyond what the contract covers.
 */
export function contractConsumptionIn(
  period: ContractPeriod,
  billing: BillingTerms,
  month: string,
  history: MonthMinutes[],
): ConsumptionFigures {
  const use = history.map((h) => ({ month: h.month, minutes: h.billableMinutes }));
  const ledger = allowanceLedger({ ...billing, ...period }, use, month);
  return consumptionOf(billing.mode, ledger[ledger.length - 1]);
}

/**
 * `history` holds every month from the contract's first to `month` included (missing months
 * count as no work), so roll-over is replayed exactly as invoices consume it.
 */
export function consumptionIn(
  billing: BillingTerms,
  month: string,
  history: MonthMinutes[],
): ConsumptionFigures {
  const first = history[0]?.month ?? month;
  return contractConsumptionIn(
    { startDate: `${first}-01`, endDate: null },
    billing,
    month,
    history,
  );
}

/**
 * What the minutes beyond the contract cost, priced as an invoice bills them: retainer overage
 * at the overage rate (the hourly rate without one), prepaid overrun at the hourly rate. Time
 * and materials has no allowance to go beyond: every minute is billed at its rate anyway.
 */
export function overageCostCents(billing: BillingTerms, overageMinutes: number): number {
  if (overageMinutes <= 0) return 0;
  return amountOfMinutes(overageMinutes, overageHourCents(billing));
}

/** The price of an hour beyond the contract (0 in time and materials). */
export function overageHourCents(billing: BillingTerms): number {
  if (billing.mode === 'time_and_materials') return 0;
  return billing.mode === 'retainer'
    ? (billing.overageRateCents ?? billing.hourlyRateCents)
    : billing.hourlyRateCents;
}
