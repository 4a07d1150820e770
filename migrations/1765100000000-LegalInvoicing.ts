import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, text } from './columns';

const FROZEN_PDF = 'the PDF of an issued invoice or credit note cannot be changed or deleted';

/** SQLite: a stored PDF refuses every UPDATE and DELETE, like the issued row it belongs to. */
const SQLITE_TRIGGERS = [
  `CREATE TRIGGER invoice_documents_frozen_update BEFORE UPDATE ON invoice_documents
   BEGIN SELECT RAISE(ABORT, '${FROZEN_PDF}'); END`,
  `CREATE TRIGGER invoice_documents_frozen_delete BEFORE DELETE ON invoice_documents
   BEGIN SELECT RAISE(ABORT, '${FROZEN_PDF}'); END`,
];
const SQLITE_TRIGGER_NAMES = ['invoice_documents_frozen_update', 'invoice_documents_frozen_delete'];

/** PostgreSQL: the same as a row trigger, TRUNCATE refused by the Invoicing migration's function. */
const POSTGRES_TRIGGERS = [
  `CREATE FUNCTION invoice_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION '${FROZEN_PDF}' USING ERRCODE = 'integrity_constraint_violation';
   END $$`,
  `CREATE TRIGGER invoice_documents_frozen BEFORE UPDATE OR DELETE ON invoice_documents
   FOR EACH ROW EXECUTE FUNCTION invoice_documents_frozen()`,
  `CREATE TRIGGER invoice_documents_no_truncate BEFORE TRUNCATE ON invoice_documents
   FOR EACH STATEMENT EXECUTE FUNCTION invoicing_no_truncate()`,
];
const POSTGRES_DROPS = [
  'DROP TRIGGER IF EXISTS invoice_documents_no_truncate ON invoice_documents',
  'DROP TRIGGER IF EXISTS invoice_documents_frozen ON invoice_documents',
  'DROP FUNCTION IF EXISTS invoice_documents_frozen()',
];

/**
 * The client account code as the FEC wrote it until now (411 + this): 8 letters and digits of
 * the name and 4 of a hash of the id. Copied here so the migration never changes with the app.
 */
function accountCodeOf(name: string, id: string, attempt: number): string {
  const ligatures: Record<string, string> = { Œ: 'OE', œ: 'oe', Æ: 'AE', æ: 'ae', ß: 'ss' };
  const letters = name
    .replace(/[ŒœÆæß]/g, (l) => ligatures[l])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8);
  const seed = attempt === 0 ? id : `${id}#${attempt}`;
  return `${letters}${createHash('sha256').update(seed).digest('hex').slice(0, 4).toUpperCase()}`;
}

/**
 * Legal fixes of invoicing:
 * - invoice_documents: the PDF of each issued document, made and stored at issue, frozen by
 *   triggers; invoices.pdfSha256, its digest, part of the hashed content;
 * - practice.latePenaltyRateHundredths (1215 = 12.15 %) instead of whole percents;
 * - clients.accountCode, the client's fixed sub-account in the FEC, unique; existing clients get
 *   the code their FEC entries had so far.
 * Columns are added with plain ALTER TABLE: on SQLite, TypeORM's addColumn rebuilds the table,
 * which would drop the triggers that freeze issued invoices.
 */
export class LegalInvoicing1765100000000 implements MigrationInterface {
  name = 'LegalInvoicing1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.createTable(
      new Table({
        name: 'invoice_documents',
        columns: [
          { ...text('invoiceId', 36), isPrimary: true },
          { name: 'pdf', type: postgres ? 'bytea' : 'blob', isNullable: false },
          text('sha256', 64),
          instant('createdAt'),
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
    for (const sql of postgres ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await q.query(sql);
    await q.query('ALTER TABLE invoices ADD COLUMN "pdfSha256" varchar(64)');

    await q.query(
      'ALTER TABLE practice ADD COLUMN "latePenaltyRateHundredths" integer NOT NULL DEFAULT 1215',
    );
    await q.query(
      'UPDATE practice SET "latePenaltyRateHundredths" = "latePenaltyRatePercent" * 100',
    );
    await q.query('ALTER TABLE practice DROP COLUMN "latePenaltyRatePercent"');

    await q.query(`ALTER TABLE clients ADD COLUMN "accountCode" varchar(20) NOT NULL DEFAULT ''`);
    await this.giveAccountCodes(q, postgres);
    await q.query('CREATE UNIQUE INDEX "IDX_clients_accountCode" ON clients ("accountCode")');
  }

  private async giveAccountCodes(q: QueryRunner, postgres: boolean): Promise<void> {
    const clients = (await q.query('SELECT id, name FROM clients ORDER BY "createdAt", id')) as {
      id: string;
      name: string;
    }[];
    const taken = new Set<string>();
    const update = postgres
      ? 'UPDATE clients SET "accountCode" = $1 WHERE id = $2'
      : 'UPDATE clients SET "accountCode" = ? WHERE id = ?';
    for (const client of clients) {
      let attempt = 0;
      while (taken.has(accountCodeOf(client.name, client.id, attempt))) attempt += 1;
      const code = accountCodeOf(client.name, client.id, attempt);
      taken.add(code);
      await q.query(update, [code, client.id]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.query('DROP INDEX "IDX_clients_accountCode"');
    await q.query('ALTER TABLE clients DROP COLUMN "accountCode"');

    await q.query(
      'ALTER TABLE practice ADD COLUMN "latePenaltyRatePercent" integer NOT NULL DEFAULT 10',
    );
    await q.query(
      'UPDATE practice SET "latePenaltyRatePercent" = ROUND("latePenaltyRateHundredths" / 100.0)',
    );
    await q.query('ALTER TABLE practice DROP COLUMN "latePenaltyRateHundredths"');

    await q.query('ALTER TABLE invoices DROP COLUMN "pdfSha256"');
    if (postgres) {
      for (const sql of POSTGRES_DROPS) await q.query(sql);
    } else {
      for (const name of SQLITE_TRIGGER_NAMES) await q.query(`DROP TRIGGER IF EXISTS ${name}`);
    }
    await q.dropTable('invoice_documents');
  }
}
