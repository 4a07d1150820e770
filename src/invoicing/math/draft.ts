import { addDays, firstDayOfNextMonth } from '../../calendar/periods';
import type { BillingMode } from '../../common/domain';
import type { DraftInput, LineContext } from './draft-input';
import { labelsFor } from './labels';
import { isLate, lateFeeLines, lateLines } from './late-lines';
import type { DraftLine } from './lines';
import { prepaidLines } from './prepaid-lines';
import { addMonths, monthNumber } from './retainer';
import { retainerLines } from './retainer-lines';
import {
  afterHoursSurchargeLines,
  overQuotaFeeLines,
  urgencySurchargeLines,
} from './surcharge-lines';
import { timeLines } from './time-lines';

export interface Draft {
  lines: DraftLine[];
  /** Prepaid: block minutes left after the draft; null otherwise. */
  prepaidRemainingMinutesAfter: number | null;
}

/** Every 'YYYY-MM' the period touches, in order. */
export function monthsOfPeriod(period: { start: string; end: string }): string[] {
  const first = period.start.slice(0, 7);
  const count = monthNumber(period.end.slice(0, 7)) - monthNumber(first) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, k) => addMonths(first, k));
}

/**
 * A retainer whose fee is billed in advance (à échoir): a period's draft bills its months' fee
 * and, beside it, the work of the months before (`monthsBefore`). Only a retainer has a fee.
 */
export function billsFeeInAdvance(billing: { mode: BillingMode; feeTiming?: string }): boolean {
  return billing.mode === 'retainer' && billing.feeTiming === 'advance';
}

/** The same span one month earlier, whole months: December 2026 → November 2026. */
export function monthsBefore(period: { start: string; end: string }): {
  start: string;
  end: string;
} {
  const first = addMonths(period.start.slice(0, 7), -1);
  const last = addMonths(period.end.slice(0, 7), -1);
  return { start: `${first}-01`, end: addDays(firstDayOfNextMonth(last), -1) };
}

/** A contract's dates: the first day, and the last one unless it runs on. */
export interface ContractDates {
  startDate: string;
  endDate: string | null;
}

/**
 * The months of the period during which the contract runs: a retainer fee is billed for
 * these only, never for a month before the contract starts or after it ends.
 */
export function contractMonthsOfPeriod(
  period: { start: string; end: string },
  contract: ContractDates,
): string[] {
  const first = contract.startDate.slice(0, 7);
  const last = contract.endDate?.slice(0, 7) ?? null;
  return monthsOfPeriod(period).filter(
    (m) =>
      monthNumber(m) >= monthNumber(first) &&
      (last === null || monthNumber(m) <= monthNumber(last)),
  );
}

function coveredMonths(input: DraftInput): string[] {
  const months = input.months.length > 0 ? input.months : monthsOfPeriod(input.period);
  return [...new Set(months)].sort((a, b) => monthNumber(a) - monthNumber(b));
}

function assertBillable(input: DraftInput): void {
  for (const i of input.interventions) {
    if (!Number.isSafeInteger(i.billableMinutes) || i.billableMinutes < 0) {
      throw new RangeError(
        `Intervention ${i.id}: billable minutes must be a whole number, not negative`,
      );
    }
  }
}

/**
 * The lines of a draft invoice for one contract and period, in reading order: the work
 * (fee and overage, prepaid block, or time), then surcharges, then over-quota fees.
 */
export function buildDraft(input: DraftInput): Draft {
  assertBillable(input);
  const ctx: LineContext = {
    labels: labelsFor(input.locale, input.labels),
    locale: input.locale ?? 'en',
    vatRateBp: input.vatRateBp,
  };
  // Work of a month already invoiced is billed on lines of its own month; prepaid work draws
  // on the block in the order of the work, whatever its month.
  const current = input.interventions.filter((i) => !isLate(i, input));
  const extras = [
    ...urgencySurchargeLines(current, ctx),
    ...afterHoursSurchargeLines(current, ctx),
    ...overQuotaFeeLines(
      input.overageEvents.filter((e) => e.month === undefined),
      ctx,
    ),
    ...lateLines(input, ctx),
    ...lateFeeLines(input.overageEvents, ctx),
  ];
  switch (input.mode) {
    case 'retainer': {
      const months = coveredMonths(input);
      if (months.length === 0) throw new RangeError('A retainer draft covers at least one month');
      const work = retainerLines({ ...input, interventions: current }, months, ctx);
      return { lines: [...work, ...extras], prepaidRemainingMinutesAfter: null };
    }
    case 'prepaid': {
      const work = prepaidLines(input, ctx);
      return {
        lines: [...work.lines, ...extras],
        prepaidRemainingMinutesAfter: work.remainingAfter,
      };
    }
    case 'time_and_materials':
      return { lines: [...timeLines(current, ctx), ...extras], prepaidRemainingMinutesAfter: null };
  }
}

/** The draft's lines alone (see buildDraft for the prepaid block left after it). */
export function buildDraftLines(input: DraftInput): DraftLine[] {
  return buildDraft(input).lines;
}
