import { chronological, type DraftIntervention, type LineContext } from './draft-input';
import { workLine, type DraftLine } from './lines';

/**
 * Time and materials: one line per (activity, urgency, rate), in order of first occurrence,
 * listing its interventions; the amount is the sum of theirs (`workLine`).
 */
export function timeLines(interventions: DraftIntervention[], ctx: LineContext): DraftLine[] {
  const groups = new Map<string, DraftIntervention[]>();
  for (const i of chronological(interventions)) {
    if (i.billableMinutes <= 0) continue;
    const key = JSON.stringify([i.activityId, i.urgency, i.hourlyRateCents]);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const description = ctx.labels.line('time', {
      activity: first.activityName,
      urgency: ctx.labels.urgency(first.urgency),
    });
    return workLine('time', description, group, first.hourlyRateCents, ctx.vatRateBp);
  });
}
