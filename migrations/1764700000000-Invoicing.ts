import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { day, id, instant, int, json, longText, ref, text } from './columns';

const fk = (column: string, table: string, onDelete?: 'CASCADE') => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  ...(onDelete ? { onDelete } : {}),
});

const FROZEN_INVOICE = 'an issued invoice or credit note cannot be changed or deleted';
const FROZEN_LINE = 'the lines of an issued invoice or credit note cannot be changed';

/**
 * SQLite: an issued document refuses every UPDATE and DELETE (its status, paid or overdue, is
 * derived on read, so nothing legitimate ever writes to it again); its lines refuse INSERT,
 * UPDATE and DELETE. The application checks first (409); these stop anyone with SQL access.
 */
const SQLITE_TRIGGERS = [
  `CREATE TRIGGER invoices_frozen_update BEFORE UPDATE ON invoices
   WHEN OLD.status = 'issued'
   BEGIN SELECT RAISE(ABORT, '${FROZEN_INVOICE}'); END`,
  `CREATE TRIGGER invoices_frozen_delete BEFORE DELETE ON invoices
   WHEN OLD.status = 'issued'
   BEGIN SELECT RAISE(ABORT, '${FROZEN_INVOICE}'); END`,
  `CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
   WHEN (SELECT status FROM invoices WHERE id = NEW."invoiceId") = 'issued'
   BEGIN SELECT RAISE(ABORT, '${FROZEN_LINE}'); END`,
  `CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
   WHEN (SELECT status FROM invoices WHERE id = OLD."invoiceId") = 'issued'
     OR (SELECT status FROM invoices WHERE id = NEW."invoiceId") = 'issued'
   BEGIN SELECT RAISE(ABORT, '${FROZEN_LINE}'); END`,
  `CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines
   WHEN (SELECT status FROM invoices WHERE id = OLD."invoiceId") = 'issued'
   BEGIN SELECT RAISE(ABORT, '${FROZEN_LINE}'); END`,
];

const SQLITE_TRIGGER_NAMES = [
  'invoices_frozen_update',
  'invoices_frozen_delete',
  'invoice_lines_frozen_insert',
  'invoice_lines_frozen_update',
  'invoice_lines_frozen_delete',
];

/** PostgreSQL: the same rules as plpgsql row triggers, plus TRUNCATE refused outright. */
const POSTGRES_TRIGGERS = [
  `CREATE FUNCTION invoices_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF OLD.status = 'issued' THEN
       RAISE EXCEPTION '${FROZEN_INVOICE} (%)', OLD.number USING ERRCODE = 'integrity_constraint_violation';
     END IF;
     IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER invoices_frozen BEFORE UPDATE OR DELETE ON invoices
   FOR EACH ROW EXECUTE FUNCTION invoices_frozen()`,
  `CREATE FUNCTION invoice_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE parent_status varchar;
   BEGIN
     IF TG_OP IN ('UPDATE', 'DELETE') THEN
       SELECT status INTO parent_status FROM invoices WHERE id = OLD."invoiceId";
       IF parent_status = 'issued' THEN
         RAISE EXCEPTION '${FROZEN_LINE}' USING ERRCODE = 'integrity_constraint_violation';
       END IF;
     END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN
       SELECT status INTO parent_status FROM invoices WHERE id = NEW."invoiceId";
       IF parent_status = 'issued' THEN
         RAISE EXCEPTION '${FROZEN_LINE}' USING ERRCODE = 'integrity_constraint_violation';
       END IF;
     END IF;
     IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER invoice_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
   FOR EACH ROW EXECUTE FUNCTION invoice_lines_frozen()`,
  `CREATE FUNCTION invoicing_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'issued invoices cannot be truncated' USING ERRCODE = 'integrity_constraint_violation';
   END $$`,
  `CREATE TRIGGER invoices_no_truncate BEFORE TRUNCATE ON invoices
   FOR EACH STATEMENT EXECUTE FUNCTION invoicing_no_truncate()`,
  `CREATE TRIGGER invoice_lines_no_truncate BEFORE TRUNCATE ON invoice_lines
   FOR EACH STATEMENT EXECUTE FUNCTION invoicing_no_truncate()`,
];

const POSTGRES_DROPS = [
  'DROP TRIGGER IF EXISTS invoice_lines_no_truncate ON invoice_lines',
  'DROP TRIGGER IF EXISTS invoices_no_truncate ON invoices',
  'DROP TRIGGER IF EXISTS invoice_lines_frozen ON invoice_lines',
  'DROP TRIGGER IF EXISTS invoices_frozen ON invoices',
  'DROP FUNCTION IF EXISTS invoicing_no_truncate()',
  'DROP FUNCTION IF EXISTS invoice_lines_frozen()',
  'DROP FUNCTION IF EXISTS invoices_frozen()',
];

/**
 * Invoices and credit notes (one table: one numbering lock, one hash chain), their lines,
 * payments and the counters of the number series. Issued documents are frozen by triggers.
 */
export class Invoicing1764700000000 implements MigrationInterface {
  name = 'Invoicing1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'invoices',
        columns: [
          id(),
          text('kind', 12),
          text('status', 10),
          text('number', 40, true),
          text('seriesKey', 60, true),
          int('seq', true),
          int('chainSeq', true),
          ref('clientId'),
          ref('contractId', true),
          day('periodStart'),
          day('periodEnd'),
          day('issueDate', true),
          day('dueDate', true),
          int('paymentTermsDays', true),
          text('locale', 2),
          text('vatRegime', 20),
          json('seller', true),
          json('buyer', true),
          int('netCents', false, 0),
          int('vatCents', false, 0),
          int('grossCents', false, 0),
          json('byRate'),
          longText('notes', true),
          ref('creditedInvoiceId', true),
          text('hash', 64, true),
          text('previousHash', 64, true),
          instant('createdAt'),
          instant('issuedAt', true),
        ],
        indices: [
          { columnNames: ['number'], isUnique: true },
          { columnNames: ['seriesKey', 'seq'], isUnique: true },
          { columnNames: ['chainSeq'], isUnique: true },
          { columnNames: ['clientId', 'issueDate'] },
          { columnNames: ['contractId', 'periodStart'] },
          { columnNames: ['creditedInvoiceId'] },
          { columnNames: ['status', 'kind'] },
        ],
        foreignKeys: [
          fk('clientId', 'clients'),
          fk('contractId', 'contracts'),
          fk('creditedInvoiceId', 'invoices'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invoice_lines',
        columns: [
          id(),
          ref('invoiceId'),
          int('position'),
          text('kind', 30),
          longText('description'),
          int('quantityHundredths'),
          text('unit', 10),
          int('unitPriceCents'),
          int('vatRateBp'),
          int('amountCents'),
          json('interventionIds'),
          json('details'),
          int('creditedPosition', true),
        ],
        indices: [{ columnNames: ['invoiceId', 'position'], isUnique: true }],
        foreignKeys: [fk('invoiceId', 'invoices', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'payments',
        columns: [
          id(),
          ref('invoiceId'),
          int('amountCents'),
          day('paidOn'),
          text('method', 10),
          instant('createdAt'),
        ],
        indices: [{ columnNames: ['invoiceId'] }],
        foreignKeys: [fk('invoiceId', 'invoices')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'document_counters',
        columns: [{ ...text('seriesKey', 60), isPrimary: true }, int('lastSeq')],
      }),
    );
    const triggers = q.connection.options.type === 'postgres' ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS;
    for (const sql of triggers) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      for (const sql of POSTGRES_DROPS) await q.query(sql);
    } else {
      for (const name of SQLITE_TRIGGER_NAMES) await q.query(`DROP TRIGGER IF EXISTS ${name}`);
    }
    for (const table of ['document_counters', 'payments', 'invoice_lines', 'invoices']) {
      await q.dropTable(table);
    }
  }
}
