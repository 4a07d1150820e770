import { localMonth } from '../../calendar/periods';
import {
  allowanceOf,
  chronological,
  minutesBeyondCover,
  sumMinutes,
  type AllowanceMonth,
  type DraftInput,
  type DraftIntervention,
  type LineContext,
} from './draft-input';
import { hoursText, monthText } from './labels';
import { hourLine, type DraftLine } from './lines';
import { hoursFromMinutes } from './rounding';
import { monthNumber } from './retainer';

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

/**
 * A month's fee, and its overage: the draft's work of the month, in the order of the work,
 * takes what the ledger says is left to cover it (roll-over and included minutes); the rest is
 * beyond.
 */
function monthLines(
  input: DraftInput,
  ctx: LineContext,
  allowance: AllowanceMonth,
  interventions: DraftIntervention[],
): DraftLine[] {
  const used = sumMinutes(interventions);
  const overageMinutes = minutesBeyondCover(allowance, used);
  const { covered, spilled } = splitCovered(interventions, used - overageMinutes);
  const rollover = allowance.rolloverIn.reduce((sum, e) => sum + e.minutes, 0);
  const hours = (minutes: number) => hoursText(hoursFromMinutes(minutes), ctx.locale);
  const values = {
    month: monthText(allowance.month, ctx.locale),
    included: hours(allowance.includedMinutes),
    rollover: hours(rollover),
    used: hours(used),
  };
  const label = input.feeInAdvance
    ? 'retainerFeeInAdvance'
    : rollover > 0
      ? 'retainerFeeWithRollover'
      : 'retainerFee';
  const lines = [feeLine(ctx.labels.line(label, values), input.monthlyFeeCents ?? 0, ctx, covered)];
  if (overageMinutes > 0) {
    const rate = input.overageRateCents ?? input.hourlyRateCents;
    const description = ctx.labels.line('retainerOverage', values);
    lines.push(
      hourLine('retainer_overage', description, overageMinutes, rate, ctx.vatRateBp, spilled),
    );
  }
  return lines;
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

/**
 * Retainer: one fee line per covered month, and per month an overage line for the minutes
 * beyond its included and roll-over ones. Each month's figures are the allowance ledger's
 * (`input.allowance`); surcharges are billed apart (covered minutes cover the base).
 */
export function retainerLines(input: DraftInput, months: string[], ctx: LineContext): DraftLine[] {
  const timezone = input.timezone ?? 'Europe/Paris';
  const ordered = chronological(input.interventions);
  return months.flatMap((month) =>
    monthLines(
      input,
      ctx,
      allowanceOf(input, month),
      ordered.filter((i) => billingMonth(i.startedAt, months, timezone) === month),
    ),
  );
}
