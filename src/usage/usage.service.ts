import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { firstDayOfNextMonth, localMonth, monthBounds } from '../calendar';
import { Clock } from '../common/clock';
import { URGENCY_LEVELS, type Urgency } from '../common/domain';
import type { Viewer } from '../common/tenant';
import type { Contract } from '../contracts/contract.entity';
import { ContractsService } from '../contracts/contracts.service';
import { PracticeService } from '../practice/practice.service';
import { QuotaLedger } from '../requests/quota-ledger.service';
import { SupportRequest } from '../requests/request.entity';
import { AllowanceWork, ledgerTerms } from '../allowance/allowance-work';
import { consumptionOf, type ConsumptionFigures } from './usage-figures';

export interface LevelUsage {
  used: number;
  quota: number | null;
  resetsOn: string;
}

export interface SlaCounts {
  met: number;
  missed: number;
  pending: number;
}

export type ContractUsage = ConsumptionFigures & {
  contractId: string;
  month: string;
  afterHoursMinutes: number;
  quotas: Record<Urgency, LevelUsage>;
  sla: SlaCounts;
};

/** What a contract consumed in a month: minutes, urgency quotas and response deadlines. */
@Injectable()
export class UsageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly practice: PracticeService,
    private readonly ledger: QuotaLedger,
    private readonly allowance: AllowanceWork,
    private readonly clock: Clock,
  ) {}

  async usage(viewer: Viewer, contractId: string, month?: string): Promise<ContractUsage> {
    const contract = await this.contracts.get(viewer, contractId);
    const { timezone } = await this.practice.get();
    const now = this.clock.now();
    const target = month ?? localMonth(now, timezone);
    const [ledger, quotas, sla] = await Promise.all([
      this.allowance.ledger(ledgerTerms(contract), target, timezone),
      this.quotas(contract, target),
      this.slaCounts(contract.id, target, timezone, now),
    ]);
    return {
      contractId: contract.id,
      month: target,
      ...consumptionOf(contract.billing.mode, ledger.months[ledger.months.length - 1]),
      afterHoursMinutes: ledger.afterHoursMinutes,
      quotas,
      sla,
    };
  }

  private async quotas(contract: Contract, month: string): Promise<Record<Urgency, LevelUsage>> {
    const used = await this.ledger.usage(this.dataSource.manager, contract.id, month);
    const resetsOn = firstDayOfNextMonth(month);
    const levels = contract.urgencyPolicy.levels;
    return Object.fromEntries(
      URGENCY_LEVELS.map((l) => [l, { used: used[l], quota: levels[l].monthlyQuota, resetsOn }]),
    ) as Record<Urgency, LevelUsage>;
  }

  /** The month's requests by SLA status, with slaStatus's bounds: a response at the deadline meets it. */
  private async slaCounts(
    contractId: string,
    month: string,
    timezone: string,
    now: Date,
  ): Promise<SlaCounts> {
    const { start, end } = monthBounds(month, timezone);
    const row = await this.dataSource
      .getRepository(SupportRequest)
      .createQueryBuilder('r')
      .select(
        'SUM(CASE WHEN r.respondedAt IS NOT NULL AND r.respondedAt <= r.responseDueAt THEN 1 ELSE 0 END)',
        'met',
      )
      .addSelect(
        'SUM(CASE WHEN r.respondedAt > r.responseDueAt OR (r.respondedAt IS NULL AND r.responseDueAt < :now) THEN 1 ELSE 0 END)',
        'missed',
      )
      .addSelect(
        'SUM(CASE WHEN r.respondedAt IS NULL AND r.responseDueAt >= :now THEN 1 ELSE 0 END)',
        'pending',
      )
      .where('r.contractId = :contractId', { contractId })
      .andWhere('r.createdAt >= :start AND r.createdAt < :end', {
        start: start.toISOString(),
        end: end.toISOString(),
      })
      .setParameter('now', now.toISOString())
      .getRawOne<Record<keyof SlaCounts, string | number | null>>();
    return {
      met: Number(row?.met ?? 0),
      missed: Number(row?.missed ?? 0),
      pending: Number(row?.pending ?? 0),
    };
  }
}
