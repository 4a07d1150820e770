import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, longText, text } from './columns';

/**
 * Secrets the server generates for itself (the JWT signing secret when JWT_SECRET is unset),
 * kept in the database so every process on it signs and verifies with the same one.
 */
export class ServerSecrets1765200000000 implements MigrationInterface {
  name = 'ServerSecrets1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'server_secrets',
        columns: [
          { ...text('name', 50), isPrimary: true },
          longText('value'),
          instant('createdAt'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('server_secrets');
  }
}
