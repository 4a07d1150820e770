import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InterventionDay } from './intervention-day.entity';
import type { Intervention } from './intervention.entity';
import type { WorkPiece } from './work-figures';

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

/** Rewrites an intervention's day rows, in the caller's transaction. */
export async function replaceDays(
  manager: EntityManager,
  intervention: Intervention,
  pieces: readonly WorkPiece[],
): Promise<void> {
  await deleteDays(manager, intervention.id);
  await insertInChunks(manager, InterventionDay, dayRowsOf(intervention, pieces));
}

export async function deleteDays(manager: EntityManager, interventionId: string): Promise<void> {
  await manager.getRepository(InterventionDay).delete({ interventionId });
}

/**
 * Many rows in few statements, without reading them back. The statement is written from the
 * entity's metadata rather than the query builder, whose parameter bookkeeping grows with
 * every value of a 500-row statement.
 */
export async function insertInChunks<T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: readonly QueryDeepPartialEntity<T>[],
): Promise<void> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => c.isInsert);
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const postgres = driver.options.type === 'postgres';
  for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
    const chunk = rows.slice(from, from + INSERT_CHUNK);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((column) => {
        values.push(driver.preparePersistentValue(column.getEntityValue(row, true), column));
        return postgres ? `$${values.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
