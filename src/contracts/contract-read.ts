/**
 * A contract read by its id outside any transaction (every usage read, every filing starts
 * with one): a prepared statement and a plain mapping of its row instead of TypeORM's query
 * building and hydration, which cost more than the statement. The entity's columns as stored:
 * JSON as text, instants as ISO text, on both databases.
 */
import type { DataSource } from 'typeorm';
import { preparedSql, queryPrepared } from '../common/prepared-sql';
import { Contract } from './contract.entity';

const CONTRACT_SQL = preparedSql(
  'contract_by_id',
  `SELECT id, "clientId", reference, title, "startDate", "endDate", billing, "urgencyPolicy",
          "paymentTermsDays", "createdAt", "archivedAt"
     FROM contracts WHERE id = $1`,
);

interface ContractRow {
  id: string;
  clientId: string;
  reference: string;
  title: string;
  startDate: string;
  endDate: string | null;
  billing: string;
  urgencyPolicy: string;
  paymentTermsDays: number | null;
  createdAt: string;
  archivedAt: string | null;
}

/** The contract of this id, or null. */
export async function readContract(dataSource: DataSource, id: string): Promise<Contract | null> {
  const [row] = await queryPrepared<ContractRow>(dataSource, CONTRACT_SQL, [id]);
  if (!row) return null;
  return Object.assign(new Contract(), {
    id: row.id,
    clientId: row.clientId,
    reference: row.reference,
    title: row.title,
    startDate: row.startDate,
    endDate: row.endDate,
    billing: JSON.parse(row.billing) as Contract['billing'],
    urgencyPolicy: JSON.parse(row.urgencyPolicy) as Contract['urgencyPolicy'],
    paymentTermsDays: row.paymentTermsDays,
    createdAt: new Date(row.createdAt),
    archivedAt: row.archivedAt === null ? null : new Date(row.archivedAt),
  });
}
