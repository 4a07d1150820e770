import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, int, json, ref, text } from './columns';

const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
});

/**
 * Training sessions given to a client on a recurring topic: the work is an intervention of the
 * training activity (billed like any other); the session keeps its topic and its attendees, so
 * the topic's requests before and after can be measured.
 */
export class Trainings1765800000000 implements MigrationInterface {
  name = 'Trainings1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'trainings',
        columns: [
          id(),
          ref('clientId'),
          ref('contractId'),
          ref('interventionId', true),
          text('topicKey', 200),
          text('topic', 200),
          json('terms'),
          json('attendeeIds'),
          instant('startedAt'),
          int('durationMinutes'),
          ref('createdById'),
          instant('createdAt'),
        ],
        indices: [{ columnNames: ['clientId', 'startedAt'] }],
        foreignKeys: [
          fk('clientId', 'clients'),
          fk('contractId', 'contracts'),
          // The work may be deleted (before it is invoiced): the session stays, without it.
          { ...fk('interventionId', 'interventions'), onDelete: 'SET NULL' },
          fk('createdById', 'users'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('trainings');
  }
}
