import { DateTime } from 'luxon';
import { startTestApp, TestApp } from './app';
import { bearer } from './factories';
import { logWork, paris, reportsWorld, type ReportsWorld } from './factories/reports';

const london = (date: string, time: string): string =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/London' }).toUTC().toISO()!;

interface PieceRow {
  interventionId: string;
  day: string;
  minutes: number;
  afterHoursMinutes: number;
  isStartDay: boolean | number;
  pieceStart: string;
  pieceEnd: string;
}

/**
 * Changing the practice's time zone cuts the work already logged again at the new zone's
 * midnights, in the same transaction; the interventions keep the figures they were priced with.
 * On SQLite and PostgreSQL (set TEST_DATABASE_URL).
 */
describe('practice time zone change', () => {
  let t: TestApp;
  let world: ReportsWorld;
  let night: string;
  let morning: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await reportsWorld(t);
    const [emile] = world.clients;
    // 23:30 to 00:30 in Paris (22:30 to 23:30 UTC, London's time in March): across midnight.
    night = (
      await logWork(t, world.consultant, {
        contractId: emile.contractId,
        activityId: world.activities.support,
        startedAt: paris('2026-03-10', '23:30'),
        endedAt: paris('2026-03-11', '00:30'),
      })
    ).id;
    // 08:30 to 09:30 in Paris: 30 minutes before the 09:00 opening; 07:30 to 08:30 in London.
    morning = (
      await logWork(t, world.consultant, {
        contractId: emile.contractId,
        activityId: world.activities.support,
        startedAt: paris('2026-03-12', '08:30'),
        endedAt: paris('2026-03-12', '09:30'),
      })
    ).id;
  });
  afterAll(() => t.close());

  const pieces = async (): Promise<PieceRow[]> =>
    t.dataSource.query(
      `SELECT "interventionId", day, minutes, "afterHoursMinutes", "isStartDay", "pieceStart", "pieceEnd"
         FROM intervention_days ORDER BY "pieceStart"`,
    );
  const intervention = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/interventions/${id}`)
        .set(...bearer(world.consultant))
        .expect(200)
    ).body as Record<string, unknown>;
  const workload = async (from: string, to: string) =>
    (
      await t
        .http()
        .get(`/api/reports/workload?from=${from}&to=${to}`)
        .set(...bearer(world.consultant))
        .expect(200)
    ).body as { days: { date: string; workedMinutes: number; afterHoursMinutes: number }[] };

  it('cuts the night in Paris at Paris midnight first', async () => {
    expect(
      (await pieces()).map((p) => [p.interventionId, p.day, p.minutes, p.afterHoursMinutes]),
    ).toEqual([
      [night, '2026-03-10', 30, 30],
      [night, '2026-03-11', 30, 30],
      [morning, '2026-03-12', 60, 30],
    ]);
  });

  it('moves the pieces to the new zone’s days and keeps the priced figures', async () => {
    const before = await Promise.all([intervention(night), intervention(morning)]);
    // A running timer has no pieces yet: it is left as it is.
    await t
      .http()
      .post('/api/interventions/timer/start')
      .set(...bearer(world.consultant))
      .send({
        contractId: world.clients[0].contractId,
        activityId: world.activities.support,
        urgency: 'normal',
        location: 'remote',
      })
      .expect(201);
    const patched = await t
      .http()
      .patch('/api/practice')
      .set(...bearer(world.consultant))
      .send({ timezone: 'Europe/London' })
      .expect(200);
    expect(patched.body.timezone).toBe('Europe/London');

    const rows = await pieces();
    expect(rows.map((p) => [p.interventionId, p.day, p.minutes, p.afterHoursMinutes])).toEqual([
      // The whole night now falls on 10 March, London's day.
      [night, '2026-03-10', 60, 60],
      // 07:30 to 08:30 in London: all before the 09:00 opening.
      [morning, '2026-03-12', 60, 60],
    ]);
    expect(rows[0]).toMatchObject({
      pieceStart: london('2026-03-10', '22:30'),
      pieceEnd: london('2026-03-10', '23:30'),
    });
    expect(rows.every((p) => Boolean(p.isStartDay))).toBe(true);

    const report = await workload('2026-03-09', '2026-03-15');
    expect(report.days.map((d) => [d.date, d.workedMinutes])).toEqual([
      ['2026-03-10', 60],
      ['2026-03-12', 60],
    ]);
    // Stored prices and after-hours minutes stay as they were priced.
    const after = await Promise.all([intervention(night), intervention(morning)]);
    for (const [k, priced] of before.entries()) {
      expect(after[k]).toMatchObject({
        durationMinutes: priced.durationMinutes,
        afterHoursMinutes: priced.afterHoursMinutes,
        billableMinutes: priced.billableMinutes,
        amountCents: priced.amountCents,
      });
    }
    expect(after[1].afterHoursMinutes).toBe(30);
  });

  it('cuts them again on the way back', async () => {
    await t
      .http()
      .patch('/api/practice')
      .set(...bearer(world.consultant))
      .send({ timezone: 'Europe/Paris' })
      .expect(200);
    expect(
      (await pieces()).map((p) => [p.interventionId, p.day, p.minutes, p.afterHoursMinutes]),
    ).toEqual([
      [night, '2026-03-10', 30, 30],
      [night, '2026-03-11', 30, 30],
      [morning, '2026-03-12', 60, 30],
    ]);
  });
});
