import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { unavailable } from '../common/error.filter';
import { checkpointApart } from './import-checkpoint';

/** The few better-sqlite3 calls used here. */
interface SqliteConnection {
  readonly inTransaction: boolean;
  pragma(source: string): unknown;
}

/** How often the import looks again for the write lock while the server's connection holds it. */
const RETRY_MS = 5;

/**
 * SQLite: an import writes through a connection of its own on the same file (WAL), in a
 * transaction that holds the file's write lock from its first statement (`BEGIN IMMEDIATE`) to
 * its commit, all or nothing, while the server's connection goes on answering between the
 * import's slices. Requests read on the server's connection the data as it was before the
 * import (WAL snapshots), and a write that arrives meanwhile waits, without holding the event
 * loop, until the import commits or rolls back, then runs: it is never written inside the
 * import's transaction, so an import that fails takes nothing of it along. Imports run one at a
 * time. The import's connection is opened on the first import and closed with the server.
 */
@Injectable()
export class ImportConnection implements OnApplicationShutdown {
  private own: Promise<DataSource> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** While an import holds or waits for the write lock: resolves when it lets go. */
  private holding: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly main: DataSource,
    private readonly config: AppConfigService,
  ) {}

  /** True where imports write through their own connection (SQLite). */
  get applies(): boolean {
    return this.main.options.type === 'better-sqlite3';
  }

  /** Runs `work` in a transaction of the import's own connection, one import at a time. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.alone(work));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async onApplicationShutdown(): Promise<void> {
    const own = this.own;
    this.own = null;
    if (!own) return;
    const source = await own.catch(() => null);
    if (source?.isInitialized) await source.destroy();
  }

  private async alone<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const source = await this.source();
    let letGo = (): void => undefined;
    this.holding = new Promise<void>((resolve) => (letGo = resolve));
    try {
      const patience = this.config.values.DB_LOCK_TIMEOUT_MS;
      const since = Date.now();
      for (;;) {
        // A transaction of the server's connection finishes first: it may write further.
        if (!this.mainConnection().inTransaction) {
          let locked = false;
          try {
            const result = await source.transaction(async (manager) => {
              locked = true;
              return work(manager);
            });
            // Before other writes run: their commit would copy the import's log on this thread.
            if (this.onFile) await checkpointApart(this.file);
            return result;
          } catch (error) {
            if (locked || !isBusy(error)) throw error;
            // The BEGIN failed: the connection holds no transaction, whatever TypeORM noted.
            Object.assign(source.driver.createQueryRunner('master'), {
              isTransactionActive: false,
              transactionDepth: 0,
            });
          }
        }
        // Another program holds the file's write lock: the import waits its turn, loop free.
        if (Date.now() - since > patience) throw unavailable('lock_timeout');
        await sleep(RETRY_MS);
      }
    } finally {
      this.holding = null;
      letGo();
    }
  }

  /** The import's connection, opened once: the server's options, no migrations, no waiting. */
  private source(): Promise<DataSource> {
    this.own ??= this.open();
    return this.own;
  }

  private async open(): Promise<DataSource> {
    this.guardMainConnection();
    const options = this.main.options as DataSource['options'] & {
      prepareDatabase?: (db: SqliteConnection) => void;
    };
    const source = new DataSource({
      ...options,
      migrationsRun: false,
      synchronize: false,
      migrations: [],
      prepareDatabase: (db: SqliteConnection) => {
        options.prepareDatabase?.(db);
        // Waiting for the lock is done by `alone`, the event loop free, not inside SQLite.
        db.pragma('busy_timeout = 0');
        // The log is copied into the file after the commit, in a worker (`checkpointApart`).
        if (this.onFile) db.pragma('wal_autocheckpoint = 0');
      },
    } as DataSource['options']);
    await source.initialize();
    const runner = source.driver.createQueryRunner('master');
    const query = runner.query.bind(runner);
    // The write lock from the first statement: nothing is written between the checks and the rows.
    runner.query = ((sql: string, ...rest: unknown[]) =>
      query(
        sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql,
        ...(rest as []),
      )) as QueryRunner['query'];
    return source;
  }

  /**
   * The server's connection starts no write while an import holds the lock: its statements other
   * than reads wait for the import to let go, unless they belong to a transaction already begun
   * (which the import waits for). Waiting here, in the event loop, instead of in SQLite's busy
   * handler, keeps the server answering and lets the import finish.
   */
  private guardMainConnection(): void {
    const runner = this.main.driver.createQueryRunner('master');
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    const connection = (): SqliteConnection => this.mainConnection();
    runner.query = (async (sql: string, ...rest: unknown[]) => {
      while (this.holding && !connection().inTransaction && !isRead(sql)) await this.holding;
      return query(sql, ...rest);
    }) as QueryRunner['query'];
  }

  /** The database file, when there is one (not `:memory:`), written through its log (WAL). */
  private get file(): string {
    const { database } = this.main.options as { database?: unknown };
    return typeof database === 'string' ? database : '';
  }

  private get onFile(): boolean {
    const file = this.file;
    return file !== '' && file !== ':memory:' && !file.startsWith('file::memory:');
  }

  private mainConnection(): SqliteConnection {
    return (this.main.driver as unknown as { databaseConnection: SqliteConnection })
      .databaseConnection;
  }
}

function isRead(sql: string): boolean {
  return /^\s*select\b/i.test(sql);
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null) ?? {};
  return [code.code, code.driverError?.code].some(
    (c) => typeof c === 'string' && c.startsWith('SQLITE_BUSY'),
  );
}
