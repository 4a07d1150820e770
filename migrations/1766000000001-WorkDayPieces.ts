import { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildWorkFigures } from '../src/interventions/work-days';

/**
 * `work_days` also keeps each day as the workload report shows it, summed from its pieces
 * (src/interventions/work-days.ts, DAY_SQL), so that the report reads one row a day. The table
 * holds only figures computed from the work: it is made again and, with `work_groups`, filled
 * from the work already there.
 */
export class WorkDayPieces1766000000001 implements MigrationInterface {
  name = 'WorkDayPieces1766000000001';

  async up(q: QueryRunner): Promise<void> {
    const fraction = q.connection.options.type === 'postgres' ? 'double precision' : 'real';
    await q.query('DROP TABLE work_days');
    await q.query(`CREATE TABLE work_days (
      "consultantId" varchar(36) NOT NULL,
      day varchar(10) NOT NULL,
      "workedMs" integer NOT NULL,
      "afterHoursMinutes" ${fraction} NOT NULL,
      "nightMinutes" integer NOT NULL,
      "urgentStarts" integer NOT NULL,
      stretches text NOT NULL,
      "workedMinutes" integer,
      "pieceAfterHoursMinutes" integer,
      "urgentInterruptions" integer,
      "urgentMinutes" integer,
      clients integer,
      "firstStart" varchar(24),
      "lastEnd" varchar(24),
      "workEnd" varchar(24),
      "newWorkStart" varchar(24),
      PRIMARY KEY ("consultantId", day))`);
    await rebuildWorkFigures(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    const fraction = q.connection.options.type === 'postgres' ? 'double precision' : 'real';
    await q.query('DROP TABLE work_days');
    await q.query(`CREATE TABLE work_days (
      "consultantId" varchar(36) NOT NULL,
      day varchar(10) NOT NULL,
      "workedMs" integer NOT NULL,
      "afterHoursMinutes" ${fraction} NOT NULL,
      "nightMinutes" integer NOT NULL,
      "urgentStarts" integer NOT NULL,
      stretches text NOT NULL,
      PRIMARY KEY ("consultantId", day))`);
  }
}
