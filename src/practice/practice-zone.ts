import type { DataSource, EntityManager } from 'typeorm';
import { preparedSql, queryPrepared, queryPreparedIn } from '../common/prepared-sql';

const ZONE_SQL = preparedSql('practice_zone', 'SELECT timezone FROM practice LIMIT 1');

/**
 * The practice's time zone as stored, or null before the practice is set up: one column read by
 * a prepared statement, on a data source or inside the caller's transaction. Read at every call
 * (another process may have changed it).
 */
export async function readPracticeZone(db: DataSource | EntityManager): Promise<string | null> {
  const [row] =
    'connection' in db
      ? await queryPreparedIn<{ timezone: string }>(db, ZONE_SQL, [])
      : await queryPrepared<{ timezone: string }>(db, ZONE_SQL, []);
  return row?.timezone ?? null;
}
