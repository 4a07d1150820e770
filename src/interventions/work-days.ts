/**
 * The work's figures stored by local day, kept with the work so that a report reads one row a
 * day rather than every intervention of its period:
 *
 * - `work_days`: per consultant and local day of the practice's zone, what the working-time rules
 *   read of the day (GuardrailJudge's figures: worked time, after-hours minutes spread in
 *   proportion, night minutes, urgent starts), the day's merged stretches of work, cut at its
 *   midnights (the judge merges them back across midnight), and the day as the workload report
 *   shows it, summed from its pieces (DAY_SQL);
 * - `work_groups`: per consultant, local day, client and activity, the minutes, after-hours
 *   minutes and urgent starts of the day's pieces (`intervention_days`), summed.
 *
 * Every write of `intervention_days` refreshes the days it touched (refreshWorkFigures): the
 * recorder and the removal of an intervention, the import, a change of time zone
 * (rebuildWorkFigures). A day's figures depend only on the work that touches it, so refreshing
 * the touched days is exact. The figures are computed by the judge itself, from the
 * interventions, so that stored and streamed work give the same warnings.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, dayBounds } from '../calendar';
import { DEFAULT_LIMITS, URGENT_LEVELS } from '../common/domain';
import { preparedSql, queryPrepared } from '../common/prepared-sql';
import { readPracticeZone } from '../practice/practice-zone';
import { GuardrailJudge } from './guardrail-judge';

type Db = DataSource | EntityManager;

const HOUR_MS = 3_600_000;
/** Days refreshed at a time when the figures are rebuilt: a year of work in memory at most. */
const REBUILD_DAYS = 366;
/** Rows per INSERT, far below the bound-parameter limits. */
const INSERT_ROWS = 400;

/** The day as the workload report shows it, summed from its pieces (DAY_SQL). */
export interface PiecesOfDay {
  workedMinutes: number;
  /** After-hours minutes of the pieces (by the business hours of each piece). */
  afterHoursMinutes: number;
  urgentInterruptions: number;
  urgentMinutes: number;
  clients: number;
  firstStart: string;
  lastEnd: string;
  /** The real end of the intervention of the day's last piece (past midnight when it runs on). */
  workEnd: string;
  /** The first start of an intervention on the day, null when the day only continues one. */
  newWorkStart: string | null;
}

/** A stored day: the judge's figures, the stretches of work within the day, its pieces' sums. */
export interface StoredWorkDay {
  day: string;
  workedMs: number;
  afterHoursMinutes: number;
  nightMinutes: number;
  urgentStarts: number;
  /** [start, end) in milliseconds, in order, none touching another. */
  stretches: [number, number][];
  /** Null on a day of work without pieces (work of no length). */
  pieces: PiecesOfDay | null;
}

const URGENT_START = `CASE WHEN d."isStartDay" = true AND d.urgency IN (:...urgent) THEN 1 ELSE 0 END`;

/**
 * The days summed from their pieces (intervention_days), what the report shows of each day, and
 * the workload bench's baseline (bench/workload.bench.ts). The rest before the next day runs
 * from when the day's work really ended to the next day's first new start: pieces are cut at
 * midnight, so work from 23:00 to 00:30 ends at 00:30 (the real end of the intervention of the
 * day's last piece, `workEnd`), and the next day's 00:00 piece continues it rather than starting
 * new work (`newWorkStart` takes only the pieces that start an intervention). Only the day's
 * last piece can run on past midnight, so only its intervention is looked up: one primary-key
 * lookup per day, not per piece. Every day of an intervention is refreshed with it, so the
 * stored `workEnd` follows its changes.
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

const PIECE_COLUMNS = [
  'workedMinutes',
  'pieceAfterHoursMinutes',
  'urgentInterruptions',
  'urgentMinutes',
  'clients',
  'firstStart',
  'lastEnd',
  'workEnd',
  'newWorkStart',
] as const;

function isPostgres(db: Db): boolean {
  const connection = 'connection' in db ? db.connection : db;
  return connection.options.type === 'postgres';
}

/** Runs SQL written with `?` marks on either database. */
async function run<T = unknown>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  let n = 0;
  const text = isPostgres(db) ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  return db.query<T[]>(text, params);
}

/**
 * Rewrites the stored figures of a consultant's local days `from` to `to` (both included) from
 * the interventions and their pieces, in the caller's transaction: each day with work written
 * over its row (one upsert), the days left without work deleted. `grown` says the write only
 * added work to those days (a new intervention): no day and no group of a client and activity
 * can have lost all of it, so nothing is deleted.
 */
export async function refreshWorkFigures(
  db: Db,
  consultantId: string,
  from: string,
  to: string,
  zone?: string,
  grown = false,
): Promise<void> {
  const timezone = zone ?? (await readPracticeZone(db));
  if (!timezone || from > to) return;
  await refreshGroups(db, consultantId, from, to, grown);
  const days = await figuresOf(db, consultantId, from, to, timezone);
  await addPieces(db, consultantId, from, to, days);
  if (!grown && days.length < daysFromTo(from, to)) {
    const kept = days.map(() => '?').join(', ');
    await run(
      db,
      `DELETE FROM work_days WHERE "consultantId" = ? AND day >= ? AND day <= ?${
        days.length > 0 ? ` AND day NOT IN (${kept})` : ''
      }`,
      [consultantId, from, to, ...days.map((d) => d.day)],
    );
  }
  const columns = [
    'workedMs',
    'afterHoursMinutes',
    'nightMinutes',
    'urgentStarts',
    'stretches',
    ...PIECE_COLUMNS,
  ];
  const marks = `(${Array(2 + columns.length)
    .fill('?')
    .join(', ')})`;
  for (let k = 0; k < days.length; k += INSERT_ROWS) {
    const chunk = days.slice(k, k + INSERT_ROWS);
    await run(
      db,
      `INSERT INTO work_days ("consultantId", day, ${columns.map((c) => `"${c}"`).join(', ')})
       VALUES ${chunk.map(() => marks).join(', ')}
       ON CONFLICT ("consultantId", day) DO UPDATE SET
         ${columns.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`,
      chunk.flatMap((d) => [
        consultantId,
        d.day,
        d.workedMs,
        d.afterHoursMinutes,
        d.nightMinutes,
        d.urgentStarts,
        d.stretches.map(([start, end]) => `${start}-${end}`).join(' '),
        ...piecesRow(d.pieces),
      ]),
    );
  }
}

/** The number of local days from `from` to `to`, both included. */
function daysFromTo(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

function piecesRow(p: PiecesOfDay | null): unknown[] {
  if (!p) return PIECE_COLUMNS.map(() => null);
  return [
    p.workedMinutes,
    p.afterHoursMinutes,
    p.urgentInterruptions,
    p.urgentMinutes,
    p.clients,
    p.firstStart,
    p.lastEnd,
    p.workEnd,
    p.newWorkStart,
  ];
}

/** The days' sums of their pieces (DAY_SQL), a day with pieces and no figures added. */
async function addPieces(
  db: Db,
  consultantId: string,
  from: string,
  to: string,
  days: StoredWorkDay[],
): Promise<void> {
  const connection = 'connection' in db ? db.connection : db;
  const [sql, values] = connection.driver.escapeQueryWithParameters(DAY_SQL, {
    consultantId,
    from,
    to,
    urgent: URGENT_LEVELS,
  });
  const rows = await db.query<Record<string, unknown>[]>(sql, values);
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const row of rows) {
    const pieces: PiecesOfDay = {
      workedMinutes: Number(row.workedMinutes),
      afterHoursMinutes: Number(row.afterHoursMinutes),
      urgentInterruptions: Number(row.urgentInterruptions),
      urgentMinutes: Number(row.urgentMinutes),
      clients: Number(row.clients),
      firstStart: String(row.firstStart),
      lastEnd: String(row.lastEnd),
      workEnd: String(row.workEnd ?? row.lastEnd),
      newWorkStart: typeof row.newWorkStart === 'string' ? row.newWorkStart : null,
    };
    const day = byDay.get(String(row.day));
    if (day) day.pieces = pieces;
    else {
      const none = { workedMs: 0, afterHoursMinutes: 0, nightMinutes: 0, urgentStarts: 0 };
      days.push({ day: String(row.day), ...none, stretches: [], pieces });
    }
  }
  days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Every consultant's figures, rewritten from the pieces (a change of zone, a migration). */
export async function rebuildWorkFigures(db: Db, zone?: string): Promise<void> {
  const timezone = zone ?? (await readPracticeZone(db));
  await run(db, 'DELETE FROM work_days', []);
  await run(db, 'DELETE FROM work_groups', []);
  if (!timezone) return;
  const spans = await run<{ consultantId: string; first: string; last: string }>(
    db,
    `SELECT "consultantId", MIN(day) AS first, MAX(day) AS last FROM intervention_days
      GROUP BY "consultantId"`,
    [],
  );
  for (const { consultantId, first, last } of spans) {
    for (let from = first; from <= last; from = addDays(from, REBUILD_DAYS)) {
      const to = addDays(from, REBUILD_DAYS - 1);
      await refreshWorkFigures(db, consultantId, from, to < last ? to : last, timezone);
    }
  }
}

/** The local days of an intervention's stored pieces, with their consultant. */
export async function daysOfPieces(
  db: Db,
  interventionId: string,
): Promise<{ consultantId: string; first: string; last: string }[]> {
  return run(
    db,
    `SELECT "consultantId", MIN(day) AS first, MAX(day) AS last FROM intervention_days
      WHERE "interventionId" = ? GROUP BY "consultantId"`,
    [interventionId],
  );
}

/**
 * The days' sums by client and activity, summed again from their pieces: written over the
 * groups there (one upsert), the groups left without pieces deleted first unless the write only
 * added work (`grown`).
 */
async function refreshGroups(
  db: Db,
  consultantId: string,
  from: string,
  to: string,
  grown: boolean,
): Promise<void> {
  const scope = [consultantId, from, to];
  if (!grown) {
    await run(
      db,
      'DELETE FROM work_groups WHERE "consultantId" = ? AND day >= ? AND day <= ?',
      scope,
    );
  }
  await run(
    db,
    `INSERT INTO work_groups ("consultantId", day, "clientId", "activityId", minutes,
       "afterHoursMinutes", "urgentStarts")
     SELECT d."consultantId", d.day, d."clientId", d."activityId", SUM(d.minutes),
            SUM(d."afterHoursMinutes"),
            SUM(CASE WHEN d."isStartDay" = true AND d.urgency IN (${URGENT_LEVELS.map(() => '?').join(', ')})
                THEN 1 ELSE 0 END)
       FROM intervention_days d
      WHERE d."consultantId" = ? AND d.day >= ? AND d.day <= ?
      GROUP BY d."consultantId", d.day, d."clientId", d."activityId"
     ON CONFLICT ("consultantId", day, "clientId", "activityId") DO UPDATE SET
       minutes = excluded.minutes, "afterHoursMinutes" = excluded."afterHoursMinutes",
       "urgentStarts" = excluded."urgentStarts"`,
    [...URGENT_LEVELS, ...scope],
  );
}

/**
 * The finished interventions touching a window, in order of start, that still have their pieces:
 * one being deleted has lost them already.
 */
const WORK_SQL = `
SELECT i."startedAt", i."endedAt", i.urgency, i."afterHoursMinutes"
  FROM interventions i
 WHERE i."consultantId" = ? AND i."startedAt" >= ? AND i."startedAt" < ?
   AND i."endedAt" IS NOT NULL AND i."endedAt" > ?
   AND EXISTS (SELECT 1 FROM intervention_days d WHERE d."interventionId" = i.id)
 ORDER BY i."startedAt"`;

/** The days' figures, by the judge, from the interventions that touch them. */
async function figuresOf(
  db: Db,
  consultantId: string,
  from: string,
  to: string,
  zone: string,
): Promise<StoredWorkDay[]> {
  const judge = new GuardrailJudge(
    { timezone: zone, limits: DEFAULT_LIMITS },
    { from, to, alone: true },
  );
  const start = dayBounds(from, zone).start;
  const window = {
    start,
    end: dayBounds(to, zone).end,
    earliestStart: new Date(start.getTime() - 24 * HOUR_MS),
  };
  const urgent = new Set<string>(URGENT_LEVELS);
  const work: [number, number][] = [];
  const rows = await run<Record<string, unknown>>(db, WORK_SQL, [
    consultantId,
    window.earliestStart.toISOString(),
    window.end.toISOString(),
    window.start.toISOString(),
  ]);
  for (const row of rows) {
    const [s, e] = [Date.parse(String(row.startedAt)), Date.parse(String(row.endedAt))];
    judge.add(s, e, urgent.has(String(row.urgency)), Number(row.afterHoursMinutes));
    if (e > s) work.push([s, e]);
  }
  const days: StoredWorkDay[] = [];
  let first = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const figures = judge.day(day);
    // Work that ends before the day starts touches no later day either (it comes in order of
    // start, and lasts at most a day): it is passed for good once a day after its end is read.
    while (first < work.length && work[first][1] <= figures.start - 24 * HOUR_MS) first++;
    const stretches: [number, number][] = [];
    for (let i = first; i < work.length && work[i][0] < figures.end; i++) {
      const [s, e] = [Math.max(work[i][0], figures.start), Math.min(work[i][1], figures.end)];
      if (e <= s) continue;
      const last = stretches[stretches.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else stretches.push([s, e]);
    }
    if (figures.workedMs === 0 && figures.urgentStarts === 0) continue;
    const { start: _start, end: _end, ...kept } = figures;
    days.push({ day, ...kept, stretches, pieces: null });
  }
  return days;
}

/**
 * The stored days of a consultant from `from` to `to`, in order, each with its stretches: what
 * GuardrailJudge.addDay and addStretch are fed instead of the interventions.
 */
export async function storedWorkDays(
  db: Db,
  consultantId: string,
  from: string,
  to: string,
): Promise<StoredWorkDay[]> {
  const params = [consultantId, from, to];
  const rows =
    'connection' in db
      ? await run<Record<string, unknown>>(db, STORED_DAYS.sqlite, params)
      : await queryPrepared<Record<string, unknown>>(db, STORED_DAYS, params);
  return rows.map((row) => ({
    day: String(row.day),
    workedMs: Number(row.workedMs),
    afterHoursMinutes: Number(row.afterHoursMinutes),
    nightMinutes: Number(row.nightMinutes),
    urgentStarts: Number(row.urgentStarts),
    stretches: stretchesOf(row.stretches),
    pieces:
      typeof row.firstStart !== 'string'
        ? null
        : {
            workedMinutes: Number(row.workedMinutes),
            afterHoursMinutes: Number(row.pieceAfterHoursMinutes),
            urgentInterruptions: Number(row.urgentInterruptions),
            urgentMinutes: Number(row.urgentMinutes),
            clients: Number(row.clients),
            firstStart: row.firstStart,
            lastEnd: String(row.lastEnd),
            workEnd: String(row.workEnd),
            newWorkStart: typeof row.newWorkStart === 'string' ? row.newWorkStart : null,
          },
  }));
}

/** The stored days' read: a prepared statement, parsed and planned once per connection. */
export const STORED_DAYS = preparedSql(
  'stored_work_days',
  `SELECT day, "workedMs", "afterHoursMinutes", "nightMinutes", "urgentStarts", stretches,
          ${PIECE_COLUMNS.map((c) => `"${c}"`).join(', ')}
     FROM work_days WHERE "consultantId" = $1 AND day >= $2 AND day <= $3 ORDER BY day`,
);

/** The stretches as stored ('start-end start-end…', milliseconds), read in one pass. */
export function stretchesOf(text: unknown): [number, number][] {
  const stretches: [number, number][] = [];
  if (typeof text !== 'string') return stretches;
  for (let at = 0; at < text.length;) {
    const dash = text.indexOf('-', at);
    let space = text.indexOf(' ', dash);
    if (space < 0) space = text.length;
    if (dash > at)
      stretches.push([Number(text.slice(at, dash)), Number(text.slice(dash + 1, space))]);
    at = space + 1;
  }
  return stretches;
}
