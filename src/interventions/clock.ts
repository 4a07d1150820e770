import { Injectable } from '@nestjs/common';

/**
 * The current instant, injected so the timer's 12-hour limit and the "not in the future" rule
 * can be exercised at any time of day. Replace with a fixed clock in tests when needed.
 */
@Injectable()
export class InterventionClock {
  now(): Date {
    return new Date(Date.now());
  }
}
