/** Whether a request's response deadline was met, missed, or is still running. */

export type SlaStatus = 'met' | 'missed' | 'pending';

export interface SlaFacts {
  responseDueAt: Date;
  respondedAt: Date | null;
  now: Date;
}

/** A response exactly at the deadline meets it; the deadline passes only after that instant. */
export function slaStatus({ responseDueAt, respondedAt, now }: SlaFacts): SlaStatus {
  const due = responseDueAt.getTime();
  if (respondedAt !== null) {
    return respondedAt.getTime() <= due ? 'met' : 'missed';
  }
  return now.getTime() > due ? 'missed' : 'pending';
}
