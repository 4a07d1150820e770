/**
 * The workload report's SQL: each query groups the local-day pieces of the interventions
 * (`intervention_days`, written with every intervention) so that no intervention is loaded
 * into memory. The (consultantId, day) index drives the first three; days are compared as
 * 'YYYY-MM-DD' text and instants as ISO UTC text, the same on SQLite and PostgreSQL.
 */
import type { ActivityKind } from '../common/domain';
import { URGENT_LEVELS } from '../common/domain';
import type { ClientPressureInput, WorkloadDayInput } from './workload-indicators';
import { type Queryable, reportQuery, toInt } from './report-sql';

export interface WorkloadScope {
  consultantId: string;
  /** Local days, both included. */
  from: string;
  to: string;
}

/** The local days' first and last instants, for tables that store instants (requests). */
export interface InstantRange {
  start: Date;
  end: Date;
}

export interface WorkloadDayRow extends WorkloadDayInput {
  /** Minutes of high/critical interventions that day. */
  urgentMinutes: number;
}

const URGENT_START = `CASE WHEN d."isStartDay" = true AND d.urgency IN (:...urgent) THEN 1 ELSE 0 END`;

/**
 * Exported for bench/workload.bench.ts, which times it alone. The rest before the next day runs
 * from when the day's work really ended to the next day's first new start: pieces are cut at
 * midnight, so work from 23:00 to 00:30 ends at 00:30 (the real end of the intervention of the
 * day's last piece, `workEnd`), and the next day's 00:00 piece continues it rather than starting
 * new work (`newWorkStart` takes only the pieces that start an intervention). Only the day's
 * last piece can run on past midnight, so only its intervention is looked up: one primary-key
 * lookup per day, not per piece.
 */
export const DAY_SQL = `
WITH per_day AS (
SELECT d.day AS day,
       SUM(d.minutes) AS "workedMinutes",
       SUM(d."afterHoursMinutes") AS "afterHoursMinutes",
       SUM(${URGENT_START}) AS "urgentInterruptions",
       SUM(CASE WHEN d.urgency IN (:...urgent) THEN d.minutes ELSE 0 END) AS "urgentMinutes",
       COUNT(DISTINCT d."clientId") AS clients,
       MIN(d."pieceStart") AS "firstStart",
       MAX(d."pieceEnd") AS "lastEnd",
       MIN(CASE WHEN d."isStartDay" = true THEN d."pieceStart" END) AS "newWorkStart"
  FROM intervention_days d
 WHERE d."consultantId" = :consultantId AND d.day >= :from AND d.day <= :to
 GROUP BY d.day)
SELECT p.*,
       (SELECT MAX(e."pieceEnd")
          FROM intervention_days l
          JOIN intervention_days e ON e."interventionId" = l."interventionId"
         WHERE l."consultantId" = :consultantId AND l.day = p.day AND l."pieceEnd" = p."lastEnd"
       ) AS "workEnd"
  FROM per_day p
 ORDER BY p.day`;

/** One row per local day with work. */
export async function workloadByDay(
  db: Queryable,
  scope: WorkloadScope,
): Promise<WorkloadDayRow[]> {
  const rows = await reportQuery<Record<string, unknown>>(db, DAY_SQL, {
    ...scope,
    urgent: URGENT_LEVELS,
  });
  return rows.map((row) => ({
    date: String(row.day),
    workedMinutes: toInt(row.workedMinutes),
    afterHoursMinutes: toInt(row.afterHoursMinutes),
    urgentInterruptions: toInt(row.urgentInterruptions),
    urgentMinutes: toInt(row.urgentMinutes),
    clients: toInt(row.clients),
    firstStart: String(row.firstStart),
    lastEnd: String(row.lastEnd),
    workEnd: String(row.workEnd ?? row.lastEnd),
    newWorkStart: typeof row.newWorkStart === 'string' ? row.newWorkStart : null,
  }));
}

const ACTIVITY_SQL = `
SELECT a.kind AS activity, SUM(d.minutes) AS "workedMinutes"
  FROM intervention_days d
  JOIN activities a ON a.id = d."activityId"
 WHERE d."consultantId" = :consultantId AND d.day >= :from AND d.day <= :to
 GROUP BY a.kind`;

export async function workloadByActivity(
  db: Queryable,
  scope: WorkloadScope,
): Promise<{ activity: ActivityKind; workedMinutes: number }[]> {
  const rows = await reportQuery<Record<string, unknown>>(db, ACTIVITY_SQL, { ...scope });
  return rows.map((row) => ({
    activity: String(row.activity) as ActivityKind,
    workedMinutes: toInt(row.workedMinutes),
  }));
}

const CLIENT_SQL = `
SELECT c.id AS "clientId", c.name AS "clientName", SUM(d.minutes) AS "workedMinutes"
  FROM intervention_days d
  JOIN clients c ON c.id = d."clientId"
 WHERE d."consultantId" = :consultantId AND d.day >= :from AND d.day <= :to
 GROUP BY c.id, c.name`;

export async function workloadByClient(
  db: Queryable,
  scope: WorkloadScope,
): Promise<{ clientId: string; clientName: string; workedMinutes: number }[]> {
  const rows = await reportQuery<Record<string, unknown>>(db, CLIENT_SQL, { ...scope });
  return rows.map((row) => ({
    clientId: String(row.clientId),
    clientName: String(row.clientName),
    workedMinutes: toInt(row.workedMinutes),
  }));
}

/**
 * Requests are the practice's, not one consultant's: every request created in the period
 * counts. Urgent means what the client asked for (urgencyRequested), before any downgrade.
 */
const PRESSURE_SQL = `
SELECT c.id AS "clientId", c.name AS "clientName",
       r."urgentRequests", r."falseUrgencies", w."afterHoursMinutes", w."urgentInterventions"
  FROM clients c
  LEFT JOIN (
       SELECT q."clientId",
              SUM(CASE WHEN q."urgencyRequested" IN (:...urgent) THEN 1 ELSE 0 END) AS "urgentRequests",
              SUM(CASE WHEN q."falseUrgency" = true THEN 1 ELSE 0 END) AS "falseUrgencies"
         FROM requests q
        WHERE q."createdAt" >= :start AND q."createdAt" < :end
        GROUP BY q."clientId") r ON r."clientId" = c.id
  LEFT JOIN (
       SELECT d."clientId",
              SUM(d."afterHoursMinutes") AS "afterHoursMinutes",
              SUM(${URGENT_START}) AS "urgentInterventions"
         FROM intervention_days d
        WHERE d."consultantId" = :consultantId AND d.day >= :from AND d.day <= :to
        GROUP BY d."clientId") w ON w."clientId" = c.id
 WHERE r."clientId" IS NOT NULL OR w."clientId" IS NOT NULL`;

export async function pressureByClient(
  db: Queryable,
  scope: WorkloadScope,
  instants: InstantRange,
): Promise<ClientPressureInput[]> {
  const rows = await reportQuery<Record<string, unknown>>(db, PRESSURE_SQL, {
    ...scope,
    urgent: URGENT_LEVELS,
    start: instants.start.toISOString(),
    end: instants.end.toISOString(),
  });
  return rows.map((row) => ({
    clientId: String(row.clientId),
    clientName: String(row.clientName),
    urgentRequests: toInt(row.urgentRequests),
    falseUrgencies: toInt(row.falseUrgencies),
    afterHoursMinutes: toInt(row.afterHoursMinutes),
    urgentInterventions: toInt(row.urgentInterventions),
  }));
}
