import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { firstDayOfNextMonth, localMonth, monthBounds } from '../calendar';
import { Clock } from '../common/clock';
import { preparedSql, queryPrepared } from '../common/prepared-sql';
import { URGENCY_LEVELS, type Urgency } from '../common/domain';
import type { Viewer } from '../common/tenant';
import type { Contract } from '../contracts/contract.entity';
import { ContractsService } from '../contracts/contracts.service';
import { PracticeService } from '../practice/practice.service';
import { QuotaLedger } from '../requests/quota-ledger.service';
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
  overageCost: OverageCost;
  sla: SlaCounts;
};

const UNIT_SOURCES_SQL = preparedSql(
  'usage_unit_sources',
  `SELECT u.level AS "level",
          SUM(CASE WHEN u."requestId" IS NOT NULL THEN 1 ELSE 0 END) AS "requests",
          SUM(CASE WHEN u."requestId" IS NULL THEN 1 ELSE 0 END) AS "calls",
          SUM(CASE WHEN u.overage = TRUE THEN 1 ELSE 0 END) AS "over",
          SUM(CASE WHEN u.overage = TRUE THEN u."feeCents" ELSE 0 END) AS "fees"
     FROM quota_units u
    WHERE u."contractId" = $1 AND u.month = $2 AND u.released = FALSE
    GROUP BY u.level`,
);

/**
 * The month's requests by SLA status, by slaStatus's rule (src/requests/sla.ts): a response at
 * the deadline meets it, and a request cancelled before any response (or with no instant of
 * cancellation) counts in none. Parameters: the contract, the month's bounds, now.
 */
const NO_SLA = `r.status = 'cancelled' AND (r."respondedAt" IS NULL OR r."closedAt" IS NULL OR r."respondedAt" > r."closedAt")`;
const SLA_SQL = preparedSql(
  'usage_sla',
  `SELECT SUM(CASE WHEN ${NO_SLA} THEN 0
                   WHEN r."respondedAt" <= r."responseDueAt" THEN 1 ELSE 0 END) AS "met",
          SUM(CASE WHEN ${NO_SLA} THEN 0
                   WHEN r."respondedAt" > r."responseDueAt"
                     OR (r."respondedAt" IS NULL AND r."responseDueAt" < $4) THEN 1 ELSE 0 END) AS "missed",
          SUM(CASE WHEN ${NO_SLA} THEN 0
                   WHEN r."respondedAt" IS NULL AND r."responseDueAt" >= $4 THEN 1 ELSE 0 END) AS "pending"
     FROM requests r
    WHERE r."contractId" = $1 AND r."createdAt" >= $2 AND r."createdAt" < $3`,
);

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
    const rows = await queryPrepared<
      Record<'level' | 'requests' | 'calls' | 'over' | 'fees', string | number>
    >(this.dataSource, UNIT_SOURCES_SQL, [contractId, month]);
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
    const [row] = await queryPrepared<Record<keyof SlaCounts, string | number | null>>(
      this.dataSource,
      SLA_SQL,
      [contractId, start.toISOString(), end.toISOString(), now.toISOString()],
    );
    return {
      met: Number(row?.met ?? 0),
      missed: Number(row?.missed ?? 0),
      pending: Number(row?.pending ?? 0),
    };
  }
}
