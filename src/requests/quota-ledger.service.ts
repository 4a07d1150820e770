import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { URGENCY_LEVELS } from '../common/domain';
import type { Urgency } from '../common/domain';
import { QuotaUnit } from './quota-unit.entity';
import { Clock } from '../common/clock';
import { insertRow } from '../common/insert-row';

export interface NewQuotaUnit {
  contractId: string;
  month: string;
  level: Urgency;
  requestId?: string | null;
  interventionId?: string | null;
  overage?: boolean;
  feeCents?: number;
}

/**
 * The monthly urgency quota of each contract, as a ledger of units. Callers read usage and take a
 * unit inside one `Transactions.run(…, [Locks.quota(contractId, month)])`, so two filings
 * at the same instant cannot both take the last unit, across processes too.
 */
@Injectable()
export class QuotaLedger {
  constructor(private readonly clock: Clock) {}

  async usage(
    manager: EntityManager,
    contractId: string,
    month: string,
  ): Promise<Record<Urgency, number>> {
    const rows = await manager
      .getRepository(QuotaUnit)
      .createQueryBuilder('u')
      .select('u.level', 'level')
      .addSelect('COUNT(*)', 'used')
      .where('u.contractId = :contractId AND u.month = :month AND u.released = :released', {
        contractId,
        month,
        released: false,
      })
      .groupBy('u.level')
      .getRawMany<{ level: Urgency; used: string | number }>();
    const usage = Object.fromEntries(URGENCY_LEVELS.map((l) => [l, 0])) as Record<Urgency, number>;
    for (const row of rows) usage[row.level] = Number(row.used);
    return usage;
  }

  take(manager: EntityManager, unit: NewQuotaUnit): Promise<QuotaUnit> {
    return insertRow(
      manager,
      manager.getRepository(QuotaUnit).create({
        contractId: unit.contractId,
        month: unit.month,
        level: unit.level,
        requestId: unit.requestId ?? null,
        interventionId: unit.interventionId ?? null,
        overage: unit.overage ?? false,
        feeCents: unit.feeCents ?? 0,
        released: false,
        invoiceId: null,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** Gives units back (a false urgency, a deleted intervention): they stop counting. */
  async release(
    manager: EntityManager,
    by: { requestId: string } | { interventionId: string },
  ): Promise<void> {
    await manager.getRepository(QuotaUnit).update({ ...by, released: false }, { released: true });
  }
}
