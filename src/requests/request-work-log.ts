import { Injectable } from '@nestjs/common';
import type { Urgency } from '../common/domain';

/** One piece of work logged against a request, as its detail page lists it. */
export interface LoggedWork {
  id: string;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number;
  billableMinutes: number;
  urgency: Urgency;
  description: string;
}

/** Whoever records work against requests: lists it for one request, oldest first. */
export interface WorkLogSource {
  loggedAgainst(requestId: string): Promise<LoggedWork[]>;
}

/**
 * The work logged against a request. Interventions sit above requests and record that work:
 * they register themselves as the source at start, so requests neither import them nor read
 * their table.
 */
@Injectable()
export class RequestWorkLog {
  private source: WorkLogSource | null = null;

  readFrom(source: WorkLogSource): void {
    this.source = source;
  }

  of(requestId: string): Promise<LoggedWork[]> {
    if (!this.source) throw new Error('No source of logged work is registered');
    return this.source.loggedAgainst(requestId);
  }
}
