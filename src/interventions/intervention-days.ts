import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InterventionDay } from './intervention-day.entity';
import type { Intervention } from './intervention.entity';
import type { WorkPiece } from './work-figures';
import { daysOfPieces, refreshWorkFigures } from './work-days';

/** Rows per INSERT: far below the bound-parameter limits of SQLite and PostgreSQL. */
export const INSERT_CHUNK = 500;

/** The local-day rows of an intervention, one per piece. */
export function dayRowsOf(
  intervention: Pick<
    Intervention,
    'id' | 'consultantId' | 'clientId' | 'contractId' | 'activityId' | 'urgency'
  >,
  pieces: readonly WorkPiece[],
): InterventionDay[] {
  return pieces.map((piece, index) => ({
    interventionId: intervention.id,
    day: piece.date,
    consultantId: intervention.consultantId,
    clientId: intervention.clientId,
    contractId: intervention.contractId,
    activityId: intervention.activityId,
    minutes: piece.minutes,
    afterHoursMinutes: piece.afterHoursMinutes,
    urgency: intervention.urgency,
    isStartDay: index === 0,
    pieceStart: piece.start.toISOString(),
    pieceEnd: piece.end.toISOString(),
  }));
}

/**
 * Rewrites an intervention's day rows, in the caller's transaction, and the figures stored for
 * the days they touched before and after (work-days.ts), in the practice's `zone`. A new
 * intervention (`fresh`) has no rows yet: its days are written, and their figures only grow.
 */
export async function replaceDays(
  manager: EntityManager,
  intervention: Intervention,
  pieces: readonly WorkPiece[],
  options: { zone: string; fresh: boolean },
): Promise<void> {
  const before = options.fresh ? [] : await daysOfPieces(manager, intervention.id);
  if (before.length > 0) {
    await manager.getRepository(InterventionDay).delete({ interventionId: intervention.id });
  }
  await insertInChunks(manager, InterventionDay, dayRowsOf(intervention, pieces));
  const touched = [...before];
  if (pieces.length > 0) {
    const [first, last] = [pieces[0].date, pieces[pieces.length - 1].date];
    touched.push({ consultantId: intervention.consultantId, first, last });
  }
  await refreshTouched(manager, touched, { zone: options.zone, grown: before.length === 0 });
}

/** Deletes an intervention's day rows and refreshes the figures of their days. */
export async function deleteDays(
  manager: EntityManager,
  interventionId: string,
  zone?: string,
): Promise<void> {
  const before = await daysOfPieces(manager, interventionId);
  await manager.getRepository(InterventionDay).delete({ interventionId });
  await refreshTouched(manager, before, { zone });
}

/**
 * The figures of the days rows were written on, by consultant, in the caller's transaction:
 * what a writer of `intervention_days` (the import) calls once its rows are in. `grown`: the
 * rows were only added.
 */
export async function refreshTouched(
  manager: EntityManager,
  touched: readonly { consultantId: string; first: string; last: string }[],
  options: { zone?: string; grown?: boolean } = {},
): Promise<void> {
  const spans = new Map<string, { first: string; last: string }>();
  for (const { consultantId, first, last } of touched) {
    const span = spans.get(consultantId);
    spans.set(consultantId, {
      first: span && span.first < first ? span.first : first,
      last: span && span.last > last ? span.last : last,
    });
  }
  for (const [consultantId, { first, last }] of spans) {
    await refreshWorkFigures(manager, consultantId, first, last, options.zone, options.grown);
  }
}

/** The days of the rows, by consultant: what refreshTouched is given after writing them. */
export function touchedBy(
  rows: readonly Pick<InterventionDay, 'consultantId' | 'day'>[],
): { consultantId: string; first: string; last: string }[] {
  return rows.map(({ consultantId, day }) => ({ consultantId, first: day, last: day }));
}

/**
 * Many rows, without reading them back, in the caller's transaction. The statement is written
 * from the entity's metadata rather than the query builder, whose parameter bookkeeping grows
 * with every value. On PostgreSQL a few hundred rows go in one statement, one round trip each; on
 * SQLite, in the process, one prepared single-row INSERT is run for each row, SQLite's fastest
 * way in (a 500-row statement costs more to parse and bind than the rows it writes).
 */
export async function insertInChunks<T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: readonly QueryDeepPartialEntity<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => c.isInsert);
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const into = `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES`;
  const valuesOf = (row: QueryDeepPartialEntity<T>): unknown[] =>
    columns.map(
      (column): unknown =>
        driver.preparePersistentValue(column.getEntityValue(row, true), column) as unknown,
    );
  if (driver.options.type === 'better-sqlite3') {
    const insert = sqliteStatement(manager, `${into} (${columns.map(() => '?').join(', ')})`);
    for (const row of rows) insert.run(valuesOf(row).map(bindable));
    return;
  }
  for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
    const values: unknown[] = [];
    const tuples = rows.slice(from, from + INSERT_CHUNK).map((row) => {
      const marks = valuesOf(row).map((value) => `$${values.push(value)}`);
      return `(${marks.join(', ')})`;
    });
    await manager.query(`${into} ${tuples.join(', ')}`, values);
  }
}

/** The part of a better-sqlite3 statement used here. */
interface SqliteStatement {
  run(params: unknown[]): unknown;
}

/** Prepared statements of the SQLite connection, by text, for the connection's life. */
const sqliteStatements = new WeakMap<object, Map<string, SqliteStatement>>();

/**
 * A prepared statement of the data source's one SQLite connection (the caller's transaction is
 * on it), prepared once.
 */
function sqliteStatement(manager: EntityManager, sql: string): SqliteStatement {
  const connection = (
    manager.connection.driver as unknown as {
      databaseConnection: { prepare(sql: string): SqliteStatement };
    }
  ).databaseConnection;
  let prepared = sqliteStatements.get(connection);
  if (!prepared) sqliteStatements.set(connection, (prepared = new Map<string, SqliteStatement>()));
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = connection.prepare(sql)));
  return statement;
}

/** better-sqlite3 binds no booleans: 1 and 0, as TypeORM's own queries send them. */
function bindable(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
