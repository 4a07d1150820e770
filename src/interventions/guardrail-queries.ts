/**
 * The work the guardrails of a period read, as a stream: the consultant's finished
 * interventions that touch a window, in order of start, through the (consultantId, startedAt)
 * index, so that a ten-year report never holds more than a chunk of rows. On PostgreSQL each
 * chunk is one query that goes on from the last row of the one before (keyset: start, then id),
 * the event loop free between chunks; on SQLite, whose queries run in this thread anyway, one
 * statement is iterated row by row through the driver (better-sqlite3's `iterate`, rows as
 * arrays), twice as fast as the chunks. Only what the rules need is selected.
 */
import type { DataSource, EntityManager } from 'typeorm';

/** Rows per query: a few hundred kilobytes, gone before they outlive a young-generation GC. */
export const WORK_CHUNK = 2_000;

export interface WorkWindow {
  /** Work ending after it… */
  start: Date;
  /** …and starting before it… */
  end: Date;
  /** …which starts no earlier than this (an intervention lasts at most 24 h). */
  earliestStart: Date;
}

export interface WorkRow {
  startedAt: string;
  endedAt: string;
  urgency: string;
  afterHoursMinutes: number | string;
  id: string;
}

const WORK_SQL = `
SELECT i."startedAt", i."endedAt", i.urgency, i."afterHoursMinutes", i.id
  FROM interventions i
 WHERE i."consultantId" = :consultantId
   AND i."startedAt" >= :afterStart AND i."startedAt" < :end
   AND (i."startedAt" > :afterStart OR i.id > :afterId)
   AND i."endedAt" IS NOT NULL AND i."endedAt" > :start
 ORDER BY i."startedAt", i.id
 LIMIT :limit`;

/** A row of work: start and end (ISO instants), urgency, after-hours minutes. */
export type WorkVisit = (
  startedAt: string,
  endedAt: string,
  urgency: string,
  afterHoursMinutes: number,
) => void;

/** Every intervention of the window, in order of start. */
export async function forEachWork(
  db: DataSource | EntityManager,
  consultantId: string,
  window: WorkWindow,
  visit: WorkVisit,
): Promise<void> {
  const connection = 'connection' in db ? db.connection : db;
  const sqlite = rawSqlite(connection);
  if (sqlite) {
    const statement = sqlite.prepare(SQLITE_WORK_SQL).raw(true);
    const rows = statement.iterate(
      consultantId,
      window.earliestStart.toISOString(),
      window.end.toISOString(),
      window.start.toISOString(),
    ) as Iterable<[string, string, string, number]>;
    for (const [startedAt, endedAt, urgency, afterHoursMinutes] of rows) {
      visit(startedAt, endedAt, urgency, afterHoursMinutes);
    }
    return;
  }
  for await (const rows of workChunks(db, consultantId, window)) {
    for (const row of rows) {
      visit(row.startedAt, row.endedAt, row.urgency, Number(row.afterHoursMinutes));
    }
  }
}

/** The few calls of better-sqlite3 used here. */
interface RawSqlite {
  prepare(sql: string): { raw(on: boolean): { iterate(...params: unknown[]): Iterable<unknown> } };
}

function rawSqlite(connection: DataSource): RawSqlite | null {
  if (connection.driver.options.type !== 'better-sqlite3') return null;
  return (connection.driver as unknown as { databaseConnection: RawSqlite }).databaseConnection;
}

const SQLITE_WORK_SQL = `
SELECT i."startedAt", i."endedAt", i.urgency, i."afterHoursMinutes"
  FROM interventions i
 WHERE i."consultantId" = ? AND i."startedAt" >= ? AND i."startedAt" < ?
   AND i."endedAt" IS NOT NULL AND i."endedAt" > ?
 ORDER BY i."startedAt"`;

/** The interventions of the window in order of start, WORK_CHUNK at a time. */
export async function* workChunks(
  db: DataSource | EntityManager,
  consultantId: string,
  window: WorkWindow,
  chunk = WORK_CHUNK,
): AsyncGenerator<WorkRow[]> {
  const connection = 'connection' in db ? db.connection : db;
  let afterStart = window.earliestStart.toISOString();
  let afterId = '';
  for (;;) {
    const [sql, values] = connection.driver.escapeQueryWithParameters(WORK_SQL, {
      consultantId,
      afterStart,
      afterId,
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      limit: chunk,
    });
    const rows = await db.query<WorkRow[]>(sql, values);
    if (rows.length > 0) yield rows;
    if (rows.length < chunk) return;
    const last = rows[rows.length - 1];
    [afterStart, afterId] = [last.startedAt, last.id];
  }
}
