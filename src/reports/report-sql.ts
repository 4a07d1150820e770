import type { DataSource, EntityManager } from 'typeorm';

/** Where a report query runs: the data source, or a transaction's manager. */
export type Queryable = DataSource | EntityManager;

/**
 * Runs hand-written SQL with named parameters (`:name`, `:...list`), written once for SQLite
 * and PostgreSQL: the driver turns the names into its own placeholders (`?` or `$1`).
 * Identifiers are double-quoted in the SQL, which both databases read the same way.
 */
export async function reportQuery<Row>(
  db: Queryable,
  sql: string,
  params: Record<string, unknown>,
): Promise<Row[]> {
  const connection = 'connection' in db ? db.connection : db;
  const [query, values] = connection.driver.escapeQueryWithParameters(sql, params);
  return db.query<Row[]>(query, values);
}

/** PostgreSQL returns SUM and COUNT as text (bigint); SQLite as numbers; null when no row. */
export function toInt(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new RangeError(`Not a number from the database: ${JSON.stringify(value)}`);
  return n;
}
