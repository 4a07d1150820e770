import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What the write has already read in its transaction, so that a listener does not read it
 * again: the practice's zone, and the contracts written to (the writer's own entities, as
 * read; a listener reads those not given).
 */
export interface WrittenFacts {
  timezone?: string;
  contracts?: ReadonlyArray<{ readonly id: string }>;
}

/** Reacts to a write of contracts' work or quota units, inside the write's own transaction. */
export type WorkListener = (
  manager: EntityManager,
  contractIds: string[],
  facts?: WrittenFacts,
) => Promise<void>;

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

  async notify(manager: EntityManager, contractIds: string[], facts?: WrittenFacts): Promise<void> {
    const ids = [...new Set(contractIds)];
    for (const listener of this.listeners) await listener(manager, ids, facts);
  }
}
