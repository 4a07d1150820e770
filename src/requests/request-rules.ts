/**
 * A request's life: which status moves are allowed, and when its response is due. Plain values
 * in, plain values out.
 */
import {
  addBusinessMinutes,
  addWallClockMinutes,
  businessMinutesBetween,
  durationMinutes,
} from '../calendar';
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
  cancelled: [],
};

export function canMoveTo(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function allowedNextStatuses(from: RequestStatus): readonly RequestStatus[] {
  return NEXT_STATUSES[from];
}

/**
 * Whoever filed a request may withdraw it while it is open: before the consultant answered or
 * worked on it. A cancelled request stays cancelled.
 */
export function canCancel(status: RequestStatus): boolean {
  return status === 'open';
}

export type DeadlineClock = 'business' | '24x7';

/**
 * The clock a level's deadline runs on: a 24x7 clock counts every minute, but only where the
 * contract offers after-hours work at all; otherwise business minutes.
 */
export function deadlineClock(level: Urgency, policy: UrgencyPolicy): DeadlineClock {
  return policy.levels[level].clock === '24x7' && policy.afterHoursAllowed ? '24x7' : 'business';
}

/** The time left before a response deadline, or how late it is, on the deadline's own clock. */
export interface ResponseTimeLeft {
  clock: DeadlineClock;
  /** The deadline has passed (a response exactly at it still meets it). */
  overdue: boolean;
  /** Whole minutes left before the deadline, or past it when overdue, on `clock`. */
  minutes: number;
}

export function responseTimeLeft(
  dueAt: Date,
  now: Date,
  clock: DeadlineClock,
  calendar: CalendarSettings,
): ResponseTimeLeft {
  const overdue = now.getTime() > dueAt.getTime();
  const [from, to] = overdue ? [dueAt, now] : [now, dueAt];
  const minutes =
    clock === 'business' ? businessMinutesBetween(from, to, calendar) : durationMinutes(from, to);
  return { clock, overdue, minutes };
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
  const { responseMinutes } = policy.levels[level];
  return deadlineClock(level, policy) === '24x7'
    ? addWallClockMinutes(createdAt, responseMinutes)
    : addBusinessMinutes(createdAt, responseMinutes, calendar);
}

/** -1 when `a` is a lower urgency than `b`, 1 when higher, 0 when the same. */
export function compareUrgency(a: Urgency, b: Urgency): number {
  return Math.sign(URGENCY_LEVELS.indexOf(a) - URGENCY_LEVELS.indexOf(b));
}
