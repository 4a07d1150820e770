import { URGENT_LEVELS } from '../src/common/domain';
import { GuardrailCheck } from '../src/interventions/guardrail-check.service';
import { GuardrailJudge } from '../src/interventions/guardrail-judge';
import { forEachWork } from '../src/interventions/guardrail-queries';
import { DAY_SQL, storedWorkDays } from '../src/interventions/work-days';
import { workloadDays } from '../src/reports/workload-queries';
import { startTestApp, TestApp } from './app';
import { bearer } from './factories';
import { logWork, paris, reportsWorld, TIGHT_LIMITS, type ReportsWorld } from './factories/reports';

/**
 * The workload report reads the figures stored by day when the work was written (work_days,
 * work_groups) rather than the interventions: after work is logged, corrected across midnight,
 * deleted, and the practice's zone changed, they give what the interventions themselves give
 * (set TEST_DATABASE_URL for PostgreSQL).
 */
describe('the work’s figures stored by day', () => {
  let t: TestApp;
  let world: ReportsWorld;
  const period = { from: '2026-11-02', to: '2026-11-15' };

  beforeAll(async () => {
    t = await startTestApp();
    world = await reportsWorld(t);
    const [emile, durand] = world.clients;
    const log = (day: string, from: string, to: string, contractId: string, endDay = day) =>
      logWork(t, world.consultant, {
        contractId,
        activityId: world.activities.support,
        startedAt: paris(day, from),
        endedAt: paris(endDay, to),
        urgency: day.endsWith('3') ? 'critical' : 'normal',
      });
    await log('2026-11-01', '22:00', '01:00', durand.contractId, '2026-11-02');
    for (const day of ['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-13']) {
      await log(day, '07:00', '10:00', emile.contractId);
      await log(day, '10:00', '12:30', durand.contractId);
    }
    const late = await log('2026-11-04', '20:00', '23:00', emile.contractId);
    const gone = await log('2026-11-10', '09:00', '11:00', emile.contractId);
    // Corrected to run past midnight, then another deleted: both days' figures follow.
    await t
      .http()
      .patch(`/api/interventions/${late.id}`)
      .set(...bearer(world.consultant))
      .send({ startedAt: paris('2026-11-04', '21:00'), endedAt: paris('2026-11-05', '02:30') })
      .expect(200);
    await t
      .http()
      .delete(`/api/interventions/${gone.id}`)
      .set(...bearer(world.consultant))
      .expect(204);
  });
  afterAll(() => t.close());

  /** The warnings of the interventions themselves, streamed into the judge. */
  async function streamed(timezone: string): Promise<unknown[]> {
    const judge = new GuardrailJudge({ timezone, limits: TIGHT_LIMITS }, period);
    const urgent = new Set<string>(URGENT_LEVELS);
    await forEachWork(t.dataSource, world.consultantId, judge.window, (s, e, urgency, after) =>
      judge.add(Date.parse(s), Date.parse(e), urgent.has(urgency), after),
    );
    return judge.finish();
  }

  async function stored(timezone: string): Promise<unknown[]> {
    return t.app
      .get(GuardrailCheck)
      .over(world.consultantId, period, { timezone, limits: TIGHT_LIMITS });
  }

  it('judge the limits as the interventions themselves do', async () => {
    const warnings = await stored('Europe/Paris');
    expect(warnings.length).toBeGreaterThan(5);
    expect(warnings).toEqual(await streamed('Europe/Paris'));
  });

  it('sum the pieces by day, client and activity', async () => {
    const sums = (table: string, urgent: string) =>
      t.dataSource.query(
        `SELECT day, "clientId", SUM(minutes) AS minutes, SUM(${urgent}) AS urgent FROM ${table}
          GROUP BY day, "clientId" ORDER BY day, "clientId"`,
      );
    const fromPieces = await sums(
      'intervention_days',
      `CASE WHEN "isStartDay" = true AND urgency = 'critical' THEN 1 ELSE 0 END`,
    );
    expect(fromPieces.length).toBeGreaterThan(8);
    expect(await sums('work_groups', '"urgentStarts"')).toEqual(fromPieces);
  });

  it('keep each day as its pieces sum it (DAY_SQL), the corrected night included', async () => {
    const [sql, values] = t.dataSource.driver.escapeQueryWithParameters(DAY_SQL, {
      consultantId: world.consultantId,
      ...period,
      urgent: URGENT_LEVELS,
    });
    const fromPieces = (await t.dataSource.query<Record<string, unknown>[]>(sql, values)).map(
      (row) => ({
        date: row.day,
        workedMinutes: Number(row.workedMinutes),
        afterHoursMinutes: Number(row.afterHoursMinutes),
        urgentInterruptions: Number(row.urgentInterruptions),
        urgentMinutes: Number(row.urgentMinutes),
        clients: Number(row.clients),
        firstStart: row.firstStart,
        lastEnd: row.lastEnd,
        workEnd: row.workEnd ?? row.lastEnd,
        newWorkStart: row.newWorkStart ?? null,
      }),
    );
    const stored = await storedWorkDays(
      t.dataSource,
      world.consultantId,
      '2026-10-01',
      '2026-12-31',
    );
    const days = workloadDays(stored, period);
    expect(days.find((d) => d.date === '2026-11-04')?.workEnd).toBe(
      new Date(paris('2026-11-05', '02:30')).toISOString(),
    );
    expect(days).toEqual(fromPieces.map(({ urgentMinutes: _urgentMinutes, ...day }) => day));
    const inPeriod = stored.filter((d) => d.day >= period.from && d.day <= period.to);
    expect(inPeriod.map((d) => d.pieces?.urgentMinutes)).toEqual(
      fromPieces.map((d) => d.urgentMinutes),
    );
  });

  it('are cut again at the new midnights when the practice changes its zone', async () => {
    await t
      .http()
      .patch('/api/practice')
      .set(...bearer(world.consultant))
      .send({ timezone: 'America/New_York' })
      .expect(200);
    const warnings = await stored('America/New_York');
    expect(warnings).toEqual(await streamed('America/New_York'));
    expect(warnings).not.toEqual(await streamed('Europe/Paris'));
  });
});
