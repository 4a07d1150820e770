import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import type { CalendarSettings } from '../common/domain';
import { PracticeChanges, type PracticeChangeListener } from '../practice/practice-changes';
import { InterventionDay } from './intervention-day.entity';
import { dayRowsOf, insertInChunks } from './intervention-days';
import { Intervention } from './intervention.entity';
import { BusinessClock } from '../calendar';
import { measureWork } from './work-figures';
import { rebuildWorkFigures } from './work-days';

/** Interventions read per step: their pieces are written before the next step is read. */
const BATCH = 1000;

/**
 * The local-day pieces of the interventions (`intervention_days`) and the figures stored by day
 * (work-days.ts) depend on the practice's time zone: when it changes, every finished
 * intervention is cut again at the new zone's midnights, in the transaction that changes the
 * zone. The interventions themselves (duration, after-hours
 * and billable minutes, price) stay as they were priced and, for some, invoiced.
 */
@Injectable()
export class DayPieces implements OnModuleInit, PracticeChangeListener {
  private readonly logger = new Logger(DayPieces.name);

  constructor(private readonly changes: PracticeChanges) {}

  onModuleInit(): void {
    this.changes.register(this);
  }

  async timezoneChanged(
    manager: EntityManager,
    calendar: CalendarSettings,
    previousTimezone: string,
  ): Promise<void> {
    const count = await this.resplitDays(manager, calendar);
    this.logger.log(
      { from: previousTimezone, to: calendar.timezone, interventions: count },
      'time zone changed: local-day pieces cut again',
    );
  }

  /**
   * Rewrites every finished intervention's local-day pieces in `calendar`'s zone (after-hours
   * minutes per piece by its business hours); returns how many interventions were cut again.
   */
  async resplitDays(manager: EntityManager, calendar: CalendarSettings): Promise<number> {
    const work = new BusinessClock(calendar);
    await manager.createQueryBuilder().delete().from(InterventionDay).execute();
    let count = 0;
    for (let after = ''; ;) {
      const batch = await manager.getRepository(Intervention).find({
        select: {
          id: true,
          consultantId: true,
          clientId: true,
          contractId: true,
          activityId: true,
          urgency: true,
          startedAt: true,
          endedAt: true,
        },
        where: { id: MoreThan(after), endedAt: Not(IsNull()) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (batch.length === 0) {
        await rebuildWorkFigures(manager, calendar.timezone);
        return count;
      }
      const rows = batch.flatMap((intervention) =>
        dayRowsOf(
          intervention,
          measureWork(intervention.startedAt, intervention.endedAt!, work).pieces,
        ),
      );
      await insertInChunks(manager, InterventionDay, rows);
      count += batch.length;
      after = batch[batch.length - 1].id;
    }
  }
}
