import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users.tokenVersion, carried in every access token: signing out, a new password and a
 * deactivation move it on, and the tokens of the earlier version stop working in every server
 * process at once. Plain ALTER TABLE, so that SQLite does not rebuild the users table.
 */
export class TokenVersions1765300000000 implements MigrationInterface {
  name = 'TokenVersions1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN "tokenVersion" integer NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN "tokenVersion"');
  }
}
