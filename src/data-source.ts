import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from './common/config';
import { dataSourceOptions } from './common/database';

/** The data source of the TypeORM CLI (migration:generate, :run, :revert). */
export default new DataSource(
  dataSourceOptions(loadConfig(process.env), [join(__dirname, '**', '*.entity.{ts,js}')]),
);
