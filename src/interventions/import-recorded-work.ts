import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import type { Urgency } from '../common/domain';
import type { WorkedInterval } from './guardrails';
import { Intervention } from './intervention.entity';
import { TIMER_LIMIT_MINUTES } from './work-times';

/** Recorded interventions read per query when an import is checked. */
const RECORDED_PAGE = 5_000;

/** An intervention as an import's checks read it: instants as stored (ISO text). */
interface RecordedRow {
  id: string;
  startedAt: string;
  endedAt: string | null;
  urgency: Urgency;
  afterHoursMinutes: number;
  requestId: string | null;
}

/** Recorded work as the overlap check and the guardrails read it. */
export interface RecordedWork extends WorkedInterval {
  /** A timer still running, counted up to its limit: it overlaps, but is no finished work. */
  running: boolean;
}

/**
 * The consultant's work that may touch the span (a running timer counts up to its limit),
 * read a page at a time in start order, the event loop running between pages: a file imported
 * again meets as much recorded work as it holds rows.
 */
export async function readRecordedWork(
  manager: EntityManager,
  consultantId: string,
  { first, last }: { first: number; last: number },
): Promise<RecordedWork[]> {
  const limit = TIMER_LIMIT_MINUTES * 60_000;
  const work: RecordedWork[] = [];
  let after: RecordedRow | null = null;
  for (;;) {
    const query = manager
      .getRepository(Intervention)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .addSelect('i.startedAt', 'startedAt')
      .addSelect('i.endedAt', 'endedAt')
      .addSelect('i.urgency', 'urgency')
      .addSelect('i.afterHoursMinutes', 'afterHoursMinutes')
      .addSelect('i.requestId', 'requestId')
      .where('i.consultantId = :consultantId', { consultantId })
      .andWhere('i.startedAt < :last', { last: new Date(last).toISOString() })
      .andWhere('(i.endedAt > :first OR (i.endedAt IS NULL AND i.startedAt > :runningSince))', {
        first: new Date(first).toISOString(),
        runningSince: new Date(first - limit).toISOString(),
      })
      .orderBy('i.startedAt')
      .addOrderBy('i.id')
      .limit(RECORDED_PAGE);
    if (after) {
      query.andWhere(
        '(i.startedAt > :afterStart OR (i.startedAt = :afterStart AND i.id > :afterId))',
        { afterStart: after.startedAt, afterId: after.id },
      );
    }
    const page = await query.getRawMany<RecordedRow>();
    for (const row of page) {
      const start = new Date(row.startedAt);
      work.push({
        start,
        end: row.endedAt ? new Date(row.endedAt) : new Date(start.getTime() + limit),
        running: row.endedAt === null,
        urgency: row.urgency,
        afterHoursMinutes: Number(row.afterHoursMinutes),
        hasRequest: row.requestId !== null,
      });
    }
    if (page.length < RECORDED_PAGE) return work;
    after = page[page.length - 1];
    await nextTurn();
  }
}
