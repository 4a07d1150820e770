import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes behind the reports and the accounting exports, which read by period across tables
 * owned by other features: requests by creation instant (every client, for the workload
 * report's pressure ranking; one client, for the client report) and issued documents by
 * issue date (the exports of a period, every client).
 */
const INDEXES: { table: string; index: TableIndex }[] = [
  {
    table: 'requests',
    index: new TableIndex({ name: 'IDX_requests_createdAt', columnNames: ['createdAt'] }),
  },
  {
    table: 'requests',
    index: new TableIndex({
      name: 'IDX_requests_clientId_createdAt',
      columnNames: ['clientId', 'createdAt'],
    }),
  },
  {
    table: 'invoices',
    index: new TableIndex({ name: 'IDX_invoices_issueDate', columnNames: ['issueDate'] }),
  },
];

export class Reports1764800000000 implements MigrationInterface {
  name = 'Reports1764800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await q.createIndex(table, index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, index } of [...INDEXES].reverse()) await q.dropIndex(table, index);
  }
}
