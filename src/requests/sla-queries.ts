/**
 * A contract month's requests counted by SLA status in SQL, by slaStatus's rule (sla.ts): a
 * response at the deadline meets it, and a request cancelled before any response (or with no
 * instant of cancellation) counts in none. A hand-written prepared statement.
 */
import type { DataSource } from 'typeorm';
import { preparedSql, queryPrepared } from '../common/prepared-sql';

const NO_SLA = `r.status = 'cancelled' AND (r."respondedAt" IS NULL OR r."closedAt" IS NULL OR r."respondedAt" > r."closedAt")`;
const SLA_SQL = preparedSql(
  'sla_counts',
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

export interface SlaCounts {
  met: number;
  missed: number;
  pending: number;
}

/** The requests created in [start, end) by SLA status at `now`. */
export async function slaCountsOf(
  dataSource: DataSource,
  contractId: string,
  start: Date,
  end: Date,
  now: Date,
): Promise<SlaCounts> {
  const [row] = await queryPrepared<Record<keyof SlaCounts, string | number | null>>(
    dataSource,
    SLA_SQL,
    [contractId, start.toISOString(), end.toISOString(), now.toISOString()],
  );
  return {
    met: Number(row?.met ?? 0),
    missed: Number(row?.missed ?? 0),
    pending: Number(row?.pending ?? 0),
  };
}
