import { Injectable } from '@nestjs/common';
import { localMonth } from '../calendar';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Locks } from '../common/locks';
import type { Viewer } from '../common/tenant';
import { Transactions } from '../common/transactions';
import { PracticeService } from '../practice/practice.service';
import { QuotaLedger } from './quota-ledger.service';
import { canCancel } from './request-rules';
import { toRequestView, type RequestView } from './request-view';
import { SupportRequest } from './request.entity';
import { RequestsService } from './requests.service';

/**
 * Withdrawing a request: its client's staff (or the consultant) cancel it while it is still open,
 * before anyone answered or worked on it. Its quota unit is given back, as no urgency was served.
 */
@Injectable()
export class RequestCancellation {
  constructor(
    private readonly requests: RequestsService,
    private readonly practice: PracticeService,
    private readonly ledger: QuotaLedger,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async cancel(viewer: Viewer, id: string): Promise<RequestView> {
    const existing = await this.requests.get(viewer, id);
    const month = localMonth(existing.createdAt, (await this.practice.get()).timezone);
    return this.transactions.run(
      async (manager) => {
        const request = await this.requests.get(viewer, id, manager);
        if (!canCancel(request.status)) {
          const message = `A request ${request.status} can no longer be cancelled; only an open one can`;
          throw new DomainError('conflict.request_not_open', message, [
            { field: 'status', message, status: request.status },
          ]);
        }
        const now = this.clock.now();
        await this.ledger.release(manager, { requestId: request.id });
        request.status = 'cancelled';
        request.closedAt = now;
        const saved = await manager.getRepository(SupportRequest).save(request);
        return toRequestView(saved, now);
      },
      [Locks.quota(existing.contractId, month)],
    );
  }
}

/** A cancelled request is over: its status and urgency no longer change. */
export function refuseIfCancelled(request: SupportRequest): void {
  if (request.status !== 'cancelled') return;
  const message = 'The request was cancelled: it no longer changes; file a new one';
  throw new DomainError('conflict.request_cancelled', message, [{ message }]);
}
