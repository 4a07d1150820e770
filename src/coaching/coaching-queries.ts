/**
 * The coaching read model: the requests of a period with their texts, the work logged on them
 * (summed in SQL per request), published articles, deflections, and a client's months. Read
 * only, over the tables of requests, interventions, knowledge, clients and users.
 */
import { monthBounds } from '../calendar';
import { monthOfInstant, type Queryable, reportQuery, toInt } from '../reports/report-sql';

/** A text column as read back: text on both databases (null read as empty). */
const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

export interface Window {
  /** Instants, end excluded. */
  start: Date;
  end: Date;
  clientId?: string;
}

function windowSql(window: Window): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {
    start: window.start.toISOString(),
    end: window.end.toISOString(),
  };
  let where = `r."createdAt" >= :start AND r."createdAt" < :end`;
  if (window.clientId) {
    where += ` AND r."clientId" = :clientId`;
    params.clientId = window.clientId;
  }
  return { where, params };
}

export interface RequestRow {
  id: string;
  clientId: string;
  createdById: string;
  title: string;
  description: string;
  urgent: boolean;
  falseUrgency: boolean;
  createdAt: string;
  respondedAt: string | null;
}

/** The requests filed in the window, oldest first. */
export async function requestRows(db: Queryable, window: Window): Promise<RequestRow[]> {
  const { where, params } = windowSql(window);
  const rows = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT r.id, r."clientId", r."createdById", r.title, r.description, r."urgencyRequested",
            r."falseUrgency", r."createdAt", r."respondedAt"
       FROM requests r
      WHERE ${where}
      ORDER BY r."createdAt", r.id`,
    params,
  );
  return rows.map((row) => ({
    id: str(row.id),
    clientId: str(row.clientId),
    createdById: str(row.createdById),
    title: str(row.title),
    description: str(row.description),
    urgent: row.urgencyRequested === 'high' || row.urgencyRequested === 'critical',
    falseUrgency: row.falseUrgency === true || Number(row.falseUrgency) === 1,
    createdAt: str(row.createdAt),
    respondedAt: row.respondedAt == null ? null : str(row.respondedAt),
  }));
}

export interface RequestNote {
  requestId: string;
  /** `answer`: the consultant's comment or the work logged; `staff`: a client comment. */
  kind: 'answer' | 'staff';
  text: string;
  at: string;
}

/** Comments on the window's requests and the descriptions of the work logged on them. */
export async function requestNotes(db: Queryable, window: Window): Promise<RequestNote[]> {
  const { where, params } = windowSql(window);
  const rows = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT c."requestId" AS "requestId", c."authorRole" AS role, c.body AS text, c."createdAt" AS at
       FROM request_comments c JOIN requests r ON r.id = c."requestId"
      WHERE ${where}
     UNION ALL
     SELECT i."requestId" AS "requestId", 'consultant' AS role, i.description AS text, i."startedAt" AS at
       FROM interventions i JOIN requests r ON r.id = i."requestId"
      WHERE ${where}
      ORDER BY at, "requestId"`,
    params,
  );
  return rows.map((row) => ({
    requestId: str(row.requestId),
    kind: row.role === 'client' ? 'staff' : 'answer',
    text: str(row.text),
    at: str(row.at),
  }));
}

/** Minutes and amounts of the finished work logged on each request of the window. */
export async function requestWork(
  db: Queryable,
  window: Window,
): Promise<Map<string, { minutes: number; amountCents: number }>> {
  const { where, params } = windowSql(window);
  const rows = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT i."requestId" AS "requestId", SUM(i."durationMinutes") AS minutes,
            SUM(i."amountCents") AS amount
       FROM interventions i JOIN requests r ON r.id = i."requestId"
      WHERE ${where} AND i."endedAt" IS NOT NULL
      GROUP BY i."requestId"`,
    params,
  );
  return new Map(
    rows.map((row) => [
      str(row.requestId),
      { minutes: toInt(row.minutes), amountCents: toInt(row.amount) },
    ]),
  );
}

export interface ArticleRow {
  id: string;
  title: string;
  tags: string[];
  bodyText: string;
  clientIds: string[];
}

/** Every published article. */
export async function publishedArticles(db: Queryable): Promise<ArticleRow[]> {
  const rows = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT a.id, a.title, a.tags, a."bodyText", a."clientIds"
       FROM articles a WHERE a.published = :published ORDER BY a.id`,
    { published: true },
  );
  return rows.map((row) => ({
    id: str(row.id),
    title: str(row.title),
    tags: JSON.parse(str(row.tags) || '[]') as string[],
    bodyText: str(row.bodyText),
    clientIds: JSON.parse(str(row.clientIds) || '[]') as string[],
  }));
}

/** Deflections of the window per article and client. */
export async function deflectionsByArticle(
  db: Queryable,
  window: Window,
): Promise<Array<{ articleId: string; clientId: string; deflections: number }>> {
  const params: Record<string, unknown> = {
    start: window.start.toISOString(),
    end: window.end.toISOString(),
  };
  let where = `d."createdAt" >= :start AND d."createdAt" < :end AND d."articleId" IS NOT NULL`;
  if (window.clientId) {
    where += ` AND d."clientId" = :clientId`;
    params.clientId = window.clientId;
  }
  const rows = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT d."articleId" AS "articleId", d."clientId" AS "clientId", COUNT(*) AS n
       FROM deflections d WHERE ${where}
      GROUP BY d."articleId", d."clientId"`,
    params,
  );
  return rows.map((row) => ({
    articleId: str(row.articleId),
    clientId: str(row.clientId),
    deflections: toInt(row.n),
  }));
}

export interface ClientMonthCounts {
  month: string;
  requests: number;
  falseUrgencies: number;
  deflections: number;
}

/** A client's requests, false urgencies and deflections per local month. */
export async function clientMonths(
  db: Queryable,
  clientId: string,
  months: readonly string[],
  timezone: string,
): Promise<ClientMonthCounts[]> {
  const requests = monthColumn('r."createdAt"', months, timezone);
  const deflections = monthColumn('d."createdAt"', months, timezone);
  const [requestRows, deflectionRows] = await Promise.all([
    reportQuery<Record<string, unknown>>(
      db,
      `SELECT x.month, COUNT(*) AS requests,
              SUM(CASE WHEN x."falseUrgency" = true THEN 1 ELSE 0 END) AS "falseUrgencies"
         FROM (SELECT ${requests.month} AS month, r."falseUrgency"
                 FROM requests r
                WHERE r."clientId" = :clientId AND r."createdAt" >= :start AND r."createdAt" < :end) x
        GROUP BY x.month`,
      { ...requests.params, clientId },
    ),
    reportQuery<Record<string, unknown>>(
      db,
      `SELECT x.month, COUNT(*) AS deflections
         FROM (SELECT ${deflections.month} AS month
                 FROM deflections d
                WHERE d."clientId" = :clientId AND d."createdAt" >= :start AND d."createdAt" < :end) x
        GROUP BY x.month`,
      { ...deflections.params, clientId },
    ),
  ]);
  const byMonth = new Map(
    months.map((month) => [month, { month, requests: 0, falseUrgencies: 0, deflections: 0 }]),
  );
  for (const row of requestRows) {
    const entry = byMonth.get(str(row.month));
    if (!entry) continue;
    entry.requests = toInt(row.requests);
    entry.falseUrgencies = toInt(row.falseUrgencies);
  }
  for (const row of deflectionRows) {
    const entry = byMonth.get(str(row.month));
    if (entry) entry.deflections = toInt(row.deflections);
  }
  return [...byMonth.values()];
}

/** The average minutes of work logged per request of a client that had any, over a window. */
export async function minutesPerAnsweredRequest(db: Queryable, window: Window): Promise<number> {
  const { where, params } = windowSql(window);
  const [row] = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT COUNT(DISTINCT i."requestId") AS requests, SUM(i."durationMinutes") AS minutes
       FROM interventions i JOIN requests r ON r.id = i."requestId"
      WHERE ${where} AND i."endedAt" IS NOT NULL`,
    params,
  );
  const requests = toInt(row?.requests);
  return requests > 0 ? toInt(row?.minutes) / requests : 0;
}

/** Names of clients by id. */
export async function clientNames(db: Queryable): Promise<Map<string, string>> {
  const rows = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT c.id, c.name FROM clients c ORDER BY c.name`,
    {},
  );
  return new Map(rows.map((row) => [str(row.id), str(row.name)]));
}

/** The active staff of a client among the ids given (the others are not its staff). */
export async function staffOf(
  db: Queryable,
  clientId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await reportQuery<Record<string, unknown>>(
    db,
    `SELECT u.id, u."displayName" FROM users u
      WHERE u.role = 'client' AND u."clientId" = :clientId AND u.id IN (:...ids)`,
    { clientId, ids: userIds },
  );
  return new Map(rows.map((row) => [str(row.id), str(row.displayName)]));
}

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
