import {
  chronological,
  type DraftInput,
  type DraftIntervention,
  type LineContext,
} from './draft-input';
import { hoursText } from './labels';
import { hourLine, type DraftLine } from './lines';
import { hoursFromMinutes, roundHalfUpDiv } from './rounding';

interface Overrun {
  rateCents: number;
  minutes: number;
  ids: string[];
}

interface BlockUse {
  consumed: number;
  consumedIds: string[];
  remaining: number;
  /** Minutes beyond the block, per hourly rate, in order of first occurrence. */
  overruns: Overrun[];
}

/** Takes the interventions from the block in chronological order until it is empty. */
function consumeBlock(interventions: DraftIntervention[], blockMinutes: number): BlockUse {
  const use: BlockUse = { consumed: 0, consumedIds: [], remaining: blockMinutes, overruns: [] };
  for (const i of chronological(interventions)) {
    const taken = Math.min(use.remaining, i.billableMinutes);
    use.remaining -= taken;
    use.consumed += taken;
    if (taken > 0) use.consumedIds.push(i.id);
    const beyond = i.billableMinutes - taken;
    if (beyond <= 0) continue;
    let overrun = use.overruns.find((o) => o.rateCents === i.hourlyRateCents);
    if (!overrun) {
      overrun = { rateCents: i.hourlyRateCents, minutes: 0, ids: [] };
      use.overruns.push(overrun);
    }
    overrun.minutes += beyond;
    overrun.ids.push(i.id);
  }
  return use;
}

/**
 * Prepaid: the block is consumed in chronological order and shown at 0 (it was paid up
 * front); minutes beyond it are billed hourly, one line per rate (activities may differ).
 */
export function prepaidLines(
  input: DraftInput,
  ctx: LineContext,
): { lines: DraftLine[]; remainingAfter: number } {
  const use = consumeBlock(input.interventions, Math.max(0, input.prepaidRemainingMinutes ?? 0));
  const lines: DraftLine[] = [];
  if (use.consumed > 0) {
    const description = ctx.labels.line('prepaid', {
      consumed: hoursText(hoursFromMinutes(use.consumed), ctx.locale),
      left: hoursText(hoursFromMinutes(use.remaining), ctx.locale),
    });
    lines.push(hourLine('prepaid', description, use.consumed, 0, ctx.vatRateBp, use.consumedIds));
  }
  for (const o of use.overruns) {
    const description = ctx.labels.line('prepaidOverrun');
    lines.push(
      hourLine('prepaid_overrun', description, o.minutes, o.rateCents, ctx.vatRateBp, o.ids),
    );
  }
  return { lines, remainingAfter: use.remaining };
}

/**
 * The minutes of the block a stored prepaid line drew: its quantity is hours in hundredths drawn
 * from whole minutes (m → round(m × 100 / 60)), so the minutes come back exactly
 * (|0.6 h − m| ≤ 0.2). What is left of the block is the allowance ledger's to say.
 */
export function prepaidLineMinutes(hundredths: number): number {
  return roundHalfUpDiv(hundredths * 60, 100);
}
