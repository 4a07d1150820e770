import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dayBounds, monthBounds } from '../calendar';
import type { Contract } from '../contracts/contract.entity';
import { contractWorkByMonth } from '../interventions/contract-work-queries';
import { quotaUnitsByMonth } from '../requests/quota-unit-queries';
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
 * A month's bounds in a zone as stored instants (ISO text), remembered: every usage read asks
 * for the same dozen months, and the answer depends on nothing else (the zone rules are fixed
 * for the life of the process). Forgotten wholesale past a size no practice reaches.
 */
function monthInstants(month: string, timezone: string): { start: string; end: string } {
  const key = `${timezone} ${month}`;
  let instants = MONTH_INSTANTS.get(key);
  if (!instants) {
    const { start, end } = monthBounds(month, timezone);
    instants = { start: start.toISOString(), end: end.toISOString() };
    if (MONTH_INSTANTS.size >= 10_000) MONTH_INSTANTS.clear();
    MONTH_INSTANTS.set(key, instants);
  }
  return instants;
}
const MONTH_INSTANTS = new Map<string, { start: string; end: string }>();

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
    const bounds = months.map((month) => monthInstants(month, timezone));
    const last = months.length - 1;
    if (until) bounds[last] = { start: bounds[last].start, end: until.toISOString() };
    const row = await contractWorkByMonth(m, contractId, bounds);
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
    const rows = await quotaUnitsByMonth(m, contractId, months[0], months[months.length - 1]);
    return new Map(
      rows.map((r) => [r.month, { quotaUnits: Number(r.units), overageUnits: Number(r.overage) }]),
    );
  }
}
