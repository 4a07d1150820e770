/**
 * A request's life: which status moves are allowed, and when its response is due. Plain values
 * in, plain values out.
 */
import { addBusinessMinutes, addWallClockMinutes } from '../calendar';
import { URGENCY_LEVELS } from '../common/domain';
import type { CalendarSettings, Urgency, UrgencyPolicy } from '../common/domain';
import type { RequestStatus } from './request.entity';

/**
 * open → in_progress → resolved → closed, and a resolved request may be reopened. An open
 * request may also be resolved at once (solved without work) or closed (a duplicate, spam).
 */
const NEXT_STATUSES: Record<RequestStatus, readonly RequestStatus[]> = {
  open: ['in_progress', 'resolved', 'closed'],
  in_progress: ['resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

export function canMoveTo(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function allowedNextStatuses(from: RequestStatus): readonly RequestStatus[] {
  return NEXT_STATUSES[from];
}

/**
 * The response deadline of a request at `level`. A business clock starts at the next opening
 * when the request comes in outside business hours (the right to disconnect is the default);
 * a 24x7 clock counts every minute, but only where the contract offers after-hours work at all.
 */
export function responseDeadline(
  createdAt: Date,
  level: Urgency,
  policy: UrgencyPolicy,
  calendar: CalendarSettings,
): Date {
  const { responseMinutes, clock } = policy.levels[level];
  return clock === '24x7' && policy.afterHoursAllowed
    ? addWallClockMinutes(createdAt, responseMinutes)
    : addBusinessMinutes(createdAt, responseMinutes, calendar);
}

/** -1 when `a` is a lower urgency than `b`, 1 when higher, 0 when the same. */
export function compareUrgency(a: Urgency, b: Urgency): number {
  return Math.sign(URGENCY_LEVELS.indexOf(a) - URGENCY_LEVELS.indexOf(b));
}
