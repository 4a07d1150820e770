import { startTestApp, TestApp } from './app';
import { bearer } from './factories';
import { logWork, paris, reportsWorld, type ReportsWorld } from './factories/reports';

interface ReportDay {
  date: string;
  restBeforeNextMinutes: number | null;
  shortRest: boolean;
  workEnd: string;
  newWorkStart: string | null;
}

/**
 * The workload report's rest after work crossing midnight, and its after-hours share on a small
 * volume, through the SQL of both databases (set TEST_DATABASE_URL for PostgreSQL).
 */
describe('workload report: rest after midnight, shares on small volumes', () => {
  let t: TestApp;
  let world: ReportsWorld;

  const work = (date: string, from: string, toDate: string, to: string) =>
    logWork(t, world.consultant, {
      contractId: world.clients[0].contractId,
      activityId: world.activities.support,
      startedAt: paris(date, from),
      endedAt: paris(toDate, to),
    });

  beforeAll(async () => {
    t = await startTestApp();
    world = await reportsWorld(t);
    // Tuesday 10 March: 23:00 to 00:30, then Wednesday 14:00 to 16:00.
    await work('2026-03-10', '23:00', '2026-03-11', '00:30');
    await work('2026-03-11', '14:00', '2026-03-11', '16:00');
    // Tuesday 17 March: 23:00 to 00:30, then Wednesday 07:00 to 15:00: the 24 h from 23:00
    // hold 6 h 30 and 8 h of rest, never 11 h in a row.
    await work('2026-03-17', '23:00', '2026-03-18', '00:30');
    await work('2026-03-18', '07:00', '2026-03-18', '15:00');
    // Tuesday 24 March: 23:00 to 00:30 and nothing else on Wednesday.
    await work('2026-03-24', '23:00', '2026-03-25', '00:30');
    // April and May: 8 h 10 in business hours, then one evening of 2 h 50: 11 h in all.
    await work('2026-04-07', '09:00', '2026-04-07', '17:10');
    await work('2026-05-05', '19:00', '2026-05-05', '21:50');
  });
  afterAll(() => t.close());

  const workload = async (from: string, to: string, language = 'fr') =>
    (
      await t
        .http()
        .get(`/api/reports/workload?from=${from}&to=${to}`)
        .set(...bearer(world.consultant))
        .set('Accept-Language', language)
        .expect(200)
    ).body as {
      days: ReportDay[];
      risk: { level: string; reasons: Record<string, unknown>[] };
      indicators: { totalWorkedMinutes: number; afterHoursShare: number };
    };

  const dayOf = (days: ReportDay[], date: string): ReportDay => days.find((d) => d.date === date)!;

  it.each([
    ['then 14:00 the next day: 13 h 30 of rest', '2026-03-10', 13 * 60 + 30, false],
    ['then 07:00 the next day: 6 h 30, short', '2026-03-17', 6 * 60 + 30, true],
    ['and no new work the next day: no rest figure', '2026-03-24', null, false],
  ])('work from 23:00 to 00:30 %s', async (_label, date, rest, shortRest) => {
    const report = await workload('2026-03-09', '2026-03-29');
    expect(dayOf(report.days, date)).toMatchObject({ restBeforeNextMinutes: rest, shortRest });
  });

  it('ends the night at its real end and starts the next day with its new work', async () => {
    const report = await workload('2026-03-09', '2026-03-15');
    expect(dayOf(report.days, '2026-03-10').workEnd).toBe(paris('2026-03-11', '00:30'));
    expect(dayOf(report.days, '2026-03-11').newWorkStart).toBe(paris('2026-03-11', '14:00'));
    expect(report.risk.reasons.filter((r) => r.code === 'daily_rest')).toEqual([]);
    const following = await workload('2026-03-23', '2026-03-29');
    expect(dayOf(following.days, '2026-03-25').newWorkStart).toBeNull();
  });

  it('names only the real short rest', async () => {
    const report = await workload('2026-03-09', '2026-03-29', 'en');
    expect(report.risk.reasons.filter((r) => r.code === 'daily_rest')).toEqual([
      {
        code: 'daily_rest',
        date: '2026-03-17',
        restMinutes: 480,
        limitMinutes: 660,
        message: 'no rest of 11 h in the 24 h from a start of work on 17 Mar 2026 (longest 8 h)',
      },
    ]);
  });

  it('does not turn red for 2 h 50 after hours out of 11 h over two months', async () => {
    const report = await workload('2026-04-01', '2026-05-31');
    expect(report.indicators.totalWorkedMinutes).toBe(11 * 60);
    expect(report.indicators.afterHoursShare).toBeCloseTo(170 / 660, 6);
    expect(report.risk).toEqual({
      level: 'green',
      reasons: [{ code: 'within_limits', message: 'dans toutes les limites' }],
    });
  });
});
