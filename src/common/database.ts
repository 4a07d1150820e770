import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as Pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import type { AppConfig } from './config';
import { onFirstUse } from './on-first-use';

export type DatabaseSettings = Pick<
  AppConfig,
  | 'DATABASE_URL'
  | 'sqliteFile'
  | 'DB_POOL_SIZE'
  | 'DB_CONNECT_TIMEOUT_MS'
  | 'DB_STATEMENT_TIMEOUT_MS'
  | 'DB_LOCK_TIMEOUT_MS'
>;

const logger = new Logger('Database');

/** node-postgres, loaded only when the database is PostgreSQL. */
const pg = onFirstUse<typeof Pg>('pg');

/**
 * A pooled PostgreSQL connection that always has an 'error' listener. The pool removes its own
 * listener when it hands a new connection out, and TypeORM adds its one a moment later; a
 * session terminated right as it opened (its last handshake message and the termination in one
 * network read) was an 'error' event with no listener in between, which ends the process. The
 * error needs nothing more here: the connection is marked unusable, its first query fails (503)
 * and the pool discards it.
 */
let pooledConnection: typeof Pg.Client | undefined;
function pooledConnectionClass(): typeof Pg.Client {
  return (pooledConnection ??= class PooledConnection extends pg().Client {
    constructor(config?: string | Pg.ClientConfig) {
      super(config);
      this.on('error', () => undefined);
    }
  });
}

/** One description of the database for the server, the tests and the migration CLI. */
export function dataSourceOptions(
  config: DatabaseSettings,
  entities: DataSourceOptions['entities'],
): DataSourceOptions {
  const common = {
    entities,
    migrations: ALL_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (config.DATABASE_URL) {
    return {
      ...common,
      type: 'postgres',
      url: config.DATABASE_URL,
      // node-postgres pool settings. Every request waits a bounded time for a connection, every
      // statement runs and waits for locks a bounded time, so a stuck session or a lost database
      // turns into 503 answers instead of requests that hang and pile up.
      extra: {
        Client: pooledConnectionClass(),
        max: config.DB_POOL_SIZE,
        connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
        statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
        lock_timeout: config.DB_LOCK_TIMEOUT_MS,
      },
      // An idle connection the database closed (restart, terminated session): the pool drops it
      // and opens a new one for the next query.
      poolErrorHandler: (error: unknown) =>
        logger.warn(`lost an idle database connection: ${String(error)}`),
    };
  }
  mkdirSync(dirname(config.sqliteFile), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.sqliteFile,
    enableWAL: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      // Another program writing the file (a backup tool, the sqlite3 shell): wait this long.
      db.pragma(`busy_timeout = ${Math.trunc(config.DB_LOCK_TIMEOUT_MS)}`);
      db.pragma('foreign_keys = ON');
    },
  };
}
