import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, id, instant, int, json, ref, text } from './columns';

export class Foundation1764400000000 implements MigrationInterface {
  name = 'Foundation1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'practice',
        columns: [
          id(),
          text('name', 200),
          text('legalForm', 20),
          text('siren', 9),
          text('siret', 14, true),
          text('vatNumber', 20, true),
          text('vatRegime', 20),
          int('defaultVatRateBp'),
          json('address'),
          text('email', 254),
          text('phone', 40, true),
          text('iban', 34, true),
          text('bic', 11, true),
          text('timezone', 64),
          json('businessHours'),
          text('holidayCalendar', 10),
          json('closures'),
          int('paymentTermsDays'),
          int('latePenaltyRatePercent'),
          text('invoiceNumberFormat', 40),
          text('creditNoteNumberFormat', 40),
          text('locale', 2),
          json('limits'),
          json('accounts'),
          text('logoPath', 255, true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'clients',
        columns: [
          id(),
          text('name', 200),
          text('siren', 9, true),
          text('vatNumber', 20, true),
          json('address'),
          text('billingEmail', 254),
          text('locale', 2, true),
          instant('createdAt'),
          instant('archivedAt', true),
        ],
        indices: [{ columnNames: ['name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          text('email', 254),
          text('displayName', 200),
          text('role', 20),
          ref('clientId', true),
          text('passwordHash', 255, true),
          bool('active', true),
          text('inviteTokenHash', 64, true),
          instant('inviteExpiresAt', true),
          instant('createdAt'),
          instant('deactivatedAt', true),
        ],
        indices: [{ columnNames: ['email'], isUnique: true }, { columnNames: ['inviteTokenHash'] }],
        foreignKeys: [
          {
            columnNames: ['clientId'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_failures',
        columns: [id(), text('email', 254), instant('at')],
        indices: [{ columnNames: ['email', 'at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activities',
        columns: [
          id(),
          text('name', 120),
          text('kind', 20),
          int('defaultRateCents'),
          bool('billable', true),
          instant('createdAt'),
          instant('archivedAt', true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['activities', 'login_failures', 'users', 'clients', 'practice']) {
      await q.dropTable(table);
    }
  }
}
