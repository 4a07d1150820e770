/**
 * What every authenticated request reads of its caller (who, and whether the token still
 * holds: active, token version), by a hand-written prepared statement instead of TypeORM's
 * query building and the whole entity's hydration.
 */
import type { DataSource } from 'typeorm';
import type { Role } from '../common/domain';
import { preparedSql, queryPrepared } from '../common/prepared-sql';

const CALLER_SQL = preparedSql(
  'caller',
  `SELECT id, email, role, "clientId", "displayName", active, "tokenVersion"
     FROM users WHERE id = $1`,
);

export interface Caller {
  id: string;
  email: string;
  role: Role;
  clientId: string | null;
  displayName: string;
  active: boolean;
  tokenVersion: number;
}

/** The user of this id, or null. */
export async function readCaller(dataSource: DataSource, id: string): Promise<Caller | null> {
  const [row] = await queryPrepared<Caller & { active: boolean | number }>(dataSource, CALLER_SQL, [
    id,
  ]);
  if (!row) return null;
  // SQLite answers booleans as 0 or 1.
  return { ...row, active: Boolean(row.active), tokenVersion: Number(row.tokenVersion) };
}
