import { WorkWritten } from '../common/work-written';
import { Injectable } from '@nestjs/common';
import { firstDayOfNextMonth, localDate, localMonth } from '../calendar';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Viewer } from '../common/tenant';
import { Transactions } from '../common/transactions';
import { contractStanding } from '../contracts/contract-rules';
import type { Contract } from '../contracts/contract.entity';
import { ContractsService } from '../contracts/contracts.service';
import { PracticeService, toCalendarSettings } from '../practice/practice.service';
import { FileRequestDto } from './dto/request.dto';
import { Locks } from '../common/locks';
import { QuotaLedger } from './quota-ledger.service';
import { RequestMail } from './request-mail';
import { responseDeadline } from './request-rules';
import { toRequestView, type RequestView } from './request-view';
import { insertRow } from '../common/insert-row';
import { SupportRequest } from './request.entity';
import { applyUrgencyPolicy, type QuotaUse, type UrgencyDecision } from './urgency-policy';

export type FiledRequest = RequestView & { quota: QuotaUse };

type Accepted = Exclude<UrgencyDecision, { outcome: 'rejected' }>;

/** Filing a request: the contract's urgency policy decides its level, under the quota lock. */
@Injectable()
export class RequestFilingService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly practice: PracticeService,
    private readonly ledger: QuotaLedger,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly written: WorkWritten,
    private readonly mail: RequestMail,
  ) {}

  async file(viewer: Viewer, dto: FileRequestDto): Promise<FiledRequest> {
    const contract = await this.contracts.get(viewer, dto.contractId);
    const practice = await this.practice.get();
    const calendar = toCalendarSettings(practice);
    const now = this.clock.now();
    assertTakesRequests(contract, localDate(now, calendar.timezone));
    const month = localMonth(now, calendar.timezone);
    return this.transactions.run(
      async (manager) => {
        const usage = await this.ledger.usage(manager, contract.id, month);
        const decision = applyUrgencyPolicy({
          requested: dto.urgency,
          policy: contract.urgencyPolicy,
          usage,
          resetsOn: firstDayOfNextMonth(month),
        });
        if (decision.outcome === 'rejected') {
          const { code, level, used, quota, resetsOn } = decision.refusal;
          const message = `Quota of ${level} requests reached for this month (${used}/${quota}); it resets on ${resetsOn}.`;
          throw new DomainError('rule.quota_exceeded', message, [
            { field: 'urgency', message, level, used, quota, resetsOn, reason: code },
          ]);
        }
        const request = await insertRow(
          manager,
          manager.getRepository(SupportRequest).create({
            contractId: contract.id,
            clientId: contract.clientId,
            createdById: viewer.id,
            title: dto.title,
            description: dto.description,
            urgencyRequested: dto.urgency,
            urgencyApplied: decision.applied,
            policyOutcome: decision.outcome,
            reason: decision.outcome === 'accepted' ? null : decision.reason,
            status: 'open',
            createdAt: now,
            responseDueAt: responseDeadline(
              now,
              decision.applied,
              contract.urgencyPolicy,
              calendar,
            ),
            respondedAt: null,
            resolvedAt: null,
            closedAt: null,
            falseUrgency: false,
            reclassifiedFrom: null,
            reclassificationReason: null,
          }),
        );
        await this.ledger.take(manager, unitOf(contract, month, request, decision));
        await this.written.notify(manager, [contract.id], {
          timezone: calendar.timezone,
          contracts: [contract],
        });
        await this.mail.filed(manager, request, decision.quota, { practice, contract });
        return { ...toRequestView(request, now), quota: decision.quota };
      },
      [Locks.quota(contract.id, month)],
    );
  }
}

function unitOf(contract: Contract, month: string, request: SupportRequest, decision: Accepted) {
  const overage = decision.outcome === 'overage';
  return {
    contractId: contract.id,
    month,
    level: decision.applied,
    requestId: request.id,
    overage,
    feeCents: overage ? decision.overageFeeCents : 0,
  };
}

/** Requests are filed only while the contract is in force (422 otherwise, saying why). */
function assertTakesRequests(contract: Contract, today: string): void {
  const standing = contractStanding(contract, today);
  if (standing === 'active') return;
  const why = {
    archived: 'is archived',
    ended: `ended on ${contract.endDate}`,
    upcoming: `starts on ${contract.startDate}`,
  }[standing];
  const message = `Contract ${contract.reference} ${why}: it takes no requests.`;
  throw new DomainError('rule.contract_inactive', message, [
    {
      field: 'contractId',
      message,
      standing,
      reference: contract.reference,
      startDate: contract.startDate,
      endDate: contract.endDate,
    },
  ]);
}
