import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * All-or-nothing writes. On PostgreSQL each named lock is a transaction-scoped advisory lock,
 * so several server processes serialise on the same quota or number series. On SQLite the
 * single connection already serialises statements, but not interleaved async transactions:
 * they are queued here, one at a time, which is what SQLite's single writer needs anyway.
 */
@Injectable()
export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>, locks: string[] = []): Promise<T> {
    if (this.isPostgres) {
      return this.dataSource.transaction(async (manager) => {
        for (const key of [...locks].sort()) {
          await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
        }
        return work(manager);
      });
    }
    const next = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = next.catch(() => undefined);
    return next;
  }
}
