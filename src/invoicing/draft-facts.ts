import { DateTime } from 'luxon';
import type { Urgency } from '../common/domain';
import { formatDate, formatDecimal, type FormatLocale } from '../common/format';
import { hoursFromMinutes, type DraftIntervention, type DraftLine, type LineKind } from './math';

/** The stored figures of an intervention that a draft reads (priced when it was saved). */
export interface BilledWork {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  activityId: string;
  urgency: Urgency;
  description: string;
  billableMinutes: number;
  hourlyRateCents: number;
  baseAmountCents: number;
  urgencySurchargePercent: number;
  urgencySurchargeCents: number;
  afterHoursSurchargePercent: number;
  afterHoursSurchargeCents: number;
  afterHoursBillableMinutes: number;
}

export function toDraftIntervention(work: BilledWork, activityName: string): DraftIntervention {
  return {
    id: work.id,
    startedAt: work.startedAt,
    activityId: work.activityId,
    activityName,
    urgency: work.urgency,
    billableMinutes: work.billableMinutes,
    hourlyRateCents: work.hourlyRateCents,
    baseAmountCents: work.baseAmountCents,
    urgencySurchargeCents: work.urgencySurchargeCents,
    afterHoursSurchargeCents: work.afterHoursSurchargeCents,
    afterHoursBillableMinutes: work.afterHoursBillableMinutes,
    urgencySurchargePercent: work.urgencySurchargePercent,
    afterHoursSurchargePercent: work.afterHoursSurchargePercent,
    description: work.description,
  };
}

const MAX_DETAIL_DESCRIPTION = 160;

function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DETAIL_DESCRIPTION
    ? `${flat.slice(0, MAX_DETAIL_DESCRIPTION - 1)}…`
    : flat;
}

/**
 * One printed line per intervention under the line that bills it, in the practice's zone:
 * "03/11/2026 09:00–10:30 · Serveur mail HS · 1,50 h" (an end on another day shows its date).
 */
export function interventionDetail(
  work: BilledWork,
  timezone: string,
  locale: FormatLocale,
): string {
  const start = DateTime.fromJSDate(work.startedAt, { zone: timezone });
  const end = work.endedAt ? DateTime.fromJSDate(work.endedAt, { zone: timezone }) : null;
  const day = formatDate(start.toISODate() ?? '', locale);
  const endText = !end
    ? ''
    : end.hasSame(start, 'day')
      ? end.toFormat('HH:mm')
      : `${formatDate(end.toISODate() ?? '', locale)} ${end.toFormat('HH:mm')}`;
  const hours = `${formatDecimal(hoursFromMinutes(work.billableMinutes), locale, 2)} h`;
  const when = endText ? `${day} ${start.toFormat('HH:mm')}–${endText}` : day;
  return [when, shortDescription(work.description), hours].filter((p) => p !== '').join(' · ');
}

/** Lines that bill work itself list their interventions; surcharge and fee lines do not. */
const LISTED_KINDS: readonly LineKind[] = [
  'time',
  'retainer_fee',
  'retainer_overage',
  'prepaid',
  'prepaid_overrun',
];

export function lineDetails(
  line: DraftLine,
  works: ReadonlyMap<string, BilledWork>,
  timezone: string,
  locale: FormatLocale,
): string[] {
  if (!LISTED_KINDS.includes(line.kind)) return [];
  return line.interventionIds
    .map((id) => works.get(id))
    .filter((w): w is BilledWork => w !== undefined)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    .map((w) => interventionDetail(w, timezone, locale));
}
