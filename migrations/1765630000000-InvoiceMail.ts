import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, ref, text } from './columns';

/**
 * Invoices by mail: each send of an issued document (to whom, when, its outbox message), the
 * payment reminders stopped by hand, and the practice's reminder days (after the due date,
 * default 1, 15 and 30). Issued documents stay frozen: what happens to them after issue lives
 * beside them, as their payments do.
 */
export class InvoiceMail1765630000000 implements MigrationInterface {
  name = 'InvoiceMail1765630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'invoice_sends',
        columns: [
          id(),
          ref('invoiceId'),
          text('sentTo', 254),
          instant('sentAt'),
          ref('outboxId', true),
          ref('sentBy', true),
        ],
        foreignKeys: [
          {
            columnNames: ['invoiceId'],
            referencedTableName: 'invoices',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.createIndex(
      'invoice_sends',
      new TableIndex({ name: 'IDX_invoice_sends_invoice', columnNames: ['invoiceId', 'sentAt'] }),
    );
    await q.createTable(
      new Table({
        name: 'invoice_reminder_stops',
        columns: [
          { ...ref('invoiceId'), isPrimary: true },
          instant('stoppedAt'),
          ref('stoppedBy', true),
        ],
        foreignKeys: [
          {
            columnNames: ['invoiceId'],
            referencedTableName: 'invoices',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    // Plain ALTER TABLE, so that SQLite rebuilds no table.
    await q.query(
      `ALTER TABLE practice ADD COLUMN "reminderDays" text NOT NULL DEFAULT '[1,15,30]'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE practice DROP COLUMN "reminderDays"');
    await q.dropTable('invoice_reminder_stops');
    await q.dropTable('invoice_sends');
  }
}
