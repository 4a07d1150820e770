/**
 * Reads of the quota units that other modules' figures are built from (the allowance ledger,
 * a month's usage): hand-written prepared statements instead of TypeORM's query building on
 * every read. Released units gave their unit back and count nowhere.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { preparedSql, queryPrepared, queryPreparedIn } from '../common/prepared-sql';

const BY_MONTH_SQL = preparedSql(
  'quota_units_by_month',
  `SELECT u.month AS "month", COUNT(*) AS "units",
          SUM(CASE WHEN u.overage = TRUE THEN 1 ELSE 0 END) AS "overage"
     FROM quota_units u
    WHERE u."contractId" = $1 AND u.released = FALSE AND u.month >= $2 AND u.month <= $3
    GROUP BY u.month`,
);

/** A contract's units taken per month from `first` to `last`, and those over quota. */
export function quotaUnitsByMonth(
  m: EntityManager,
  contractId: string,
  first: string,
  last: string,
): Promise<Array<{ month: string; units: string | number; overage: string | number }>> {
  return queryPreparedIn(m, BY_MONTH_SQL, [contractId, first, last]);
}

const BY_SOURCE_SQL = preparedSql(
  'quota_units_by_source',
  `SELECT u.level AS "level",
          SUM(CASE WHEN u."requestId" IS NOT NULL THEN 1 ELSE 0 END) AS "requests",
          SUM(CASE WHEN u."requestId" IS NULL THEN 1 ELSE 0 END) AS "calls",
          SUM(CASE WHEN u.overage = TRUE THEN 1 ELSE 0 END) AS "over",
          SUM(CASE WHEN u.overage = TRUE THEN u."feeCents" ELSE 0 END) AS "fees"
     FROM quota_units u
    WHERE u."contractId" = $1 AND u.month = $2 AND u.released = FALSE
    GROUP BY u.level`,
);

/** A contract month's units per level: from requests filed, from urgent calls logged, and over. */
export function quotaUnitsBySource(
  dataSource: DataSource,
  contractId: string,
  month: string,
): Promise<Array<Record<'level' | 'requests' | 'calls' | 'over' | 'fees', string | number>>> {
  return queryPrepared(dataSource, BY_SOURCE_SQL, [contractId, month]);
}
