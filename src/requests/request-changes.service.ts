import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { localMonth } from '../calendar';
import type { CalendarSettings, Urgency } from '../common/domain';
import { Clock } from '../common/clock';
import { DomainError, invalid } from '../common/domain-error';
import type { Viewer } from '../common/tenant';
import { Transactions } from '../common/transactions';
import { Contract } from '../contracts/contract.entity';
import { PracticeService, toCalendarSettings } from '../practice/practice.service';
import { CommentDto, UpdateRequestDto } from './dto/request.dto';
import { Locks } from '../common/locks';
import { QuotaLedger } from './quota-ledger.service';
import { refuseIfCancelled } from './request-cancellation.service';
import { RequestMail } from './request-mail';
import { RequestComment } from './request-comment.entity';
import { allowedNextStatuses, canMoveTo, compareUrgency, responseDeadline } from './request-rules';
import { toRequestView, type RequestView } from './request-view';
import { RequestStatus, SupportRequest } from './request.entity';
import { commentView, RequestsService, type CommentView } from './requests.service';
import type { QuotaUse } from './urgency-policy';

export type ChangedRequest = RequestView & { quota?: QuotaUse };

/** The consultant's changes to a request (status, reclassification) and the conversation on it. */
@Injectable()
export class RequestChangesService {
  constructor(
    private readonly requests: RequestsService,
    private readonly practice: PracticeService,
    private readonly ledger: QuotaLedger,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly mail: RequestMail,
  ) {}

  async update(viewer: Viewer, id: string, dto: UpdateRequestDto): Promise<ChangedRequest> {
    const existing = await this.requests.get(viewer, id);
    const calendar = toCalendarSettings(await this.practice.get());
    const month = localMonth(existing.createdAt, calendar.timezone);
    return this.transactions.run(
      async (manager) => {
        const request = await this.requests.get(viewer, id, manager);
        refuseIfCancelled(request);
        const now = this.clock.now();
        let quota: QuotaUse | undefined;
        if (dto.urgency !== undefined && dto.urgency !== request.urgencyApplied) {
          const reason = reclassificationReason(request, dto.reclassificationReason);
          const change = { to: dto.urgency, reason, month, calendar };
          quota = await this.reclassify(manager, request, change);
        }
        const resolving = dto.status === 'resolved' && request.status !== 'resolved';
        if (dto.status !== undefined && dto.status !== request.status) {
          moveStatus(request, dto.status, now);
        }
        const saved = await manager.getRepository(SupportRequest).save(request);
        if (quota) await this.mail.reclassified(manager, saved, now);
        if (resolving) await this.mail.resolved(manager, saved);
        return { ...toRequestView(saved, now), ...(quota ? { quota } : {}) };
      },
      [Locks.quota(existing.contractId, month)],
    );
  }

  /**
   * The consultant's reclassification: the request's unit moves to the new level. A downgrade
   * is a false urgency, never billed as overage; an upgrade is never refused, but is flagged as
   * overage when the new level is over quota. The deadline is recomputed from the filing time.
   */
  private async reclassify(
    manager: EntityManager,
    request: SupportRequest,
    change: { to: Urgency; reason: string; month: string; calendar: CalendarSettings },
  ): Promise<QuotaUse> {
    const { to, month } = change;
    const contract = await manager
      .getRepository(Contract)
      .findOneByOrFail({ id: request.contractId });
    const level = contract.urgencyPolicy.levels[to];
    const downgrade = compareUrgency(to, request.urgencyApplied) < 0;
    await this.ledger.release(manager, { requestId: request.id });
    const used = (await this.ledger.usage(manager, contract.id, month))[to];
    const over = !downgrade && level.monthlyQuota !== null && used >= level.monthlyQuota;
    await this.ledger.take(manager, {
      contractId: contract.id,
      month,
      level: to,
      requestId: request.id,
      overage: over,
      feeCents: over && level.overQuota === 'overage' ? (level.overageFeeCents ?? 0) : 0,
    });
    Object.assign(request, {
      reclassifiedFrom: request.urgencyApplied,
      reclassificationReason: change.reason.trim(),
      urgencyApplied: to,
      falseUrgency: downgrade,
      responseDueAt: responseDeadline(
        request.createdAt,
        to,
        contract.urgencyPolicy,
        change.calendar,
      ),
    });
    return { level: to, used: used + 1, quota: level.monthlyQuota };
  }

  /**
   * A comment by the consultant or the request's client staff. The consultant's first comment
   * is the response the SLA measures, and puts an open request in progress.
   */
  async comment(
    viewer: Viewer & { displayName: string },
    id: string,
    dto: CommentDto,
  ): Promise<CommentView> {
    return this.transactions.run(async (manager) => {
      const request = await this.requests.get(viewer, id, manager);
      if (request.status === 'closed') {
        const message = 'The request is closed; file a new one';
        throw new DomainError('conflict.request_closed', message, [{ message, reason: 'comment' }]);
      }
      const now = this.clock.now();
      const repo = manager.getRepository(RequestComment);
      const comment = await repo.save(
        repo.create({
          requestId: request.id,
          clientId: request.clientId,
          authorId: viewer.id,
          authorRole: viewer.role,
          body: dto.body,
          createdAt: now,
        }),
      );
      if (viewer.role === 'consultant') {
        await markResponded(manager, request.id, now);
        await this.mail.answered(manager, request, comment, viewer.displayName);
      } else {
        await this.mail.clientCommented(manager, request, comment, viewer.displayName);
      }
      return commentView(comment, viewer.displayName);
    });
  }
}

/** Same statements as the interventions' first response: whichever comes first sets it. */
async function markResponded(manager: EntityManager, requestId: string, now: Date): Promise<void> {
  const requests = manager.getRepository(SupportRequest);
  await requests.update({ id: requestId, respondedAt: IsNull() }, { respondedAt: now });
  await requests.update({ id: requestId, status: 'open' }, { status: 'in_progress' });
}

/** A closed request keeps its urgency; any other is reclassified only with a reason. */
function reclassificationReason(request: SupportRequest, reason: string | undefined): string {
  if (request.status === 'closed') {
    const message = 'The request is closed: its urgency can no longer change';
    throw new DomainError('conflict.request_closed', message, [
      { field: 'urgency', message, reason: 'urgency' },
    ]);
  }
  if (!reason?.trim()) {
    throw invalid('reclassificationReason', 'a reclassification needs a reason');
  }
  return reason;
}

function moveStatus(request: SupportRequest, to: RequestStatus, now: Date): void {
  if (!canMoveTo(request.status, to)) {
    const allowed = allowedNextStatuses(request.status);
    const message =
      `A request ${request.status} cannot become ${to}` +
      (allowed.length ? `; it can become ${allowed.join(' or ')}` : '; it is closed');
    throw new DomainError('conflict.status_transition', message, [
      { field: 'status', message, from: request.status, to, allowed },
    ]);
  }
  if (to === 'resolved') request.resolvedAt = now;
  if (to === 'closed') request.closedAt = now;
  if (to === 'in_progress' && request.status === 'resolved') request.resolvedAt = null;
  request.status = to;
}
