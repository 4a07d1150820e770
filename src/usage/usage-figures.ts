/**
 * A contract's consumption in one month, from its billable minutes month by month: included
 * minutes and what rolled over for a retainer, the block left for a prepaid contract.
 */
import type { BillingTerms } from '../contracts/contract.entity';
import { addMonths, consumeRetainer, monthNumber, type RolloverEntry } from '../invoicing/math';

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
  if (runsInMonth(period, month)) return consumptionIn(billing, month, history);
  const usedMinutes = history.find((h) => h.month === month)?.billableMinutes ?? 0;
  const covered = billing.mode !== 'time_and_materials';
  return {
    includedMinutes: 0,
    usedMinutes,
    remainingMinutes: 0,
    rolloverMinutes: 0,
    overageMinutes: covered ? usedMinutes : 0,
    ...(billing.mode === 'prepaid' ? { prepaidRemainingMinutes: 0 } : {}),
  };
}

/** The months from `first` to `last` included, in order; empty when `last` is before `first`. */
export function monthsBetween(first: string, last: string): string[] {
  const count = monthNumber(last) - monthNumber(first) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, k) => addMonths(first, k));
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
  const minutesOf = new Map(history.map((h) => [h.month, h.billableMinutes]));
  const usedMinutes = minutesOf.get(month) ?? 0;
  switch (billing.mode) {
    case 'retainer':
      return retainerMonth(billing, month, history, minutesOf);
    case 'prepaid': {
      const block = billing.prepaidMinutes ?? 0;
      const usedUpToMonth = history
        .filter((h) => monthNumber(h.month) <= monthNumber(month))
        .reduce((sum, h) => sum + h.billableMinutes, 0);
      const left = Math.max(0, block - usedUpToMonth);
      const overageMinutes = Math.min(usedMinutes, Math.max(0, usedUpToMonth - block));
      return {
        includedMinutes: block,
        usedMinutes,
        remainingMinutes: left,
        rolloverMinutes: 0,
        overageMinutes,
        prepaidRemainingMinutes: left,
      };
    }
    case 'time_and_materials':
      return {
        includedMinutes: 0,
        usedMinutes,
        remainingMinutes: 0,
        rolloverMinutes: 0,
        overageMinutes: 0,
      };
  }
}

function retainerMonth(
  billing: BillingTerms,
  month: string,
  history: MonthMinutes[],
  minutesOf: Map<string, number>,
): ConsumptionFigures {
  const includedMinutes = billing.includedMinutesPerMonth ?? 0;
  const rolloverMonths = billing.rolloverMonths;
  let rollover: RolloverEntry[] = [];
  const first = history[0]?.month ?? month;
  for (const earlier of monthsBetween(first, addMonths(month, -1))) {
    const minutesUsed = minutesOf.get(earlier) ?? 0;
    rollover = consumeRetainer({
      includedMinutes,
      rollover,
      minutesUsed,
      month: earlier,
      rolloverMonths,
    }).rolloverAfter;
  }
  const rolloverMinutes = rollover.reduce((sum, entry) => sum + entry.minutes, 0);
  const usedMinutes = minutesOf.get(month) ?? 0;
  const now = consumeRetainer({
    includedMinutes,
    rollover,
    minutesUsed: usedMinutes,
    month,
    rolloverMonths,
  });
  return {
    includedMinutes,
    usedMinutes,
    remainingMinutes:
      includedMinutes + rolloverMinutes - now.coveredFromIncluded - now.coveredFromRollover,
    rolloverMinutes,
    overageMinutes: now.overageMinutes,
  };
}
