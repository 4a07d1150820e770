/**
 * The work the guardrails read. Stored by day (storedDayFigures, below), what the live check
 * and the report judge. Or, the interventions themselves, as a stream: the consultant's finished
 * interventions that touch a window, in order of start, through the (consultantId, startedAt)
 * index, so that a ten-year report never holds more than a chunk of rows. On PostgreSQL each
 * chunk is one query that goes on from the last row of the one before (keyset: start, then id),
 * the event loop free between chunks; on SQLite, whose queries run in this thread anyway, one
 * statement is iterated row by row through the driver (better-sqlite3's `iterate`, rows as
 * arrays), twice as fast as the chunks. Only what the rules need is selected.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { preparedSql, queryPreparedIn } from '../common/prepared-sql';
import type { DayFigures } from './guardrail-judge';
import { stretchesOf } from './work-days';

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

/** What the judge reads of a stored day (work-days.ts): its figures and its stretches of work. */
export interface StoredDayFigures extends DayFigures {
  day: string;
  /** [start, end) in milliseconds, in order, none touching another. */
  readonly stretches: readonly (readonly [number, number])[];
}

const DAY_FIGURES = preparedSql(
  'stored_day_figures',
  `SELECT day, "workedMs", "afterHoursMinutes", "nightMinutes", "urgentStarts", stretches
     FROM work_days WHERE "consultantId" = $1 AND day >= $2 AND day <= $3 ORDER BY day`,
);

/**
 * A consultant's stored days from `from` to `to`, in order, with only what the judge reads of
 * them (the live check after a write): one prepared statement, each day's stretches read from
 * their text only when asked for, for the days the rest windows reach.
 */
export async function storedDayFigures(
  manager: EntityManager,
  consultantId: string,
  from: string,
  to: string,
): Promise<StoredDayFigures[]> {
  const rows = await queryPreparedIn<Record<string, unknown>>(manager, DAY_FIGURES, [
    consultantId,
    from,
    to,
  ]);
  return rows.map((row) => new StoredDayRow(row));
}

/** A stored day as the judge reads it; its stretches are read from their text on first use. */
class StoredDayRow implements StoredDayFigures {
  readonly day: string;
  readonly workedMs: number;
  readonly afterHoursMinutes: number;
  readonly nightMinutes: number;
  readonly urgentStarts: number;
  private readonly text: unknown;
  private parsed: [number, number][] | undefined;

  constructor(row: Record<string, unknown>) {
    this.day = String(row.day);
    this.workedMs = Number(row.workedMs);
    this.afterHoursMinutes = Number(row.afterHoursMinutes);
    this.nightMinutes = Number(row.nightMinutes);
    this.urgentStarts = Number(row.urgentStarts);
    this.text = row.stretches;
  }

  get stretches(): [number, number][] {
    return (this.parsed ??= stretchesOf(this.text));
  }
}
