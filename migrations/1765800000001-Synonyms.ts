import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, json } from './columns';

/** The consultant's synonyms ("wifi = wi-fi = réseau sans fil"), read by searches and topics. */
export class Synonyms1765800000001 implements MigrationInterface {
  name = 'Synonyms1765800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'synonym_groups',
        columns: [id(), json('expressions'), instant('createdAt')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('synonym_groups');
  }
}
