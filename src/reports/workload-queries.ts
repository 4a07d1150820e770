/**
 * The workload report's reads: the days as stored with the work (`work_days`, summed from the
 * local-day pieces of the interventions when they are written, interventions/work-days.ts),
 * the breakdowns by client and activity and the work's part of the pressure from the sums
 * stored by day, client and activity (`work_groups`), so that no intervention or piece is read;
 * the requests of the period grouped by client. Each a prepared statement straight through the
 * driver (common/prepared-sql.ts): TypeORM's query runner cost as much as the reads themselves. The (consultantId, day) keys drive the scans;
 * days are compared as 'YYYY-MM-DD' text and instants as ISO UTC text, the same on SQLite and
 * PostgreSQL.
 */
import type { ActivityKind } from '../common/domain';
import { URGENT_LEVELS } from '../common/domain';
import type { StoredWorkDay } from '../interventions/work-days';
import type { ClientPressureInput, WorkloadDayInput } from './workload-indicators';
import type { DataSource } from 'typeorm';
import { preparedSql, queryPrepared } from '../common/prepared-sql';
import { toInt } from './report-sql';

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

/** The days summed from their pieces: stored by day with the work, and the bench's baseline. */
export { DAY_SQL } from '../interventions/work-days';

/**
 * The groups by client and activity: the sums stored by day, client and activity when the work
 * was written (`work_groups`, interventions/work-days.ts), over the period's days, a few rows a
 * day rather than every piece.
 */
export const GROUPS_SQL = preparedSql(
  'workload_groups',
  `
SELECT w."clientId", c.name AS "clientName", a.kind AS activity, w."workedMinutes",
       w."afterHoursMinutes", w."urgentInterruptions"
  FROM (SELECT g."clientId", g."activityId",
               SUM(g.minutes) AS "workedMinutes",
               SUM(g."afterHoursMinutes") AS "afterHoursMinutes",
               SUM(g."urgentStarts") AS "urgentInterruptions"
          FROM work_groups g
         WHERE g."consultantId" = $1 AND g.day >= $2 AND g.day <= $3
         GROUP BY g."clientId", g."activityId") w
  JOIN clients c ON c.id = w."clientId"
  JOIN activities a ON a.id = w."activityId"`,
);

/** The groups by client and activity of the period (GROUPS_SQL). */
export async function workGroups(db: DataSource, scope: WorkloadScope): Promise<WorkGroups> {
  return workGroupsOf(
    await queryPrepared<Record<string, unknown>>(db, GROUPS_SQL, [
      scope.consultantId,
      scope.from,
      scope.to,
    ]),
  );
}

/** The report's days with work, in order, from the days stored with the work. */
export function workloadDays(
  stored: readonly StoredWorkDay[],
  scope: Pick<WorkloadScope, 'from' | 'to'>,
): WorkloadDayInput[] {
  const days: WorkloadDayInput[] = [];
  for (const { day, pieces: p } of stored) {
    if (!p || day < scope.from || day > scope.to) continue;
    days.push({
      date: day,
      workedMinutes: p.workedMinutes,
      afterHoursMinutes: p.afterHoursMinutes,
      urgentInterruptions: p.urgentInterruptions,
      clients: p.clients,
      firstStart: p.firstStart,
      lastEnd: p.lastEnd,
      workEnd: p.workEnd,
      newWorkStart: p.newWorkStart,
    });
  }
  return days;
}

export interface WorkGroups {
  /** Minutes by kind of activity, in the order of the kinds. */
  activities: { activity: ActivityKind; workedMinutes: number }[];
  /** Minutes by client, in the order of their ids. */
  clients: { clientId: string; clientName: string; workedMinutes: number }[];
  /** The work's part of each client's pressure. */
  pressure: Omit<ClientPressureInput, 'urgentRequests' | 'falseUrgencies'>[];
}

/** The breakdowns and the work's part of the pressure, from the groups by client and activity. */
function workGroupsOf(rows: readonly Record<string, unknown>[]): WorkGroups {
  const activities = new Map<ActivityKind, { activity: ActivityKind; workedMinutes: number }>();
  const clients = new Map<string, WorkGroups['pressure'][number] & { workedMinutes: number }>();
  for (const row of rows) {
    const activity = String(row.activity) as ActivityKind;
    const clientId = String(row.clientId);
    const workedMinutes = toInt(row.workedMinutes);
    const byKind = activities.get(activity) ?? { activity, workedMinutes: 0 };
    byKind.workedMinutes += workedMinutes;
    activities.set(activity, byKind);
    const client = clients.get(clientId) ?? {
      clientId,
      clientName: String(row.clientName),
      workedMinutes: 0,
      afterHoursMinutes: 0,
      urgentInterventions: 0,
    };
    client.workedMinutes += workedMinutes;
    client.afterHoursMinutes += toInt(row.afterHoursMinutes);
    client.urgentInterventions += toInt(row.urgentInterruptions);
    clients.set(clientId, client);
  }
  const byClient = [...clients.values()].sort((a, b) => byText(a.clientId, b.clientId));
  return {
    activities: [...activities.values()].sort((a, b) => byText(a.activity, b.activity)),
    clients: byClient.map(({ clientId, clientName, workedMinutes }) => ({
      clientId,
      clientName,
      workedMinutes,
    })),
    pressure: byClient.map(({ clientId, clientName, afterHoursMinutes, urgentInterventions }) => ({
      clientId,
      clientName,
      afterHoursMinutes,
      urgentInterventions,
    })),
  };
}

/** Text in the order of code units, as SQLite's GROUP BY gave it. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Requests are the practice's, not one consultant's: every request created in the period
 * counts. Urgent means what the client asked for (urgencyRequested), before any downgrade.
 */
export const REQUESTS_SQL = preparedSql(
  'workload_requests',
  `
SELECT c.id AS "clientId", c.name AS "clientName", r."urgentRequests", r."falseUrgencies"
  FROM (
       SELECT q."clientId",
              SUM(CASE WHEN q."urgencyRequested" IN (${URGENT_LEVELS.map((_, k) => `$${k + 3}`).join(', ')})
                  THEN 1 ELSE 0 END) AS "urgentRequests",
              SUM(CASE WHEN q."falseUrgency" = true THEN 1 ELSE 0 END) AS "falseUrgencies"
         FROM requests q
        WHERE q."createdAt" >= $1 AND q."createdAt" < $2
        GROUP BY q."clientId") r
  JOIN clients c ON c.id = r."clientId"`,
);

/** REQUESTS_SQL's parameters for a range of instants. */
export function requestsParams(instants: InstantRange): unknown[] {
  return [instants.start.toISOString(), instants.end.toISOString(), ...URGENT_LEVELS];
}

/** Each client's pressure: its requests of the period and the work's part (workloadGroups). */
export async function pressureByClient(
  db: DataSource,
  instants: InstantRange,
  work: WorkGroups['pressure'],
): Promise<ClientPressureInput[]> {
  const rows = await queryPrepared<Record<string, unknown>>(
    db,
    REQUESTS_SQL,
    requestsParams(instants),
  );
  const pressure = new Map<string, ClientPressureInput>();
  const clientOf = (clientId: string, clientName: string): ClientPressureInput => {
    let found = pressure.get(clientId);
    if (!found) {
      found = {
        clientId,
        clientName,
        urgentRequests: 0,
        falseUrgencies: 0,
        afterHoursMinutes: 0,
        urgentInterventions: 0,
      };
      pressure.set(clientId, found);
    }
    return found;
  };
  for (const w of work) {
    const client = clientOf(w.clientId, w.clientName);
    client.afterHoursMinutes = w.afterHoursMinutes;
    client.urgentInterventions = w.urgentInterventions;
  }
  for (const row of rows) {
    const client = clientOf(String(row.clientId), String(row.clientName));
    client.urgentRequests = toInt(row.urgentRequests);
    client.falseUrgencies = toInt(row.falseUrgencies);
  }
  return [...pressure.values()];
}
