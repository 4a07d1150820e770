import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { preparedSql, queryPrepared } from './prepared-sql';

describe('preparedSql', () => {
  it('writes the SQLite text with one ? per placeholder, each bound to its parameter', () => {
    const s = preparedSql('t', 'SELECT $2 AS b, $1 AS a WHERE $2 > $1');
    expect(s).toMatchObject({
      name: 'gf_t',
      postgres: 'SELECT $2 AS b, $1 AS a WHERE $2 > $1',
      sqlite: 'SELECT ? AS b, ? AS a WHERE ? > ?',
      order: [1, 0, 1, 0],
    });
  });

  it('runs on SQLite with the parameters where the placeholders put them, prepared once', async () => {
    const db = new Database(':memory:');
    const prepare = jest.spyOn(db, 'prepare');
    const dataSource = {
      options: { type: 'better-sqlite3' },
      driver: { databaseConnection: db },
    } as unknown as DataSource;
    const s = preparedSql('t', 'SELECT $2 AS b, $1 AS a, $2 > $1 AS later, TRUE AS yes');
    expect(await queryPrepared(dataSource, s, ['x', 'y'])).toEqual([
      { b: 'y', a: 'x', later: 1, yes: 1 },
    ]);
    expect(await queryPrepared(dataSource, s, ['z', 'a'])).toEqual([
      { b: 'a', a: 'z', later: 0, yes: 1 },
    ]);
    expect(prepare).toHaveBeenCalledTimes(1);
    db.close();
  });
});
