/**
 * The work the guardrails of a period read, as a stream: the consultant's finished
 * interventions that touch a window, in order of start, a chunk at a time. Each chunk is one
 * query that goes on from the last row of the one before (keyset: start, then id), read through
 * the (consultantId, startedAt) index, so a ten-year report never holds more than a chunk of
 * rows, and the event loop is free between chunks. Only what the rules need is selected.
 */
import type { DataSource, EntityManager } from 'typeorm';

/** Rows per query: a few hundred kilobytes of strings at most. */
export const WORK_CHUNK = 10_000;

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
