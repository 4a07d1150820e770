import { localDate, localMonth } from '../../calendar/periods';
import {
  allowanceOf,
  chronological,
  minutesBeyondCover,
  sumMinutes,
  type AllowanceMonth,
  type DraftInput,
  type DraftIntervention,
  type LineContext,
  type OverageEvent,
} from './draft-input';
import { hoursText, monthText } from './labels';
import { hourLine, type DraftLine } from './lines';
import { monthNumber } from './retainer';
import { hoursFromMinutes } from './rounding';
import {
  afterHoursSurchargeLines,
  overQuotaFeeLines,
  urgencySurchargeLines,
} from './surcharge-lines';
import { timeLines } from './time-lines';

/** Work that started before the draft's period: it belongs to a month already invoiced. */
export function isLate(i: { startedAt: Date }, input: DraftInput): boolean {
  return localDate(i.startedAt, input.timezone ?? 'Europe/Paris') < input.period.start;
}

/** The late work by month, oldest month first. */
function byMonth(input: DraftInput): Map<string, DraftIntervention[]> {
  const tz = input.timezone ?? 'Europe/Paris';
  const months = new Map<string, DraftIntervention[]>();
  for (const i of chronological(input.interventions.filter((w) => isLate(w, input)))) {
    const month = localMonth(i.startedAt, tz);
    months.set(month, [...(months.get(month) ?? []), i]);
  }
  return new Map([...months].sort(([a], [b]) => monthNumber(a) - monthNumber(b)));
}

const dated = (month: string, ctx: LineContext) => (line: DraftLine) => ({
  ...line,
  description: ctx.labels.inMonth(line.description, month),
});

/**
 * Retainer: a month's late minutes are covered by what its invoice left of the included and
 * rolled-over minutes (the ledger's cover for its unbilled work: the billed work took its part
 * first, as it was logged before); the rest is that month's overage. One line per month lists
 * all its late work, so work covered by the fee already paid shows at 0.
 */
function retainerLateLine(
  input: DraftInput,
  ctx: LineContext,
  allowance: AllowanceMonth,
  work: DraftIntervention[],
): DraftLine {
  const late = sumMinutes(work);
  const overageMinutes = minutesBeyondCover(allowance, late);
  const rate = input.overageRateCents ?? input.hourlyRateCents;
  const advance = input.feeInAdvance && (input.workMonths ?? []).includes(allowance.month);
  const description = ctx.labels.line(advance ? 'workAfterAdvance' : 'lateRetainer', {
    month: monthText(allowance.month, ctx.locale),
    used: hoursText(hoursFromMinutes(late), ctx.locale),
  });
  const ids = work.map((i) => i.id);
  return hourLine('retainer_overage', description, overageMinutes, rate, ctx.vatRateBp, ids);
}

/**
 * The lines of work from months already invoiced, each dated in its own month: retainer
 * overage (what the month's invoice left covers the rest), time and materials, surcharges.
 * Prepaid work draws on the block like the rest, in the order of the work.
 */
export function lateLines(input: DraftInput, ctx: LineContext): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const [month, work] of byMonth(input)) {
    const stamp = dated(month, ctx);
    if (input.mode === 'retainer') {
      lines.push(retainerLateLine(input, ctx, allowanceOf(input, month), work));
    } else if (input.mode === 'time_and_materials') {
      lines.push(...timeLines(work, ctx).map(stamp));
    }
    lines.push(...urgencySurchargeLines(work, ctx).map(stamp));
    lines.push(...afterHoursSurchargeLines(work, ctx).map(stamp));
  }
  return lines;
}

/** Over-quota fees of months already invoiced, one group per month, dated. */
export function lateFeeLines(events: OverageEvent[], ctx: LineContext): DraftLine[] {
  const months = [...new Set(events.map((e) => e.month ?? ''))].filter((m) => m !== '');
  return months
    .sort((a, b) => monthNumber(a) - monthNumber(b))
    .flatMap((month) =>
      overQuotaFeeLines(
        events.filter((e) => e.month === month),
        ctx,
      ).map(dated(month, ctx)),
    );
}
