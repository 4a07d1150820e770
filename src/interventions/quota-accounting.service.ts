import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { localMonth } from '../calendar';
import type { Urgency } from '../common/domain';
import type { Contract } from '../contracts/contract.entity';
import { Locks } from '../common/locks';
import { outcome } from '../common/outcome';
import { QuotaLedger } from '../requests/quota-ledger.service';
import type { Intervention } from './intervention.entity';

/**
 * Where an intervention stands against its level's monthly quota, as the answer reports it: a
 * code (`counted`; `over_quota`, and `over_quota_fee` when an overage fee applies) and its
 * figures, worded by `quota.<code>`.
 */
export interface QuotaStanding {
  code: 'counted' | 'over_quota' | 'over_quota_fee';
  level: Urgency;
  month: string;
  /** Units of the level used this month, this intervention included. */
  used: number;
  quota: number;
  over: boolean;
  overageFeeCents: number;
}

type QuotaFacts = Pick<Intervention, 'contractId' | 'requestId' | 'urgency' | 'startedAt'>;

/**
 * An urgent event without a request (a phone call) uses the contract's monthly quota like a
 * filed request. Work past the quota is still recorded: facts are facts; the unit is flagged
 * over the quota and carries the overage fee when the policy bills one.
 */
@Injectable()
export class QuotaAccounting {
  constructor(private readonly ledger: QuotaLedger) {}

  /** The ledger's lock for the month the intervention counts in. */
  static lockOf(facts: Pick<QuotaFacts, 'contractId' | 'startedAt'>, timezone: string): string {
    return Locks.quota(facts.contractId, localMonth(facts.startedAt, timezone));
  }

  /** Which quota the intervention draws on: contract, month and level; null when none. */
  static keyOf(facts: QuotaFacts, timezone: string): string | null {
    if (facts.requestId) return null;
    return `${facts.contractId}|${localMonth(facts.startedAt, timezone)}|${facts.urgency}`;
  }

  async take(
    manager: EntityManager,
    intervention: Intervention,
    contract: Contract,
    timezone: string,
  ): Promise<QuotaStanding | undefined> {
    if (intervention.requestId) return undefined;
    const level = intervention.urgency;
    const policy = contract.urgencyPolicy.levels[level];
    if (policy.monthlyQuota === null || policy.monthlyQuota === undefined) return undefined;
    const month = localMonth(intervention.startedAt, timezone);
    const usedBefore = (await this.ledger.usage(manager, contract.id, month))[level];
    const over = usedBefore >= policy.monthlyQuota;
    const overageFeeCents =
      over && policy.overQuota === 'overage' ? (policy.overageFeeCents ?? 0) : 0;
    await this.ledger.take(manager, {
      contractId: contract.id,
      month,
      level,
      interventionId: intervention.id,
      overage: over,
      feeCents: overageFeeCents,
    });
    const code = !over ? 'counted' : overageFeeCents > 0 ? 'over_quota_fee' : 'over_quota';
    const used = usedBefore + 1;
    const figures = { level, month, used, quota: policy.monthlyQuota, over, overageFeeCents };
    return outcome('quota', code, figures);
  }

  release(manager: EntityManager, interventionId: string): Promise<void> {
    return this.ledger.release(manager, { interventionId });
  }
}
