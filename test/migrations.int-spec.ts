import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../migrations';
import { loadConfig } from '../src/common/config';
import { dataSourceOptions } from '../src/common/database';
import { createTestDatabase, TestDatabase } from './database';

/** Every migration runs up, all the way down, and up again, on the database under test. */
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(loadConfig({ ...db.env }), []));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tables = async (): Promise<string[]> => {
    const rows: { name: string }[] =
      dataSource.options.type === 'postgres'
        ? await dataSource.query(
            `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
          )
        : await dataSource.query(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
          );
    return rows
      .map((r) => r.name)
      .filter((n) => n !== 'migrations')
      .sort();
  };

  it('applies, reverts and re-applies the whole schema', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(ALL_MIGRATIONS.map((M) => new M().name));
    const full = await tables();
    expect(full).toEqual(
      expect.arrayContaining([
        'practice',
        'users',
        'clients',
        'contracts',
        'requests',
        'interventions',
        'invoices',
      ]),
    );
    for (let i = 0; i < ALL_MIGRATIONS.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(full);
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
