import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import type { AppConfig } from './config';

/** One description of the database for the server, the tests and the migration CLI. */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'sqliteFile'>,
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
      extra: { max: 10 },
    };
  }
  mkdirSync(dirname(config.sqliteFile), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.sqliteFile,
    enableWAL: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
