import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dayBounds, monthBounds } from '../calendar';
import type { Contract } from '../contracts/contract.entity';
import { BillingClaims } from '../interventions/billing-claims';
import { Intervention } from '../interventions/intervention.entity';
import { QuotaUnit } from '../requests/quota-unit.entity';
import {
  allowanceLedger,
  monthsFromTo,
  type AllowanceTerms,
  type LedgerMonth,
  type MonthUse,
} from './ledger';
import { monthNumber } from './rollover';

export interface ContractLedger {
  months: LedgerMonth[];
  /** After-hours minutes worked in the last month, billable or not. */
  afterHoursMinutes: number;
}

/** The contract a ledger is read for. */
export type LedgerContract = AllowanceTerms & { id: string };

/** What the ledger reads of a contract: its billing terms and its dates. */
export function ledgerTerms(contract: Contract): LedgerContract {
  return {
    id: contract.id,
    ...contract.billing,
    startDate: contract.startDate,
    endDate: contract.endDate,
  };
}

/**
 * The one loader of the allowance ledger: a contract's finished work summed per local month in
 * SQL (one query of conditional sums over UTC bounds, since instants are stored as UTC text),
 * its quota units counted per month (a second one), then the pure ledger.
 */
@Injectable()
export class AllowanceWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ledger(
    contract: LedgerContract,
    through: string,
    timezone: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<ContractLedger> {
    return this.load(contract, through, timezone, m, null);
  }

  /**
   * The ledger of the work started before `day` (a local day), through its month: that month
   * counts its work up to the day before. What a draft whose period starts on `day` finds.
   */
  async ledgerBefore(
    contract: LedgerContract,
    day: string,
    timezone: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<ContractLedger> {
    return this.load(contract, day.slice(0, 7), timezone, m, dayBounds(day, timezone).start);
  }

  private async load(
    contract: LedgerContract,
    through: string,
    timezone: string,
    m: EntityManager,
    until: Date | null,
  ): Promise<ContractLedger> {
    const first = contract.startDate.slice(0, 7);
    const months = monthsFromTo(
      monthNumber(first) <= monthNumber(through) ? first : through,
      through,
    );
    const [work, units] = await Promise.all([
      this.monthlyWork(m, contract.id, months, timezone, until),
      this.monthlyUnits(m, contract.id, months),
    ]);
    const use: MonthUse[] = months.map((month) => ({
      month,
      ...(work.months.get(month) ?? { minutes: 0, billedMinutes: 0 }),
      ...(units.get(month) ?? { quotaUnits: 0, overageUnits: 0 }),
    }));
    return {
      months: allowanceLedger(contract, use, through),
      afterHoursMinutes: work.afterHoursMinutes,
    };
  }

  private async monthlyWork(
    m: EntityManager,
    contractId: string,
    months: string[],
    timezone: string,
    until: Date | null,
  ): Promise<{
    months: Map<string, { minutes: number; billedMinutes: number }>;
    afterHoursMinutes: number;
  }> {
    const bounds = months.map((month) => monthBounds(month, timezone));
    const last = months.length - 1;
    if (until) bounds[last] = { ...bounds[last], end: until };
    const qb = m
      .getRepository(Intervention)
      .createQueryBuilder('i')
      .select('COUNT(*)', 'n')
      .where('i.contractId = :contractId', { contractId })
      .andWhere('i.endedAt IS NOT NULL')
      .andWhere('i.startedAt >= :from AND i.startedAt < :to', {
        from: bounds[0].start.toISOString(),
        to: bounds[bounds.length - 1].end.toISOString(),
      })
      .setParameter('billable', true);
    const billed = BillingClaims.claimedWhere('i', true);
    bounds.forEach((b, k) => {
      const inMonth = `i.billable = :billable AND i.startedAt >= :s${k} AND i.startedAt < :e${k}`;
      qb.addSelect(`SUM(CASE WHEN ${inMonth} THEN i.billableMinutes ELSE 0 END)`, `a${k}`)
        .addSelect(
          `SUM(CASE WHEN ${inMonth} AND ${billed} THEN i.billableMinutes ELSE 0 END)`,
          `b${k}`,
        )
        .setParameters({ [`s${k}`]: b.start.toISOString(), [`e${k}`]: b.end.toISOString() });
    });
    qb.addSelect(
      `SUM(CASE WHEN i.startedAt >= :s${last} THEN i.afterHoursMinutes ELSE 0 END)`,
      'afterHours',
    );
    const row = (await qb.getRawOne<Record<string, string | number | null>>()) ?? {};
    return {
      months: new Map(
        months.map((month, k) => [
          month,
          { minutes: Number(row[`a${k}`] ?? 0), billedMinutes: Number(row[`b${k}`] ?? 0) },
        ]),
      ),
      afterHoursMinutes: Number(row.afterHours ?? 0),
    };
  }

  /** Quota units taken per month (released ones gave their unit back), and those over quota. */
  private async monthlyUnits(
    m: EntityManager,
    contractId: string,
    months: string[],
  ): Promise<Map<string, { quotaUnits: number; overageUnits: number }>> {
    const rows = await m
      .getRepository(QuotaUnit)
      .createQueryBuilder('u')
      .select('u.month', 'month')
      .addSelect('COUNT(*)', 'units')
      .addSelect('SUM(CASE WHEN u.overage = :yes THEN 1 ELSE 0 END)', 'overage')
      .where('u.contractId = :contractId', { contractId })
      .andWhere('u.released = :no', { no: false })
      .andWhere('u.month >= :first AND u.month <= :last', {
        first: months[0],
        last: months[months.length - 1],
      })
      .setParameter('yes', true)
      .groupBy('u.month')
      .getRawMany<{ month: string; units: string | number; overage: string | number }>();
    return new Map(
      rows.map((r) => [r.month, { quotaUnits: Number(r.units), overageUnits: Number(r.overage) }]),
    );
  }
}
