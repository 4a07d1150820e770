import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfigService } from './app-config.service';
import { unavailable } from './error.filter';

/**
 * All-or-nothing writes. On PostgreSQL each named lock is a transaction-scoped advisory lock,
 * so several server processes serialise on the same quota or number series. On SQLite the
 * single connection already serialises statements, but not interleaved async transactions:
 * they are queued here, one at a time, which is what SQLite's single writer needs anyway.
 */
@Injectable()
export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private readonly lines = new Map<string, LockLine>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {}

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>, locks: string[] = []): Promise<T> {
    if (this.isPostgres) return this.runOnPostgres(work, [...new Set(locks)].sort());
    const next = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = next.catch(() => undefined);
    return next;
  }

  /**
   * Transactions of this process that need the same lock wait for it here, in line, holding no
   * connection: a lock held elsewhere for long (a stuck session, another process's long write)
   * then occupies one pooled connection, not the whole pool, and reads go on. The first in line
   * waits at the database (lock_timeout); the others give up (503) when the line has not moved
   * for as long.
   */
  private async runOnPostgres<T>(
    work: (manager: EntityManager) => Promise<T>,
    keys: string[],
  ): Promise<T> {
    const turns: Array<() => void> = [];
    try {
      for (const key of keys) turns.push(await this.line(key).enter());
      return await this.dataSource.transaction(async (manager) => {
        for (const key of keys) {
          await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
        }
        return work(manager);
      });
    } finally {
      for (const leave of turns) leave();
    }
  }

  private line(key: string): LockLine {
    let line = this.lines.get(key);
    if (!line) {
      line = new LockLine(this.config.values.DB_LOCK_TIMEOUT_MS, () => this.lines.delete(key));
      this.lines.set(key, line);
    }
    return line;
  }
}

interface Waiter {
  admit(): void;
  timer: NodeJS.Timeout;
}

/** The transactions of this process waiting for one named lock, first come first served. */
class LockLine {
  private taken = false;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly patienceMs: number,
    private readonly empty: () => void,
  ) {}

  /** Waits for this process's turn at the lock; resolves with the function that passes it on. */
  enter(): Promise<() => void> {
    let left = false;
    const leave = (): void => {
      if (left) return;
      left = true;
      this.passOn();
    };
    if (!this.taken) {
      this.taken = true;
      return Promise.resolve(leave);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => resolve(leave),
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(unavailable('lock_timeout'));
        }, this.patienceMs),
      };
      this.waiting.push(waiter);
    });
  }

  private passOn(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.taken = false;
      this.empty();
      return;
    }
    clearTimeout(next.timer);
    // The line moved: those still waiting are patient for a full period again.
    for (const waiter of this.waiting) waiter.timer.refresh();
    next.admit();
  }
}
