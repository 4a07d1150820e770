import { URGENCY_LEVELS, type Urgency } from '../../common/domain';
import {
  chronological,
  type DraftIntervention,
  type LineContext,
  type OverageEvent,
} from './draft-input';
import { hoursText } from './labels';
import type { DraftLine } from './lines';
import { hoursFromMinutes } from './rounding';

/** A surcharge is billed as one amount: the sum of the interventions' own surcharges. */
function lumpLine(
  kind: DraftLine['kind'],
  description: string,
  amountCents: number,
  ctx: LineContext,
  interventionIds: string[],
): DraftLine {
  return {
    kind,
    description,
    quantity: 1,
    unit: 'unit',
    unitPriceCents: amountCents,
    vatRateBp: ctx.vatRateBp,
    amountCents,
    interventionIds,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.values()];
}

const levelOrder = (u: Urgency): number => URGENCY_LEVELS.indexOf(u);

/** One line per (urgency, percent), lowest level first. Billed in every mode. */
export function urgencySurchargeLines(
  interventions: DraftIntervention[],
  ctx: LineContext,
): DraftLine[] {
  const charged = chronological(interventions).filter((i) => i.urgencySurchargeCents > 0);
  const sorted = [...charged].sort(
    (a, b) =>
      levelOrder(a.urgency) - levelOrder(b.urgency) ||
      a.urgencySurchargePercent - b.urgencySurchargePercent,
  );
  return groupBy(sorted, (i) => `${i.urgency}|${i.urgencySurchargePercent}`).map((group) => {
    const description = ctx.labels.line('urgencySurcharge', {
      urgency: ctx.labels.urgency(group[0].urgency),
      percent: group[0].urgencySurchargePercent,
    });
    const amount = group.reduce((sum, i) => sum + i.urgencySurchargeCents, 0);
    return lumpLine(
      'urgency_surcharge',
      description,
      amount,
      ctx,
      group.map((i) => i.id),
    );
  });
}

/** One line per after-hours percent, naming the after-hours hours it applies to. */
export function afterHoursSurchargeLines(
  interventions: DraftIntervention[],
  ctx: LineContext,
): DraftLine[] {
  const charged = chronological(interventions).filter((i) => i.afterHoursSurchargeCents > 0);
  const sorted = [...charged].sort(
    (a, b) => a.afterHoursSurchargePercent - b.afterHoursSurchargePercent,
  );
  return groupBy(sorted, (i) => String(i.afterHoursSurchargePercent)).map((group) => {
    const minutes = group.reduce((sum, i) => sum + i.afterHoursBillableMinutes, 0);
    const description = ctx.labels.line('afterHoursSurcharge', {
      percent: group[0].afterHoursSurchargePercent,
      hours: hoursText(hoursFromMinutes(minutes), ctx.locale),
    });
    const amount = group.reduce((sum, i) => sum + i.afterHoursSurchargeCents, 0);
    return lumpLine(
      'after_hours_surcharge',
      description,
      amount,
      ctx,
      group.map((i) => i.id),
    );
  });
}

/** One line per urgency level (and fee, should it have changed): quantity = events. */
export function overQuotaFeeLines(events: OverageEvent[], ctx: LineContext): DraftLine[] {
  const charged = events
    .filter((e) => e.feeCents > 0)
    .sort((a, b) => levelOrder(a.urgency) - levelOrder(b.urgency) || a.feeCents - b.feeCents);
  return groupBy(charged, (e) => `${e.urgency}|${e.feeCents}`).map((group) => ({
    kind: 'over_quota_fee',
    description: ctx.labels.line('overQuotaFee', {
      urgency: ctx.labels.urgency(group[0].urgency),
      titles: group.map((e) => e.title).join('; '),
    }),
    quantity: group.length,
    unit: 'event',
    unitPriceCents: group[0].feeCents,
    vatRateBp: ctx.vatRateBp,
    amountCents: group.length * group[0].feeCents,
    interventionIds: [],
  }));
}
