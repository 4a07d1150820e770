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

/** Many rows in few statements, without reading them back. */
export async function insertInChunks<T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: readonly QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(from, from + INSERT_CHUNK))
      .updateEntity(false)
      .callListeners(false)
      .execute();
  }
}
