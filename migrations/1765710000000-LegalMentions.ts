import { MigrationInterface, QueryRunner } from 'typeorm';

/** The accounts the FEC gains, with the defaults a practice set up from now on gets. */
const NEW_ACCOUNTS = {
  revenueReverseCharge: '7062',
  revenueIntraEu: '7063',
  revenueExport: '7064',
  bank: '512',
  bankJournalCode: 'BQ',
  bankJournalLabel: 'Banque',
};

/**
 * The law's inputs of an invoice:
 * - practice: a legal form of up to 60 characters; the trade registry (RCS or RM) and its
 *   city, the share capital in cents, the option for VAT on debits (false: VAT on receipts,
 *   the rule for services); the accounts of the FEC's bank journal and of revenue by regime,
 *   added to the stored accounts with their defaults;
 * - invoice_lines: what a line sells (services, goods) and why a 0 % line bears no VAT.
 * Stored late-penalty rates are left as they are, even below today's floor: the floor is
 * checked when the rate is next changed, and an invoice prints at least the floor.
 * Columns are added with plain ALTER TABLE: on SQLite, TypeORM's addColumn rebuilds the table,
 * which would drop the triggers that freeze issued invoices.
 */
export class LegalMentions1765710000000 implements MigrationInterface {
  name = 'LegalMentions1765710000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    // SQLite does not enforce a varchar's length.
    if (postgres) await q.query('ALTER TABLE practice ALTER COLUMN "legalForm" TYPE varchar(60)');
    await q.query('ALTER TABLE practice ADD COLUMN "tradeRegistry" varchar(3)');
    await q.query('ALTER TABLE practice ADD COLUMN "tradeRegistryCity" varchar(100)');
    await q.query('ALTER TABLE practice ADD COLUMN "shareCapitalCents" integer');
    await q.query('ALTER TABLE practice ADD COLUMN "vatOnDebits" boolean NOT NULL DEFAULT false');
    await this.changeAccounts(q, postgres, (accounts) => ({ ...NEW_ACCOUNTS, ...accounts }));
    await q.query(
      `ALTER TABLE invoice_lines ADD COLUMN "supply" varchar(10) NOT NULL DEFAULT 'services'`,
    );
    await q.query('ALTER TABLE invoice_lines ADD COLUMN "vatExemption" varchar(30)');
  }

  async down(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.query('ALTER TABLE invoice_lines DROP COLUMN "vatExemption"');
    await q.query('ALTER TABLE invoice_lines DROP COLUMN "supply"');
    await this.changeAccounts(q, postgres, (accounts) =>
      Object.fromEntries(Object.entries(accounts).filter(([key]) => !(key in NEW_ACCOUNTS))),
    );
    await q.query('ALTER TABLE practice DROP COLUMN "vatOnDebits"');
    await q.query('ALTER TABLE practice DROP COLUMN "shareCapitalCents"');
    await q.query('ALTER TABLE practice DROP COLUMN "tradeRegistryCity"');
    await q.query('ALTER TABLE practice DROP COLUMN "tradeRegistry"');
    if (postgres) await q.query('ALTER TABLE practice ALTER COLUMN "legalForm" TYPE varchar(20)');
  }

  private async changeAccounts(
    q: QueryRunner,
    postgres: boolean,
    change: (accounts: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const rows = (await q.query('SELECT id, accounts FROM practice')) as {
      id: string;
      accounts: string;
    }[];
    for (const row of rows) {
      const accounts = change(JSON.parse(row.accounts) as Record<string, unknown>);
      await q.query(
        `UPDATE practice SET accounts = ${postgres ? '$1' : '?'} WHERE id = ${postgres ? '$2' : '?'}`,
        [JSON.stringify(accounts), row.id],
      );
    }
  }
}
