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
import { quotaUnitsBySource } from '../requests/quota-unit-queries';
import { slaCountsOf, type SlaCounts } from '../requests/sla-queries';
import { AllowanceWork, ledgerTerms } from '../allowance/allowance-work';
import {
  consumptionOf,
  overageCostCents,
  overageHourCents,
  type ConsumptionFigures,
} from './usage-figures';

export interface LevelUsage {
  used: number;
  quota: number | null;
  resetsOn: string;
  /** Where the units came from: requests filed, urgent calls the consultant logged. */
  fromRequests: number;
  fromCalls: number;
  /** Units taken over the quota, and the fees they bill. */
  overUnits: number;
  overFeesCents: number;
}

/** What going beyond the contract costs this month, in cents, as the invoice will bill it. */
export interface OverageCost {
  /** The price of an hour beyond the contract. */
  hourCents: number;
  minutesCents: number;
  feesCents: number;
  totalCents: number;
}

export type { SlaCounts };

export type ContractUsage = ConsumptionFigures & {
  contractId: string;
  month: string;
  afterHoursMinutes: number;
  quotas: Record<Urgency, LevelUsage>;
  overageCost: OverageCost;
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
    const timezone = await this.practice.timezone();
    const now = this.clock.now();
    const target = month ?? localMonth(now, timezone);
    const [ledger, quotas, sla] = await Promise.all([
      this.allowance.ledger(ledgerTerms(contract), target, timezone),
      this.quotas(contract, target),
      this.slaCounts(contract.id, target, timezone, now),
    ]);
    const figures = consumptionOf(contract.billing.mode, ledger.months[ledger.months.length - 1]);
    const minutesCents = overageCostCents(contract.billing, figures.overageMinutes);
    const feesCents = URGENCY_LEVELS.reduce((sum, l) => sum + quotas[l].overFeesCents, 0);
    return {
      contractId: contract.id,
      month: target,
      ...figures,
      afterHoursMinutes: ledger.afterHoursMinutes,
      quotas,
      overageCost: {
        hourCents: overageHourCents(contract.billing),
        minutesCents,
        feesCents,
        totalCents: minutesCents + feesCents,
      },
      sla,
    };
  }

  private async quotas(contract: Contract, month: string): Promise<Record<Urgency, LevelUsage>> {
    const [used, sources] = await Promise.all([
      this.ledger.usage(this.dataSource.manager, contract.id, month),
      this.unitSources(contract.id, month),
    ]);
    const resetsOn = firstDayOfNextMonth(month);
    const levels = contract.urgencyPolicy.levels;
    const none = { fromRequests: 0, fromCalls: 0, overUnits: 0, overFeesCents: 0 };
    return Object.fromEntries(
      URGENCY_LEVELS.map((l) => [
        l,
        { used: used[l], quota: levels[l].monthlyQuota, resetsOn, ...(sources.get(l) ?? none) },
      ]),
    ) as Record<Urgency, LevelUsage>;
  }

  /** The month's quota units per level by source, and those over quota with their fees. */
  private async unitSources(
    contractId: string,
    month: string,
  ): Promise<Map<string, Omit<LevelUsage, 'used' | 'quota' | 'resetsOn'>>> {
    const rows = await quotaUnitsBySource(this.dataSource, contractId, month);
    return new Map(
      rows.map((r) => [
        String(r.level),
        {
          fromRequests: Number(r.requests),
          fromCalls: Number(r.calls),
          overUnits: Number(r.over),
          overFeesCents: Number(r.fees),
        },
      ]),
    );
  }

  /**
   * The month's requests by SLA status, by slaStatus's rule (src/requests/sla.ts): a response at
   * the deadline meets it, and a request cancelled before any response counts in none.
   */
  private async slaCounts(
    contractId: string,
    month: string,
    timezone: string,
    now: Date,
  ): Promise<SlaCounts> {
    const { start, end } = monthBounds(month, timezone);
    return slaCountsOf(this.dataSource, contractId, start, end, now);
  }
}
