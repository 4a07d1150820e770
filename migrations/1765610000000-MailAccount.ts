import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a person's mail needs: users.mailPreferences (the notifications they turned off; null:
 * all on), the one-time password reset token (its SHA-256 and expiry, like the invitation's),
 * and practice.digestTime, the local hour of the consultant's digest (null: the opening of
 * business hours). Plain ALTER TABLE, so that SQLite rebuilds no table.
 */
export class MailAccount1765610000000 implements MigrationInterface {
  name = 'MailAccount1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN "mailPreferences" text');
    await q.query('ALTER TABLE users ADD COLUMN "resetTokenHash" varchar(64)');
    await q.query('ALTER TABLE users ADD COLUMN "resetExpiresAt" varchar(24)');
    await q.query('ALTER TABLE practice ADD COLUMN "digestTime" varchar(5)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE practice DROP COLUMN "digestTime"');
    await q.query('ALTER TABLE users DROP COLUMN "resetExpiresAt"');
    await q.query('ALTER TABLE users DROP COLUMN "resetTokenHash"');
    await q.query('ALTER TABLE users DROP COLUMN "mailPreferences"');
  }
}
