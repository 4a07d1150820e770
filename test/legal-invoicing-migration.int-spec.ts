import { DataSource } from 'typeorm';
import { accountCodeFor } from '../src/clients/account-code';
import { loadConfig } from '../src/common/config';
import { dataSourceOptions } from '../src/common/database';
import { createTestDatabase, TestDatabase } from './database';

/**
 * Migration 1765100000000-LegalInvoicing on a database that already holds a practice and
 * clients: the penalty rate kept exactly, each client given the sub-account its FEC entries
 * had so far, and the stored PDFs frozen.
 */
describe('migration LegalInvoicing on existing data', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const MIGRATION = 'LegalInvoicing1765100000000';
  const p = (k: number) => (ds.options.type === 'postgres' ? `$${k}` : '?');

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(loadConfig({ ...db.env }), []));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    // Back to just before it, whatever came after.
    while (
      (await ds.query('SELECT name FROM migrations')).some(
        (r: { name: string }) => r.name === MIGRATION,
      )
    ) {
      await ds.undoLastMigration({ transaction: 'each' });
    }
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const insertClient = (id: string, name: string) =>
    ds.query(
      `INSERT INTO clients (id, name, address, "billingEmail", "createdAt")
       VALUES (${p(1)}, ${p(2)}, '{}', 'c@example.fr', ${p(3)})`,
      [id, name, '2026-01-01T00:00:00.000Z'],
    );

  it('keeps the penalty rate and gives every client the sub-account its entries had', async () => {
    await ds.query(
      `INSERT INTO practice (id, name, "legalForm", siren, "vatRegime", "defaultVatRateBp", address,
         email, timezone, "businessHours", "holidayCalendar", closures, "paymentTermsDays",
         "latePenaltyRatePercent", "invoiceNumberFormat", "creditNoteNumberFormat", locale, limits,
         accounts)
       VALUES ('p', 'Camille', 'EI', '732829320', 'franchise', 2000, '{}', 'c@example.fr',
         'Europe/Paris', '{}', 'FR', '[]', 30, 10, 'F{YYYY}-{SEQ:5}', 'AV{YYYY}-{SEQ:5}', 'fr',
         '{}', '{}')`,
    );
    const ids = ['6f1d2c3e-0000-4000-8000-000000000001', '6f1d2c3e-0000-4000-8000-000000000002'];
    await insertClient(ids[0], 'Boulangerie Dupont');
    await insertClient(ids[1], 'Boulangerie Dupont');

    await ds.runMigrations({ transaction: 'each' });

    const [practice] = await ds.query('SELECT "latePenaltyRateHundredths" AS rate FROM practice');
    expect(Number(practice.rate)).toBe(1000);
    const clients: { id: string; accountCode: string }[] = await ds.query(
      'SELECT id, "accountCode" FROM clients ORDER BY id',
    );
    expect(clients).toEqual(
      ids.map((id) => ({ id, accountCode: accountCodeFor('Boulangerie Dupont', id) })),
    );
    // A client created after the migration, before it has an account code, is accepted.
    await insertClient('6f1d2c3e-0000-4000-8000-000000000003', 'X');
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM clients');
    expect(Number(n)).toBe(3);
    await expect(
      ds.query(`UPDATE clients SET "accountCode" = ${p(1)} WHERE id = ${p(2)}`, [
        clients[0].accountCode,
        ids[1],
      ]),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('refuses to change or delete a stored PDF', async () => {
    await ds.query(
      `INSERT INTO invoices (id, kind, status, "clientId", "periodStart", "periodEnd", locale,
         "vatRegime", "byRate", "createdAt")
       VALUES ('i1', 'invoice', 'draft', ${p(1)}, '2026-01-01', '2026-01-31', 'fr', 'franchise',
         '[]', '2026-02-01T00:00:00.000Z')`,
      ['6f1d2c3e-0000-4000-8000-000000000001'],
    );
    await ds.query(
      `INSERT INTO invoice_documents ("invoiceId", pdf, sha256, "createdAt")
       VALUES ('i1', ${p(1)}, ${p(2)}, '2026-02-01T00:00:00.000Z')`,
      [Buffer.from('%PDF-1.7 test'), 'a'.repeat(64)],
    );
    const [row] = await ds.query(`SELECT pdf FROM invoice_documents WHERE "invoiceId" = 'i1'`);
    expect(Buffer.from(row.pdf).toString()).toBe('%PDF-1.7 test');
    await expect(
      ds.query(`UPDATE invoice_documents SET pdf = ${p(1)}`, [Buffer.from('%PDF forged')]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(ds.query('DELETE FROM invoice_documents')).rejects.toThrow(
      /cannot be changed or deleted/,
    );
  });
});
