import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedSql, queryPreparedIn, type PreparedSql } from '../common/prepared-sql';
import { dayBounds, monthBounds } from '../calendar';
import type { Contract } from '../contracts/contract.entity';
import { BillingClaims } from '../interventions/billing-claims';
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

/** `alias.column` → `alias."column"`: the statements below are written as TypeORM's were. */
const quoted = (sql: string): string => sql.replace(/\b([iu])\.([A-Za-z]+)/g, '$1."$2"');

/**
 * A contract's finished work of `count` months in one scan: the billable minutes started in
 * each month (`a<k>`), those of them claimed by an invoice (`b<k>`), and the after-hours minutes
 * of the last month. Parameters: the contract, the first month's start and the last one's end,
 * then each month's start and end. One text (and one prepared statement) per number of months.
 */
function monthlyWorkSql(count: number): PreparedSql {
  let statement = MONTHLY_WORK_SQL.get(count);
  if (statement) return statement;
  const billed = BillingClaims.claimedWhere('i', true);
  const sums = Array.from({ length: count }, (_, k) => {
    const inMonth = `i.billable = TRUE AND i.startedAt >= $${4 + 2 * k} AND i.startedAt < $${5 + 2 * k}`;
    return (
      `SUM(CASE WHEN ${inMonth} THEN i.billableMinutes ELSE 0 END) AS "a${k}", ` +
      `SUM(CASE WHEN ${inMonth} AND ${billed} THEN i.billableMinutes ELSE 0 END) AS "b${k}"`
    );
  });
  const lastStart = `$${4 + 2 * (count - 1)}`;
  statement = preparedSql(
    `allowance_work_${count}`,
    quoted(
      `SELECT COUNT(*) AS "n", ${sums.join(', ')}, ` +
        `SUM(CASE WHEN i.startedAt >= ${lastStart} THEN i.afterHoursMinutes ELSE 0 END) AS "afterHours" ` +
        `FROM interventions i WHERE i.contractId = $1 AND i.endedAt IS NOT NULL ` +
        `AND i.startedAt >= $2 AND i.startedAt < $3`,
    ),
  );
  MONTHLY_WORK_SQL.set(count, statement);
  return statement;
}
const MONTHLY_WORK_SQL = new Map<number, PreparedSql>();

const MONTHLY_UNITS_SQL = preparedSql(
  'allowance_units',
  quoted(
    `SELECT u.month AS "month", COUNT(*) AS "units", ` +
      `SUM(CASE WHEN u.overage = TRUE THEN 1 ELSE 0 END) AS "overage" ` +
      `FROM quota_units u WHERE u.contractId = $1 AND u.released = FALSE ` +
      `AND u.month >= $2 AND u.month <= $3 GROUP BY u.month`,
  ),
);

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
    const params: string[] = [contractId, bounds[0].start, bounds[last].end];
    for (const b of bounds) params.push(b.start, b.end);
    const row =
      (
        await queryPreparedIn<Record<string, string | number | null>>(
          m,
          monthlyWorkSql(months.length),
          params,
        )
      )[0] ?? {};
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
    const rows = await queryPreparedIn<{
      month: string;
      units: string | number;
      overage: string | number;
    }>(m, MONTHLY_UNITS_SQL, [contractId, months[0], months[months.length - 1]]);
    return new Map(
      rows.map((r) => [r.month, { quotaUnits: Number(r.units), overageUnits: Number(r.overage) }]),
    );
  }
}
