/**
 * Hand-written statements for the reads every request makes (the caller's user, a contract, a
 * month's usage figures), run as prepared statements straight through the driver. TypeORM's
 * query builder rebuilds the SQL text and its aliases on every call and hydrates entities
 * through its metadata, which costs more than the statement itself on these small reads.
 *
 * A statement is written once with PostgreSQL's `$n` placeholders: on SQLite they become `?`
 * (better-sqlite3 takes no numbered ones), each statement prepared once per connection and
 * kept; on PostgreSQL the statement is named, so each pooled connection parses and plans it once.
 * Booleans are written in the SQL (`TRUE`, `FALSE`), which both databases read alike.
 *
 * Reads only, outside any transaction: a read that belongs to a transaction goes through its
 * EntityManager. On SQLite there is one connection anyway, shared with TypeORM, so these reads
 * see exactly what TypeORM's would.
 */
import type { DataSource, EntityManager } from 'typeorm';

export interface PreparedSql {
  /** The statement's name on PostgreSQL connections: unique per text. */
  readonly name: string;
  readonly postgres: string;
  readonly sqlite: string;
  /** For each `?` of the SQLite text, the index of its parameter. */
  readonly order: readonly number[];
}

/** A statement with `$1`, `$2`… placeholders; `name` must be unique to this text. */
export function preparedSql(name: string, text: string): PreparedSql {
  const order: number[] = [];
  const sqlite = text.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { name: `gf_${name}`, postgres: text, sqlite, order };
}

interface SqliteStatement {
  all(...params: unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Each SQLite connection's prepared statements, by statement. */
const prepared = new WeakMap<SqliteConnection, Map<PreparedSql, SqliteStatement>>();

/** The statement's rows, as objects named by the statement's columns. */
export async function queryPrepared<Row>(
  dataSource: DataSource,
  statement: PreparedSql,
  params: readonly unknown[],
): Promise<Row[]> {
  const driver = dataSource.driver as unknown as {
    databaseConnection?: SqliteConnection;
    master?: PgPool;
  };
  if (dataSource.options.type === 'postgres') {
    const result = await driver.master!.query({
      name: statement.name,
      text: statement.postgres,
      values: [...params],
    });
    return result.rows as Row[];
  }
  const connection = driver.databaseConnection!;
  let statements = prepared.get(connection);
  if (!statements) {
    statements = new Map<PreparedSql, SqliteStatement>();
    prepared.set(connection, statements);
  }
  let ready = statements.get(statement);
  if (!ready) statements.set(statement, (ready = connection.prepare(statement.sqlite)));
  return ready.all(...statement.order.map((k) => params[k])) as Row[];
}

/**
 * The statement's rows read through `manager`: inside its transaction when it has one (through
 * TypeORM's query runner, the statement unnamed), else as a prepared statement.
 */
export function queryPreparedIn<Row>(
  manager: EntityManager,
  statement: PreparedSql,
  params: readonly unknown[],
): Promise<Row[]> {
  if (!manager.queryRunner) return queryPrepared<Row>(manager.connection, statement, params);
  return manager.connection.options.type === 'postgres'
    ? manager.query<Row[]>(statement.postgres, [...params])
    : manager.query<Row[]>(
        statement.sqlite,
        statement.order.map((k) => params[k]),
      );
}
