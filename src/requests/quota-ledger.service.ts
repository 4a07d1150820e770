import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { URGENCY_LEVELS } from '../common/domain';
import type { Urgency } from '../common/domain';
import { QuotaUnit } from './quota-unit.entity';
import { Clock } from '../common/clock';
import { insertRow } from '../common/insert-row';
import { preparedSql, queryPreparedIn } from '../common/prepared-sql';

export interface NewQuotaUnit {
  contractId: string;
  month: string;
  level: Urgency;
  requestId?: string | null;
  interventionId?: string | null;
  overage?: boolean;
  feeCents?: number;
}

/** Units taken per level in a contract's month (released ones gave theirs back). */
const USAGE_SQL = preparedSql(
  'quota_usage',
  `SELECT level, COUNT(*) AS "used" FROM quota_units
    WHERE "contractId" = $1 AND month = $2 AND released = FALSE
    GROUP BY level`,
);

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
    const rows = await queryPreparedIn<{ level: Urgency; used: string | number }>(
      manager,
      USAGE_SQL,
      [contractId, month],
    );
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
