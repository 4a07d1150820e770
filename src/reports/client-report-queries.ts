/**
 * The client report's SQL: per contract and month, quota units taken, requests with their
 * response deadlines, and knowledge-base deflections. Each is one grouped query over the
 * period; local months of instants are named by monthOfInstant.
 */
import { monthBounds } from '../calendar';
import { URGENCY_LEVELS, type Urgency } from '../common/domain';
import { monthOfInstant, type Queryable, reportQuery, toInt } from './report-sql';

export interface ContractMonthKey {
  contractId: string;
  month: string;
}

export type QuotaCounts = Record<Urgency, { used: number; overage: number }>;

export function emptyQuotaCounts(): QuotaCounts {
  return Object.fromEntries(URGENCY_LEVELS.map((l) => [l, { used: 0, overage: 0 }])) as QuotaCounts;
}

export const keyOf = (k: ContractMonthKey): string => `${k.contractId}|${k.month}`;

const QUOTA_SQL = `
SELECT u."contractId", u.month, u.level,
       COUNT(*) AS used,
       SUM(CASE WHEN u.overage = true THEN 1 ELSE 0 END) AS overage
  FROM quota_units u
 WHERE u."contractId" IN (:...contractIds) AND u.month >= :from AND u.month <= :to
   AND u.released = false
 GROUP BY u."contractId", u.month, u.level`;

/** Units of each urgency level taken (and taken over quota) per contract and month. */
export async function quotaUse(
  db: Queryable,
  contractIds: readonly string[],
  months: readonly string[],
): Promise<Map<string, QuotaCounts>> {
  const result = new Map<string, QuotaCounts>();
  if (contractIds.length === 0) return result;
  const rows = await reportQuery<Record<string, unknown>>(db, QUOTA_SQL, {
    contractIds,
    from: months[0],
    to: months[months.length - 1],
  });
  for (const row of rows) {
    const key = keyOf({ contractId: String(row.contractId), month: String(row.month) });
    const counts = result.get(key) ?? emptyQuotaCounts();
    counts[String(row.level) as Urgency] = { used: toInt(row.used), overage: toInt(row.overage) };
    result.set(key, counts);
  }
  return result;
}

export interface RequestCounts {
  requests: number;
  urgentRequests: number;
  falseUrgencies: number;
  /**
   * Response deadlines, as slaStatus (src/requests/sla.ts) judges them: at the deadline is met;
   * a request cancelled before any response counts in none.
   */
  sla: { met: number; missed: number; pending: number };
}

export function emptyRequestCounts(): RequestCounts {
  return {
    requests: 0,
    urgentRequests: 0,
    falseUrgencies: 0,
    sla: { met: 0, missed: 0, pending: 0 },
  };
}

/**
 * A request with no SLA status, by slaStatus's rule (src/requests/sla.ts): cancelled before any
 * response (or with no instant of cancellation). It counts as neither met, missed nor pending.
 */
const NO_SLA = `r.status = 'cancelled'
                 AND (r."respondedAt" IS NULL OR r."closedAt" IS NULL OR r."respondedAt" > r."closedAt")`;

function requestSql(month: string): string {
  return `
SELECT r."contractId", r.month,
       COUNT(*) AS requests,
       SUM(CASE WHEN r."urgencyRequested" IN (:...urgent) THEN 1 ELSE 0 END) AS "urgentRequests",
       SUM(CASE WHEN r."falseUrgency" = true THEN 1 ELSE 0 END) AS "falseUrgencies",
       SUM(CASE WHEN ${NO_SLA} THEN 0
                WHEN r."respondedAt" <= r."responseDueAt" THEN 1 ELSE 0 END) AS met,
       SUM(CASE WHEN ${NO_SLA} THEN 0
                WHEN r."respondedAt" > r."responseDueAt"
                  OR (r."respondedAt" IS NULL AND r."responseDueAt" < :now) THEN 1 ELSE 0 END) AS missed,
       SUM(CASE WHEN ${NO_SLA} THEN 0
                WHEN r."respondedAt" IS NULL AND r."responseDueAt" >= :now THEN 1 ELSE 0 END) AS pending
  FROM (SELECT q.*, ${month} AS month
          FROM requests q
         WHERE q."contractId" IN (:...contractIds) AND q."createdAt" >= :start AND q."createdAt" < :end) r
 GROUP BY r."contractId", r.month`;
}

export async function requestCounts(
  db: Queryable,
  contractIds: readonly string[],
  months: readonly string[],
  timezone: string,
  now: Date,
): Promise<Map<string, RequestCounts>> {
  const result = new Map<string, RequestCounts>();
  if (contractIds.length === 0) return result;
  const { month, params } = monthColumn('q."createdAt"', months, timezone);
  const rows = await reportQuery<Record<string, unknown>>(db, requestSql(month), {
    ...params,
    contractIds,
    urgent: ['high', 'critical'],
    now: now.toISOString(),
  });
  for (const row of rows) {
    result.set(keyOf({ contractId: String(row.contractId), month: String(row.month) }), {
      requests: toInt(row.requests),
      urgentRequests: toInt(row.urgentRequests),
      falseUrgencies: toInt(row.falseUrgencies),
      sla: { met: toInt(row.met), missed: toInt(row.missed), pending: toInt(row.pending) },
    });
  }
  return result;
}

export async function deflectionCounts(
  db: Queryable,
  contractIds: readonly string[],
  months: readonly string[],
  timezone: string,
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (contractIds.length === 0) return result;
  const { month, params } = monthColumn('d."createdAt"', months, timezone);
  const sql = `
SELECT x."contractId", x.month, COUNT(*) AS deflections
  FROM (SELECT d."contractId", ${month} AS month
          FROM deflections d
         WHERE d."contractId" IN (:...contractIds) AND d."createdAt" >= :start AND d."createdAt" < :end) x
 GROUP BY x."contractId", x.month`;
  const rows = await reportQuery<Record<string, unknown>>(db, sql, { ...params, contractIds });
  for (const row of rows) {
    result.set(
      keyOf({ contractId: String(row.contractId), month: String(row.month) }),
      toInt(row.deflections),
    );
  }
  return result;
}

/** The month expression and the bounds of the whole period (start, end) as parameters. */
function monthColumn(column: string, months: readonly string[], timezone: string) {
  const bounds = months.map((month) => ({ month, ...monthBounds(month, timezone) }));
  const { sql, params } = monthOfInstant(column, bounds);
  return {
    month: sql,
    params: {
      ...params,
      start: bounds[0].start.toISOString(),
      end: bounds[bounds.length - 1].end.toISOString(),
    },
  };
}
