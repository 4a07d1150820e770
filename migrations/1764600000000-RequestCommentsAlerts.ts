import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, longText, ref, text } from './columns';

const fk = (column: string, table: string, onDelete?: 'CASCADE') => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  ...(onDelete ? { onDelete } : {}),
});

export class RequestCommentsAlerts1764600000000 implements MigrationInterface {
  name = 'RequestCommentsAlerts1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'request_comments',
        columns: [
          id(),
          ref('requestId'),
          ref('clientId'),
          ref('authorId'),
          text('authorRole', 20),
          longText('body'),
          instant('createdAt'),
        ],
        indices: [{ columnNames: ['requestId', 'createdAt'] }],
        foreignKeys: [
          fk('requestId', 'requests'),
          fk('clientId', 'clients'),
          fk('authorId', 'users'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'alerts',
        columns: [
          id(),
          ref('contractId'),
          ref('clientId'),
          text('kind', 30),
          text('period', 30),
          longText('message'),
          instant('createdAt'),
          // The consultant's inbox and the client's portal acknowledge separately.
          instant('acknowledgedAt', true),
          ref('acknowledgedById', true),
          instant('clientAcknowledgedAt', true),
          ref('clientAcknowledgedById', true),
        ],
        indices: [
          { columnNames: ['contractId', 'kind', 'period'], isUnique: true },
          { columnNames: ['clientId', 'createdAt'] },
        ],
        // Alerts are derived from the contract: they go with it when an unused contract is deleted.
        foreignKeys: [fk('contractId', 'contracts', 'CASCADE'), fk('clientId', 'clients')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('alerts');
    await q.dropTable('request_comments');
  }
}
