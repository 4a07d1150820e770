import { startTestApp, TestApp } from './app';
import { bearer } from './factories';
import { logWork, paris, reportsWorld, type ReportsWorld } from './factories/reports';

/**
 * The workload report's SQL groups the interventions' local-day pieces: every minute must land
 * on its true Paris day across midnight and both DST changes of 2026, on SQLite and PostgreSQL
 * alike (set TEST_DATABASE_URL for the latter).
 */
describe('workload SQL aggregation by local day', () => {
  let t: TestApp;
  let world: ReportsWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await reportsWorld(t);
    const [emile, durand] = world.clients;
    const support = world.activities.support;
    // Spring forward: 02:00-03:00 does not exist on Sunday 29 March 2026.
    await logWork(t, world.consultant, {
      contractId: emile.contractId,
      activityId: support,
      startedAt: paris('2026-03-28', '23:30'),
      endedAt: paris('2026-03-29', '03:30'),
      urgency: 'critical',
    });
    // Fall back: 02:00-03:00 happens twice on Sunday 25 October 2026.
    await logWork(t, world.consultant, {
      contractId: durand.contractId,
      activityId: support,
      startedAt: paris('2026-10-24', '23:00'),
      endedAt: paris('2026-10-25', '04:00'),
    });
    // An ordinary midnight, in June, then a morning on the next day for another client.
    await logWork(t, world.consultant, {
      contractId: emile.contractId,
      activityId: world.activities.training,
      startedAt: paris('2026-06-10', '22:00'),
      endedAt: paris('2026-06-11', '01:00'),
      urgency: 'high',
    });
    await logWork(t, world.consultant, {
      contractId: durand.contractId,
      activityId: support,
      startedAt: paris('2026-06-11', '09:00'),
      endedAt: paris('2026-06-11', '10:30'),
    });
  });
  afterAll(() => t.close());

  const workload = (from: string, to: string) =>
    t
      .http()
      .get(`/api/reports/workload?from=${from}&to=${to}`)
      .set(...bearer(world.consultant))
      .expect(200);

  it('puts 30 min on 28 March and 150 min on 29 March across the spring-forward night', async () => {
    const res = await workload('2026-03-28', '2026-03-29');
    expect(res.body.days).toEqual([
      expect.objectContaining({
        date: '2026-03-28',
        workedMinutes: 30,
        afterHoursMinutes: 30,
        urgentInterruptions: 1,
        clients: 1,
        firstStart: '2026-03-28T22:30:00.000Z',
        lastEnd: '2026-03-28T23:00:00.000Z',
      }),
      // 00:00 to 03:30 on the clock, but only 2 h 30 of real time: 02:00-03:00 is skipped.
      expect.objectContaining({
        date: '2026-03-29',
        workedMinutes: 150,
        afterHoursMinutes: 150,
        urgentInterruptions: 0,
        firstStart: '2026-03-28T23:00:00.000Z',
        lastEnd: '2026-03-29T01:30:00.000Z',
      }),
    ]);
    expect(res.body.indicators.totalWorkedMinutes).toBe(180);
    expect(res.body.weeks).toEqual([
      expect.objectContaining({ week: '2026-W13', workedMinutes: 180, daysInRange: 2 }),
    ]);
  });

  it('puts 60 min on 24 October and 300 min on 25 October across the fall-back night', async () => {
    const res = await workload('2026-10-24', '2026-10-25');
    expect(
      res.body.days.map((d: { date: string; workedMinutes: number }) => [d.date, d.workedMinutes]),
    ).toEqual([
      ['2026-10-24', 60],
      ['2026-10-25', 300],
    ]);
    expect(res.body.days[1]).toMatchObject({
      firstStart: '2026-10-24T22:00:00.000Z',
      lastEnd: '2026-10-25T03:00:00.000Z',
    });
  });

  it('cuts an ordinary night at midnight, counts clients per day and the rest in between', async () => {
    const res = await workload('2026-06-10', '2026-06-11');
    const [tenth, eleventh] = res.body.days;
    expect(tenth).toMatchObject({
      date: '2026-06-10',
      workedMinutes: 120,
      urgentInterruptions: 1,
      clients: 1,
    });
    expect(eleventh).toMatchObject({
      date: '2026-06-11',
      workedMinutes: 150,
      urgentInterruptions: 0,
      clients: 2,
    });
    expect(eleventh.lastEnd).toBe('2026-06-11T08:30:00.000Z');
    // The tenth's work really ends at 01:00 on the eleventh; the eleventh's 00:00 piece only
    // continues it, and new work starts at 09:00: 8 h of rest, not 0.
    expect(tenth.workEnd).toBe('2026-06-10T23:00:00.000Z');
    expect(eleventh.newWorkStart).toBe('2026-06-11T07:00:00.000Z');
    expect(tenth.restBeforeNextMinutes).toBe(8 * 60);
    expect(res.body.breakdown.activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ activity: 'training', workedMinutes: 180 }),
        expect.objectContaining({ activity: 'support', workedMinutes: 90 }),
      ]),
    );
    expect(res.body.breakdown.clients).toEqual([
      expect.objectContaining({ clientName: 'Boulangerie Émile', workedMinutes: 180 }),
      expect.objectContaining({ clientName: 'Cabinet Durand', workedMinutes: 90 }),
    ]);
  });

  it('leaves out the minutes of a piece outside the period, even of an intervention inside it', async () => {
    const res = await workload('2026-03-29', '2026-03-29');
    expect(res.body.indicators.totalWorkedMinutes).toBe(150);
    // The interruption happened on the 28th, when the urgent intervention started.
    expect(res.body.indicators.urgentInterruptions).toBe(0);
    const year = await workload('2026-01-01', '2026-12-31');
    expect(year.body.indicators.totalWorkedMinutes).toBe(180 + 360 + 270);
    expect(year.body.pressureClients).toEqual([
      expect.objectContaining({ clientName: 'Boulangerie Émile', urgentInterventions: 2 }),
      expect.objectContaining({ clientName: 'Cabinet Durand', urgentInterventions: 0 }),
    ]);
  });
});
