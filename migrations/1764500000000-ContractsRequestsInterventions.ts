import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, day, id, instant, int, json, longText, ref, text } from './columns';

const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
});

export class ContractsRequestsInterventions1764500000000 implements MigrationInterface {
  name = 'ContractsRequestsInterventions1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'contracts',
        columns: [
          id(),
          ref('clientId'),
          text('reference', 60),
          text('title', 200),
          day('startDate'),
          day('endDate', true),
          json('billing'),
          json('urgencyPolicy'),
          int('paymentTermsDays', true),
          instant('createdAt'),
          instant('archivedAt', true),
        ],
        indices: [{ columnNames: ['clientId'] }, { columnNames: ['reference'], isUnique: true }],
        foreignKeys: [fk('clientId', 'clients')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'requests',
        columns: [
          id(),
          ref('contractId'),
          ref('clientId'),
          ref('createdById'),
          text('title', 200),
          longText('description'),
          text('urgencyRequested', 10),
          text('urgencyApplied', 10),
          text('policyOutcome', 12),
          longText('reason', true),
          text('status', 12),
          instant('createdAt'),
          instant('responseDueAt'),
          instant('respondedAt', true),
          instant('resolvedAt', true),
          instant('closedAt', true),
          bool('falseUrgency', false),
          text('reclassifiedFrom', 10, true),
          longText('reclassificationReason', true),
        ],
        indices: [
          { columnNames: ['contractId', 'createdAt'] },
          { columnNames: ['clientId', 'status'] },
        ],
        foreignKeys: [
          fk('contractId', 'contracts'),
          fk('clientId', 'clients'),
          fk('createdById', 'users'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quota_units',
        columns: [
          id(),
          ref('contractId'),
          text('month', 7),
          text('level', 10),
          ref('requestId', true),
          ref('interventionId', true),
          bool('overage', false),
          int('feeCents', false, 0),
          bool('released', false),
          ref('invoiceId', true),
          instant('createdAt'),
        ],
        indices: [{ columnNames: ['contractId', 'month', 'level'] }],
        foreignKeys: [fk('contractId', 'contracts'), fk('requestId', 'requests')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'interventions',
        columns: [
          id(),
          ref('consultantId'),
          ref('contractId'),
          ref('clientId'),
          ref('requestId', true),
          ref('activityId'),
          instant('startedAt'),
          instant('endedAt', true),
          text('urgency', 10),
          text('location', 10),
          longText('description'),
          bool('billable', true),
          ...[
            'durationMinutes',
            'afterHoursMinutes',
            'billableMinutes',
            'afterHoursBillableMinutes',
            'hourlyRateCents',
            'baseAmountCents',
            'urgencySurchargePercent',
            'urgencySurchargeCents',
            'afterHoursSurchargePercent',
            'afterHoursSurchargeCents',
            'amountCents',
          ].map((n) => int(n, false, 0)),
          ref('invoiceId', true),
          { ...text('source', 20), default: "'manual'" },
          bool('autoStopped', false),
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [
          { columnNames: ['consultantId', 'startedAt'] },
          { columnNames: ['contractId', 'startedAt'] },
          { columnNames: ['clientId', 'startedAt'] },
          { columnNames: ['requestId'] },
          { columnNames: ['invoiceId'] },
        ],
        foreignKeys: [
          fk('consultantId', 'users'),
          fk('contractId', 'contracts'),
          fk('clientId', 'clients'),
          fk('requestId', 'requests'),
          fk('activityId', 'activities'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'intervention_days',
        columns: [
          { ...ref('interventionId'), isPrimary: true },
          { ...day('day'), isPrimary: true },
          ref('consultantId'),
          ref('clientId'),
          ref('contractId'),
          ref('activityId'),
          int('minutes'),
          int('afterHoursMinutes'),
          text('urgency', 10),
          { name: 'isStartDay', type: 'boolean' },
          instant('pieceStart'),
          instant('pieceEnd'),
        ],
        indices: [{ columnNames: ['consultantId', 'day'] }, { columnNames: ['clientId', 'day'] }],
        foreignKeys: [{ ...fk('interventionId', 'interventions'), onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'intervention_days',
      'interventions',
      'quota_units',
      'requests',
      'contracts',
    ]) {
      await q.dropTable(table);
    }
  }
}
