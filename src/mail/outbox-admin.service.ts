import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import type { Page } from '../common/pagination';
import { OutboxAttempt } from './outbox-attempt.entity';
import { OUTBOX_STATUSES, OutboxMessage, type OutboxStatus } from './outbox-message.entity';

/** Counts of messages by status, for the console's tabs. */
export type StatusCounts = Record<OutboxStatus, number>;

/**
 * The outbox as the consultant sees it: the messages, newest first, what became of each
 * attempt, and the two things they may do: retry a message given up, cancel one still waiting.
 */
@Injectable()
export class OutboxAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(query: {
    status?: OutboxStatus;
    limit: number;
    offset: number;
  }): Promise<Page<OutboxMessage>> {
    const [items, total] = await this.dataSource.getRepository(OutboxMessage).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async counts(): Promise<StatusCounts> {
    const rows: Array<{ status: OutboxStatus; n: string | number }> = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('o.status')
      .getRawMany();
    const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as StatusCounts;
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  async get(id: string): Promise<{ message: OutboxMessage; attempts: OutboxAttempt[] }> {
    const message = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id });
    if (!message) throw notFound('outbox_message');
    const attempts = await this.dataSource
      .getRepository(OutboxAttempt)
      .find({ where: { messageId: id }, order: { attempt: 'ASC', at: 'ASC' } });
    return { message, attempts };
  }

  /** A message given up goes back to the queue, due now; its attempts so far stay recorded. */
  retry(id: string): Promise<OutboxMessage> {
    return this.move(id, 'failed', {
      status: 'pending',
      nextAttemptAt: this.clock.now(),
      claimedBy: null,
      claimedUntil: null,
    });
  }

  /** A message still waiting is withdrawn: it will not be sent. */
  cancel(id: string): Promise<OutboxMessage> {
    return this.move(id, 'pending', { status: 'cancelled' });
  }

  private move(
    id: string,
    from: 'failed' | 'pending',
    change: Partial<OutboxMessage>,
  ): Promise<OutboxMessage> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(OutboxMessage);
      const message = await repo.findOneBy({ id });
      if (!message) throw notFound('outbox_message');
      // Only from the expected status: a sender may have claimed it meanwhile.
      const done = await m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set(change)
        .where('id = :id AND status = :from', { id, from })
        .execute();
      if (!done.affected) {
        const current = (await repo.findOneBy({ id }))?.status ?? message.status;
        throw new DomainError(
          from === 'failed' ? 'conflict.outbox_not_failed' : 'conflict.outbox_not_pending',
          `outbox message ${id} is ${current}, not ${from}`,
          [{ message: `the message is ${current}`, status: current }],
        );
      }
      return repo.findOneByOrFail({ id });
    });
  }
}
