import { localMonth } from '../../calendar/periods';
import {
  chronological,
  sumMinutes,
  type DraftInput,
  type DraftIntervention,
  type LineContext,
  type RolloverEntry,
} from './draft-input';
import { hoursText, monthText } from './labels';
import { hourLine, type DraftLine } from './lines';
import { hoursFromMinutes } from './rounding';
import { consumeRetainer, monthNumber, usableRollover } from './retainer';

/**
 * The month an intervention is billed in. Work from before the first covered month (left
 * uninvoiced) lands in the first one; work in a month not covered, in the closest earlier one.
 */
function billingMonth(startedAt: Date, months: string[], timezone: string): string {
  const own = monthNumber(localMonth(startedAt, timezone));
  const earlier = months.filter((m) => monthNumber(m) <= own);
  return earlier.length > 0 ? earlier[earlier.length - 1] : months[0];
}

/** Which interventions the covered minutes reach, and which spill over, in consumption order. */
function splitCovered(
  interventions: DraftIntervention[],
  coveredMinutes: number,
): { covered: string[]; spilled: string[] } {
  const covered: string[] = [];
  const spilled: string[] = [];
  let start = 0;
  for (const i of interventions) {
    const end = start + i.billableMinutes;
    if (i.billableMinutes > 0 && start < coveredMinutes) covered.push(i.id);
    if (end > coveredMinutes) spilled.push(i.id);
    start = end;
  }
  return { covered, spilled };
}

interface MonthFacts {
  month: string;
  interventions: DraftIntervention[];
  rollover: RolloverEntry[];
}

function monthLines(input: DraftInput, ctx: LineContext, facts: MonthFacts) {
  const { month, interventions, rollover } = facts;
  const includedMinutes = input.includedMinutesPerMonth ?? 0;
  const used = sumMinutes(interventions);
  const { rolloverMonths } = input;
  const consumption = consumeRetainer({
    includedMinutes,
    rollover,
    minutesUsed: used,
    month,
    rolloverMonths,
  });
  const available = sumRollover(usableRollover(rollover, month, rolloverMonths));
  const coveredMinutes = consumption.coveredFromRollover + consumption.coveredFromIncluded;
  const { covered, spilled } = splitCovered(interventions, coveredMinutes);
  const hours = (minutes: number) => hoursText(hoursFromMinutes(minutes), ctx.locale);
  const values = {
    month: monthText(month, ctx.locale),
    included: hours(includedMinutes),
    rollover: hours(available),
    used: hours(used),
  };
  const label = input.feeInAdvance
    ? 'retainerFeeInAdvance'
    : available > 0
      ? 'retainerFeeWithRollover'
      : 'retainerFee';
  const lines = [feeLine(ctx.labels.line(label, values), input.monthlyFeeCents ?? 0, ctx, covered)];
  if (consumption.overageMinutes > 0) {
    const rate = input.overageRateCents ?? input.hourlyRateCents;
    const description = ctx.labels.line('retainerOverage', values);
    const { overageMinutes } = consumption;
    lines.push(
      hourLine('retainer_overage', description, overageMinutes, rate, ctx.vatRateBp, spilled),
    );
  }
  return { lines, rolloverAfter: consumption.rolloverAfter };
}

function feeLine(
  description: string,
  feeCents: number,
  ctx: LineContext,
  ids: string[],
): DraftLine {
  return {
    kind: 'retainer_fee',
    description,
    quantity: 1,
    unit: 'month',
    unitPriceCents: feeCents,
    vatRateBp: ctx.vatRateBp,
    amountCents: feeCents,
    interventionIds: ids,
  };
}

function sumRollover(entries: RolloverEntry[]): number {
  return entries.reduce((sum, e) => sum + e.minutes, 0);
}

/**
 * Retainer: one fee line per covered month, and per month an overage line for the minutes
 * beyond included + roll-over. Surcharges are billed apart (covered minutes cover the base).
 */
export function retainerLines(
  input: DraftInput,
  months: string[],
  ctx: LineContext,
): { lines: DraftLine[]; rolloverAfter: RolloverEntry[] } {
  const timezone = input.timezone ?? 'Europe/Paris';
  const ordered = chronological(input.interventions);
  const lines: DraftLine[] = [];
  let rollover = input.rollover;
  for (const month of months) {
    const interventions = ordered.filter(
      (i) => billingMonth(i.startedAt, months, timezone) === month,
    );
    const result = monthLines(input, ctx, { month, interventions, rollover });
    lines.push(...result.lines);
    rollover = result.rolloverAfter;
  }
  return { lines, rolloverAfter: rollover };
}
