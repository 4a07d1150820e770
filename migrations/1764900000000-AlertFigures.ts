import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Alerts keep their figures, so the pages can word them in the reader's language. */
export class AlertFigures1764900000000 implements MigrationInterface {
  name = 'AlertFigures1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'alerts',
      new TableColumn({ name: 'figures', type: 'text', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('alerts', 'figures');
  }
}
