/**
 * How the consultant hears of a new request. Plain values in, plain values out.
 */
import { nextOpening } from '../calendar';
import type { CalendarSettings, Urgency, UrgencyPolicy } from '../common/domain';
import { deadlineClock } from './request-rules';

/** A message of its own at `at`, or a line in the next digest. */
export type ConsultantNotice = { by: 'mail'; at: Date } | { by: 'digest' };

/**
 * Only a critical request interrupts the consultant; the others wait for the digest. A critical
 * request whose deadline runs on a 24x7 clock (the contract's critical level is 24x7 and it
 * offers after-hours work) is mailed at once, whatever the hour: the contract paid for that.
 * One whose deadline runs on business hours is mailed at the next opening, when its deadline
 * starts to run (at once when it is filed during business hours): the right to disconnect
 * yields only to what the contract allows.
 */
export function consultantNotice(
  level: Urgency,
  policy: UrgencyPolicy,
  now: Date,
  calendar: CalendarSettings,
): ConsultantNotice {
  if (level !== 'critical') return { by: 'digest' };
  const at = deadlineClock(level, policy) === '24x7' ? now : nextOpening(now, calendar);
  return { by: 'mail', at };
}
