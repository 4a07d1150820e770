import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Client } from '../clients/client.entity';
import { Contract } from '../contracts/contract.entity';
import { Intervention } from '../interventions/intervention.entity';
import { User } from '../users/user.entity';

/** The first steps of a new practice, in the order they are taken. */
export const FIRST_STEPS = ['activities', 'client', 'contract', 'staff', 'intervention'] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];

/** Where each step is done. */
export const FIRST_STEP_PAGES: Record<FirstStep, string> = {
  activities: '/console/activities',
  client: '/console/clients#new-client',
  contract: '/console/contracts#new-contract',
  staff: '/console/users',
  intervention: '/console#log',
};

export interface FirstRunStep {
  step: FirstStep;
  href: string;
  done: boolean;
}

export interface FirstRunChecklistView {
  steps: FirstRunStep[];
  done: number;
  total: number;
}

/**
 * The console's first-run checklist, read from the database each time (is there an activity, a
 * client, a contract, a client's staff member, a piece of work?), never from flags of its own:
 * archived or deleted things still count as done. Gone once every step is done.
 */
@Injectable()
export class FirstRunChecklist {
  constructor(
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
  ) {}

  /** The steps, each ticked when done; null once all are. */
  async view(): Promise<FirstRunChecklistView | null> {
    const [activities, client, contract, staff, intervention] = await Promise.all([
      this.activities.exists(),
      this.clients.exists(),
      this.contracts.exists(),
      this.users.exists({ where: { role: 'client' } }),
      this.interventions.exists(),
    ]);
    const done: Record<FirstStep, boolean> = { activities, client, contract, staff, intervention };
    const steps = FIRST_STEPS.map((step) => ({
      step,
      href: FIRST_STEP_PAGES[step],
      done: done[step],
    }));
    const count = steps.filter((s) => s.done).length;
    return count === steps.length ? null : { steps, done: count, total: steps.length };
  }
}
