import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CalendarSettings } from '../common/domain';

/**
 * Something kept in step with the practice settings, inside the transaction that changes them.
 * Modules that depend on the practice register here (the practice depends on none of them).
 */
export interface PracticeChangeListener {
  /** The practice's time zone changed; `calendar` holds the new zone and settings. */
  timezoneChanged(
    manager: EntityManager,
    calendar: CalendarSettings,
    previousTimezone: string,
  ): Promise<void>;
}

/** The listeners of practice changes; each one registers itself when its module starts. */
@Injectable()
export class PracticeChanges {
  private readonly listeners: PracticeChangeListener[] = [];

  register(listener: PracticeChangeListener): void {
    this.listeners.push(listener);
  }

  async timezoneChanged(
    manager: EntityManager,
    calendar: CalendarSettings,
    previousTimezone: string,
  ): Promise<void> {
    for (const listener of this.listeners) {
      await listener.timezoneChanged(manager, calendar, previousTimezone);
    }
  }
}
