import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work's figures stored by local day (src/interventions/work-days.ts): `work_days`, what the
 * working-time rules read of each consultant's day and its stretches of work, and
 * `work_groups`, the day's minutes by client and activity. Filled by the next migration, which
 * gives `work_days` its final columns.
 */
export class WorkFigures1766000000000 implements MigrationInterface {
  name = 'WorkFigures1766000000000';

  async up(q: QueryRunner): Promise<void> {
    const fraction = q.connection.options.type === 'postgres' ? 'double precision' : 'real';
    await q.query(`CREATE TABLE work_days (
      "consultantId" varchar(36) NOT NULL,
      day varchar(10) NOT NULL,
      "workedMs" integer NOT NULL,
      "afterHoursMinutes" ${fraction} NOT NULL,
      "nightMinutes" integer NOT NULL,
      "urgentStarts" integer NOT NULL,
      stretches text NOT NULL,
      PRIMARY KEY ("consultantId", day))`);
    await q.query(`CREATE TABLE work_groups (
      "consultantId" varchar(36) NOT NULL,
      day varchar(10) NOT NULL,
      "clientId" varchar(36) NOT NULL,
      "activityId" varchar(36) NOT NULL,
      minutes integer NOT NULL,
      "afterHoursMinutes" integer NOT NULL,
      "urgentStarts" integer NOT NULL,
      PRIMARY KEY ("consultantId", day, "clientId", "activityId"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE work_groups');
    await q.query('DROP TABLE work_days');
  }
}
