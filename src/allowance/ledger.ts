/**
 * The allowance ledger: from a contract's terms and its work month by month, what each month
 * included, used, rolled over, drew from the prepaid block and went beyond, and what of it is
 * already billed. The one place these figures are computed: usage, alerts, the portal, the
 * console, drafts and the client report read it. Pure: plain values in, plain values out.
 */
import type { BillingMode } from '../common/domain';
import {
  addMonths,
  consumeRetainer,
  monthNumber,
  usableRollover,
  type RolloverEntry,
} from './rollover';

/** What the ledger needs of a contract. */
export interface AllowanceTerms {
  mode: BillingMode;
  includedMinutesPerMonth?: number | null;
  prepaidMinutes?: number | null;
  rolloverMonths: number;
  /** The contract's first and last day ('YYYY-MM-DD'; null: it runs on). */
  startDate: string;
  endDate: string | null;
}

/** A month's work, summed in SQL. Missing months count as no work. */
export interface MonthUse {
  month: string;
  /** Billable minutes of the finished work started in the month. */
  minutes: number;
  /** Of those, the minutes already on an invoice (draft or issued). */
  billedMinutes?: number;
  /** Urgency quota units taken in the month (requests and urgent calls), and those over quota. */
  quotaUnits?: number;
  overageUnits?: number;
}

export interface LedgerMonth {
  month: string;
  /** Whether the contract is in force on at least one day of the month. */
  inForce: boolean;
  includedMinutes: number;
  usedMinutes: number;
  billedMinutes: number;
  unbilledMinutes: number;
  /** Roll-over usable at the start of the month, oldest first. */
  rolloverIn: RolloverEntry[];
  rolloverConsumed: number;
  /** Included minutes of this month left unused and carried into the next one. */
  rolloverEarned: number;
  /** Roll-over minutes that could not be carried past this month. */
  rolloverExpired: number;
  coveredFromIncluded: number;
  prepaidConsumed: number;
  /** The prepaid block left at the end of the month. */
  prepaidLeft: number;
  /** Minutes beyond what the contract covers (overage, prepaid overrun). */
  overageMinutes: number;
  /**
   * Retainer: the included and roll-over minutes the month's billed work left, which cover its
   * work not billed yet. The billed work was billed first, so it was covered first: work logged
   * after its month's invoice draws on what that invoice left. 0 in other modes.
   */
  unbilledCoverMinutes: number;
  /** Included + roll-over (retainer) or the block (prepaid) still unused at month end. */
  remainingMinutes: number;
  quotaUnits: number;
  overageUnits: number;
}

const sum = (entries: RolloverEntry[]) => entries.reduce((s, e) => s + e.minutes, 0);

function inForce(terms: AllowanceTerms, month: string): boolean {
  const started = terms.startDate.slice(0, 7) <= month;
  return started && (terms.endDate === null || terms.endDate.slice(0, 7) >= month);
}

/** Every month from `first` to `last` included; empty when `last` is before `first`. */
export function monthsFromTo(first: string, last: string): string[] {
  const count = monthNumber(last) - monthNumber(first) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, k) => addMonths(first, k));
}

/**
 * The ledger from the contract's first month to `through` (from `through` or the first month of
 * `use` when earlier), roll-over replayed once, in order.
 */
export function allowanceLedger(
  terms: AllowanceTerms,
  use: readonly MonthUse[],
  through: string,
): LedgerMonth[] {
  const byMonth = new Map(use.map((u) => [u.month, u]));
  const first = [terms.startDate.slice(0, 7), through, ...use.map((u) => u.month)].reduce((a, b) =>
    monthNumber(a) <= monthNumber(b) ? a : b,
  );
  const rolloverMonths = terms.rolloverMonths;
  let rollover: RolloverEntry[] = [];
  let block = terms.mode === 'prepaid' ? (terms.prepaidMinutes ?? 0) : 0;
  // Each month is one object literal of every field, in one order: spreading a shared part
  // into a literal and adding the rest made V8 define each added field the slow way (the
  // ledger's months cost more than the statements reading them).
  return monthsFromTo(first, through).map((month): LedgerMonth => {
    const u = byMonth.get(month);
    const used = u?.minutes ?? 0;
    const billed = Math.min(used, u?.billedMinutes ?? 0);
    const running = inForce(terms, month);
    const quotaUnits = u?.quotaUnits ?? 0;
    const overageUnits = u?.overageUnits ?? 0;
    if (terms.mode === 'retainer') {
      // Out of force, nothing is included and nothing carried: all the work is beyond.
      const included = running ? (terms.includedMinutesPerMonth ?? 0) : 0;
      const usable = usableRollover(rollover, month, rolloverMonths);
      const rolloverIn = running ? usable : [];
      const now = consumeRetainer({
        includedMinutes: included,
        rollover: rolloverIn,
        minutesUsed: used,
        month,
        rolloverMonths,
      });
      const carried = sum(now.rolloverAfter);
      const earned = now.rolloverAfter.find((e) => e.month === month)?.minutes ?? 0;
      const leftOfOlder = sum(usable) - now.coveredFromRollover;
      rollover = now.rolloverAfter;
      return {
        month,
        inForce: running,
        usedMinutes: used,
        billedMinutes: billed,
        unbilledMinutes: used - billed,
        quotaUnits,
        overageUnits,
        includedMinutes: included,
        rolloverIn,
        rolloverConsumed: now.coveredFromRollover,
        rolloverEarned: earned,
        rolloverExpired: leftOfOlder - (carried - earned),
        coveredFromIncluded: now.coveredFromIncluded,
        prepaidConsumed: 0,
        prepaidLeft: 0,
        overageMinutes: now.overageMinutes,
        unbilledCoverMinutes: Math.max(0, included + sum(rolloverIn) - billed),
        remainingMinutes:
          included + sum(rolloverIn) - now.coveredFromIncluded - now.coveredFromRollover,
      };
    }
    const prepaid = terms.mode === 'prepaid';
    const consumed = prepaid && running ? Math.min(block, used) : 0;
    block -= consumed;
    const left = running ? block : 0;
    return {
      month,
      inForce: running,
      usedMinutes: used,
      billedMinutes: billed,
      unbilledMinutes: used - billed,
      quotaUnits,
      overageUnits,
      includedMinutes: prepaid && running ? (terms.prepaidMinutes ?? 0) : 0,
      rolloverIn: [],
      rolloverConsumed: 0,
      rolloverEarned: 0,
      rolloverExpired: 0,
      coveredFromIncluded: 0,
      prepaidConsumed: consumed,
      prepaidLeft: left,
      overageMinutes: prepaid ? used - consumed : 0,
      unbilledCoverMinutes: 0,
      remainingMinutes: left,
    };
  });
}

/**
 * Prepaid, in the order of billing: the block left for the next work billed. Invoices draw on
 * the block as they bill, whatever the months of their work, so what the contract's standing
 * invoices drew (`drawnMinutes`, a billing fact) is gone, and work logged late in a month they
 * billed draws on what they left, never on the block again. The work of `months` not billed
 * yet draws next, as it will when it is billed, but for the months in `billedNow`: the caller
 * bills their unbilled work itself, in the order of the work.
 */
export function prepaidLeftToBill(
  terms: AllowanceTerms,
  months: readonly LedgerMonth[],
  drawnMinutes: number,
  billedNow: readonly string[] = [],
): number {
  const block = terms.mode === 'prepaid' ? (terms.prepaidMinutes ?? 0) : 0;
  const waiting = months
    .filter((l) => !billedNow.includes(l.month))
    .reduce((s, l) => s + l.unbilledMinutes, 0);
  return Math.max(0, block - drawnMinutes - waiting);
}

/** The ledger's month `month`, or an empty one when the ledger does not reach it. */
export function ledgerMonth(
  ledger: readonly LedgerMonth[],
  month: string,
): LedgerMonth | undefined {
  return ledger.find((l) => l.month === month);
}
