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

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * SQL naming the local month of an instant column: `CASE WHEN col < :monthEnd0 THEN '2026-01'
 * … END`, for months in order, the instants of their ends given as parameters. Instants are
 * UTC text, so a local month is a pair of UTC bounds; the caller keeps `col` within
 * [`start`, `end`) in its WHERE. The month names are checked, then written as literals.
 */
export function monthOfInstant(
  column: string,
  months: readonly { month: string; end: Date }[],
): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const cases = months.map(({ month, end }, k) => {
    if (!MONTH.test(month)) throw new RangeError(`Not a month (YYYY-MM): "${month}"`);
    params[`monthEnd${k}`] = end.toISOString();
    return `WHEN ${column} < :monthEnd${k} THEN '${month}'`;
  });
  return { sql: `CASE ${cases.join(' ')} END`, params };
}
