import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { formatLocal, formatLocalInterval } from './import/local-datetime';
import { Intervention } from './intervention.entity';
import { TIMER_LIMIT_MINUTES } from './work-times';

const TIMER_LIMIT_MS = TIMER_LIMIT_MINUTES * 60_000;

/**
 * The first of the consultant's interventions overlapping [start, end) (half-open). A running
 * timer counts up to its 12-hour limit, the furthest it can end.
 */
export function findOverlapping(
  manager: EntityManager,
  consultantId: string,
  interval: { start: Date; end: Date },
  exceptId: string | null,
): Promise<Intervention | null> {
  const query = manager
    .getRepository(Intervention)
    .createQueryBuilder('i')
    .where('i.consultantId = :consultantId', { consultantId })
    .andWhere('i.startedAt < :end', { end: interval.end.toISOString() })
    .andWhere('(i.endedAt > :start OR (i.endedAt IS NULL AND i.startedAt > :runningSince))', {
      start: interval.start.toISOString(),
      runningSince: new Date(interval.start.getTime() - TIMER_LIMIT_MS).toISOString(),
    });
  if (exceptId) query.andWhere('i.id != :exceptId', { exceptId });
  return query.orderBy('i.startedAt', 'ASC').getOne();
}

export function overlapError(other: Intervention, timezone: string): DomainError {
  const when = other.endedAt
    ? formatLocalInterval(other.startedAt, other.endedAt, timezone)
    : `${formatLocal(other.startedAt, timezone)} (timer still running)`;
  return new DomainError(
    'conflict.overlap',
    `Overlaps your intervention of ${when} (${timezone}): one person cannot work twice at once`,
    [
      {
        field: 'startedAt',
        message: `overlaps intervention ${other.id} (${when})`,
        interventionId: other.id,
        startedAt: other.startedAt.toISOString(),
        endedAt: other.endedAt ? other.endedAt.toISOString() : null,
        // Wall-clock times in the practice's zone, for the words.
        localStart: formatLocal(other.startedAt, timezone).replace(' ', 'T'),
        localEnd: other.endedAt ? formatLocal(other.endedAt, timezone).replace(' ', 'T') : null,
      },
    ],
  );
}

export async function assertNoOverlap(
  manager: EntityManager,
  consultantId: string,
  interval: { start: Date; end: Date },
  exceptId: string | null,
  timezone: string,
): Promise<void> {
  const other = await findOverlapping(manager, consultantId, interval, exceptId);
  if (other) throw overlapError(other, timezone);
}
