import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, longText, ref, text } from './columns';

/**
 * The outbox: every message is written in the transaction of the event that causes it, then
 * delivered by the sender, which records each attempt. users.locale is the language a person
 * reads their mail in (null: the practice's language).
 */
export class Outbox1765600000000 implements MigrationInterface {
  name = 'Outbox1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          id(),
          text('kind', 40),
          text('recipient', 254),
          text('recipientName', 200, true),
          ref('userId', true),
          ref('clientId', true),
          text('locale', 5),
          text('subject', 300),
          longText('textBody'),
          longText('htmlBody'),
          json('headers'),
          json('attachments'),
          json('links'),
          bool('essential', true),
          text('dedupeKey', 200, true),
          text('status', 12),
          instant('notBefore'),
          instant('nextAttemptAt'),
          int('attempts', false, 0),
          longText('lastError', true),
          text('claimedBy', 80, true),
          instant('claimedUntil', true),
          instant('sentAt', true),
          instant('createdAt'),
        ],
      }),
    );
    await q.createIndex(
      'outbox',
      new TableIndex({ name: 'IDX_outbox_due', columnNames: ['status', 'nextAttemptAt'] }),
    );
    await q.createIndex(
      'outbox',
      new TableIndex({ name: 'UQ_outbox_dedupe', columnNames: ['dedupeKey'], isUnique: true }),
    );
    await q.createIndex(
      'outbox',
      new TableIndex({ name: 'IDX_outbox_created', columnNames: ['createdAt'] }),
    );
    await q.createTable(
      new Table({
        name: 'outbox_attempts',
        columns: [
          id(),
          ref('messageId'),
          int('attempt'),
          text('outcome', 12),
          longText('detail', true),
          text('worker', 80),
          instant('at'),
        ],
      }),
    );
    await q.createIndex(
      'outbox_attempts',
      new TableIndex({ name: 'IDX_outbox_attempts_message', columnNames: ['messageId'] }),
    );
    await q.query('ALTER TABLE users ADD COLUMN "locale" varchar(5)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN "locale"');
    await q.dropTable('outbox_attempts');
    await q.dropTable('outbox');
  }
}
