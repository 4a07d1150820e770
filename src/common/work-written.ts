import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Reacts to a write of contracts' work or quota units, inside the write's own transaction. */
export type WorkListener = (manager: EntityManager, contractIds: string[]) => Promise<void>;

/**
 * Where the work is written (an intervention saved, a timer stopped, a request filed) says so,
 * in its transaction; modules above the work (alerts) listen, so a threshold crossed by the
 * write raises its alert with the write, all or nothing, without the work knowing who listens.
 */
@Injectable()
export class WorkWritten {
  private readonly listeners: WorkListener[] = [];

  listen(listener: WorkListener): void {
    this.listeners.push(listener);
  }

  async notify(manager: EntityManager, contractIds: string[]): Promise<void> {
    const ids = [...new Set(contractIds)];
    for (const listener of this.listeners) await listener(manager, ids);
  }
}
