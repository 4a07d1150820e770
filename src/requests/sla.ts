/**
 * Whether a request's response deadline was met, missed, or is still running; or whether there
 * is no deadline to judge at all.
 */
import type { RequestStatus } from './request.entity';

/** `none`: cancelled before any response, the deadline counts neither way. */
export const SLA_STATUSES = ['met', 'missed', 'pending', 'none'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export interface SlaFacts {
  status: RequestStatus;
  responseDueAt: Date;
  respondedAt: Date | null;
  /** For a cancelled request, the instant it was cancelled. */
  closedAt: Date | null;
  now: Date;
}

/**
 * A response exactly at the deadline meets it; the deadline passes only after that instant.
 * A request withdrawn before anyone answered it has no SLA status (`none`): it is neither met,
 * missed nor pending, whenever its deadline falls and whatever is said on it afterwards. The
 * usage counts (src/usage/usage.service.ts) and the client report (src/reports/
 * client-report-queries.ts) count requests by this rule in SQL: change them with it.
 */
export function slaStatus({
  status,
  responseDueAt,
  respondedAt,
  closedAt,
  now,
}: SlaFacts): SlaStatus {
  if (status === 'cancelled' && !answeredBefore(respondedAt, closedAt)) return 'none';
  const due = responseDueAt.getTime();
  if (respondedAt !== null) {
    return respondedAt.getTime() <= due ? 'met' : 'missed';
  }
  return now.getTime() > due ? 'missed' : 'pending';
}

/**
 * Answered by the instant it was cancelled (at that very instant counts). Only an open request,
 * one nobody answered, may be cancelled (canCancel): without the instant, it was not.
 */
function answeredBefore(respondedAt: Date | null, cancelledAt: Date | null): boolean {
  if (respondedAt === null || cancelledAt === null) return false;
  return respondedAt.getTime() <= cancelledAt.getTime();
}
