import type { INestApplicationContext } from '@nestjs/common';
import { localDate } from '../../src/calendar';
import { URGENCY_LEVELS, type Urgency } from '../../src/common/domain';
import { DomainError } from '../../src/common/domain-error';
import { InterventionWriter } from '../../src/interventions/intervention-writer.service';
import { RequestChangesService } from '../../src/requests/request-changes.service';
import { RequestFilingService } from '../../src/requests/request-filing.service';
import { canMoveTo } from '../../src/requests/request-rules';
import type { RequestStatus } from '../../src/requests/request.entity';
import type { BillingEvent, DemoBilling } from './billing';
import { DEMO_ZONE, type ClientKey } from './cast';
import type { DemoCast } from './cast-setup';
import type { PlannedEvent, PlannedWork } from './plan';
import type { DemoTime } from './time';

type DemoEvent = PlannedEvent | BillingEvent;

export interface ReplayTally {
  outcomes: { accepted: number; downgraded: number; overage: number; rejected: number };
  /** Interventions saved with at least one guardrail warning. */
  warned: number;
}

interface FiledRequest {
  id: string;
  client: ClientKey;
  applied: Urgency;
  status: RequestStatus;
}

/** Replays the planned events in order, each at its own instant, through the services. */
export class DemoReplay {
  billing!: DemoBilling;
  private queue: DemoEvent[] = [];
  private index = 0;
  private readonly requests = new Map<string, FiledRequest>();
  private readonly tally: ReplayTally = {
    outcomes: { accepted: 0, downgraded: 0, overage: 0, rejected: 0 },
    warned: 0,
  };
  private readonly filing: RequestFilingService;
  private readonly changes: RequestChangesService;
  private readonly writer: InterventionWriter;

  constructor(
    app: INestApplicationContext,
    private readonly cast: DemoCast,
    private readonly time: DemoTime,
    private readonly now: Date,
  ) {
    this.filing = app.get(RequestFilingService, { strict: false });
    this.changes = app.get(RequestChangesService, { strict: false });
    this.writer = app.get(InterventionWriter, { strict: false });
  }

  /** A follow-up decided while replaying (a payment): placed in time among what is left. */
  add(event: BillingEvent): void {
    if (event.at > this.now) return;
    let low = this.index;
    let high = this.queue.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.queue[mid].at.getTime() <= event.at.getTime()) low = mid + 1;
      else high = mid;
    }
    this.queue.splice(low, 0, event);
  }

  async run(events: PlannedEvent[]): Promise<ReplayTally> {
    this.queue = [...events];
    while (this.index < this.queue.length) {
      const event = this.queue[this.index++];
      if (event.at > this.now) continue;
      this.time.set(event.at);
      await this.handle(event);
    }
    return this.tally;
  }

  private async handle(event: DemoEvent): Promise<void> {
    switch (event.kind) {
      case 'request':
        return this.file(event.key, event.client, event.urgency, event.problem);
      case 'comment':
        return this.comment(event.key, event.by, event.body);
      case 'reclassify':
        return this.reclassify(event.key, event.to, event.reason);
      case 'status':
        return this.move(event.key, event.status);
      case 'work':
        return this.work(event.work);
      case 'billing':
        return this.billing.bill(event.month);
      case 'payment':
      case 'credit':
        return this.billing.run(event, localDate(event.at, DEMO_ZONE));
    }
  }

  /** A client files; refused over a quota, they file again one level lower, as people do. */
  private async file(
    key: string,
    client: ClientKey,
    urgency: Urgency,
    problem: { title: string; description: string },
  ): Promise<void> {
    const viewer = this.cast.clientUsers[client];
    const contractId = this.cast.contractIds[client];
    try {
      const filed = await this.filing.file(viewer, { contractId, ...problem, urgency });
      this.tally.outcomes[filed.policyOutcome] += 1;
      const request = { id: filed.id, client, applied: filed.urgencyApplied, status: filed.status };
      this.requests.set(key, request);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'rule.quota_exceeded') throw error;
      this.tally.outcomes.rejected += 1;
      const lower = URGENCY_LEVELS[URGENCY_LEVELS.indexOf(urgency) - 1];
      if (lower) await this.file(key, client, lower, problem);
    }
  }

  private async comment(key: string, by: 'consultant' | 'client', body: string): Promise<void> {
    const request = this.requests.get(key);
    if (!request || request.status === 'closed') return;
    const viewer =
      by === 'consultant' ? this.cast.consultant : this.cast.clientUsers[request.client];
    await this.changes.comment(viewer, request.id, { body });
    if (by === 'consultant' && request.status === 'open') request.status = 'in_progress';
  }

  /** The consultant's "false urgency": only ever a downgrade. */
  private async reclassify(key: string, to: Urgency, reason: string): Promise<void> {
    const request = this.requests.get(key);
    if (!request || URGENCY_LEVELS.indexOf(to) >= URGENCY_LEVELS.indexOf(request.applied)) return;
    const changed = await this.changes.update(this.cast.consultant, request.id, {
      urgency: to,
      reclassificationReason: reason,
    });
    request.applied = changed.urgencyApplied;
  }

  private async move(key: string, status: 'resolved' | 'closed'): Promise<void> {
    const request = this.requests.get(key);
    if (!request || !canMoveTo(request.status, status)) return;
    await this.changes.update(this.cast.consultant, request.id, { status });
    request.status = status;
  }

  private async work(work: PlannedWork): Promise<void> {
    const request = work.requestKey ? this.requests.get(work.requestKey) : undefined;
    const saved = await this.writer.create(this.cast.consultant, {
      contractId: this.cast.contractIds[work.client],
      requestId: request?.id,
      activityId: this.cast.activityIds[work.activity],
      startedAt: work.start.toISOString(),
      endedAt: work.end.toISOString(),
      urgency: request?.applied ?? work.urgency,
      location: work.location,
      description: work.description,
      billable: true,
    });
    if (saved.warnings.length > 0) this.tally.warned += 1;
    if (request && request.status === 'open') request.status = 'in_progress';
  }
}
