import type { AppConfig } from '../src/common/config';

/** What a backup needs to know of the installation: its configuration. */
export type Installation = Pick<
  AppConfig,
  'DATABASE_URL' | 'DATA_DIR' | 'sqliteFile' | 'JWT_SECRET' | 'usesPostgres'
>;

/** A refusal or failure worded for the person at the terminal; the command exits with 1. */
export class BackupRefusal extends Error {}

export interface RestoreOptions {
  /** Replace the data of a database a running server has open. */
  force?: boolean;
}
