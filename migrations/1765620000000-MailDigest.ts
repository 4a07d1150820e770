import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, json, ref, text } from './columns';

/**
 * The lines waiting for a consultant's digest (a request filed, a client's comment, an alert),
 * each written in the transaction of its event and marked by the digest that carries it.
 */
export class MailDigest1765620000000 implements MigrationInterface {
  name = 'MailDigest1765620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'mail_digest_items',
        columns: [
          id(),
          ref('userId'),
          text('kind', 20),
          text('ref', 200),
          ref('clientId', true),
          json('figures'),
          instant('createdAt'),
          instant('dueAt'),
          instant('digestedAt', true),
        ],
      }),
    );
    await q.createIndex(
      'mail_digest_items',
      new TableIndex({
        name: 'UQ_mail_digest_items_ref',
        columnNames: ['userId', 'ref'],
        isUnique: true,
      }),
    );
    await q.createIndex(
      'mail_digest_items',
      new TableIndex({ name: 'IDX_mail_digest_items_due', columnNames: ['digestedAt', 'dueAt'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('mail_digest_items');
  }
}
