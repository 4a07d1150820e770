import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A retainer's fee is billed after its month (à terme échu, 'arrears') or before it (à échoir,
 * 'advance'), a setting of each contract's billing terms (a JSON text column). Every contract
 * stored so far billed in arrears, and now says so.
 */
export class FeeTiming1765500000000 implements MigrationInterface {
  name = 'FeeTiming1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await this.setTiming(q, (billing) => ({ ...billing, feeTiming: 'arrears' }));
  }

  async down(q: QueryRunner): Promise<void> {
    await this.setTiming(q, (billing) => {
      const { feeTiming: _dropped, ...rest } = billing;
      return rest;
    });
  }

  private async setTiming(
    q: QueryRunner,
    change: (billing: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const rows = (await q.query('SELECT id, billing FROM contracts')) as {
      id: string;
      billing: string;
    }[];
    for (const row of rows) {
      const billing = change(JSON.parse(row.billing) as Record<string, unknown>);
      await q.query(
        `UPDATE contracts SET billing = ${pg ? '$1' : '?'} WHERE id = ${pg ? '$2' : '?'}`,
        [JSON.stringify(billing), row.id],
      );
    }
  }
}
