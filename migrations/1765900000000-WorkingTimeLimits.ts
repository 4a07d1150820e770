import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The practice's limits (a JSON text column) cover the whole of working-time law: weekly rest,
 * the average week over a run of weeks, night work and days worked in a row. A practice stored
 * before them takes their defaults; values it already holds are kept.
 */
const NEW_LIMITS = {
  minWeeklyRestMinutes: 35 * 60,
  maxAverageWeeklyMinutes: 44 * 60,
  averageWeeks: 12,
  maxNightMinutesPerWeek: 6 * 60,
  maxConsecutiveWorkDays: 6,
};

export class WorkingTimeLimits1765900000000 implements MigrationInterface {
  name = 'WorkingTimeLimits1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await this.change(q, (limits) => ({ ...NEW_LIMITS, ...limits }));
  }

  async down(q: QueryRunner): Promise<void> {
    await this.change(q, (limits) =>
      Object.fromEntries(Object.entries(limits).filter(([key]) => !(key in NEW_LIMITS))),
    );
  }

  private async change(
    q: QueryRunner,
    change: (limits: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const rows = (await q.query('SELECT id, limits FROM practice')) as {
      id: string;
      limits: string;
    }[];
    for (const row of rows) {
      const limits = change(JSON.parse(row.limits) as Record<string, unknown>);
      await q.query(
        `UPDATE practice SET limits = ${pg ? '$1' : '?'} WHERE id = ${pg ? '$2' : '?'}`,
        [JSON.stringify(limits), row.id],
      );
    }
  }
}
