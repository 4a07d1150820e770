import { dayBounds } from '../src/calendar';
import { forEachWork, workChunks, type WorkWindow } from '../src/interventions/guardrail-queries';
import { startTestApp, TestApp } from './app';
import { logWork, paris, reportsWorld, type ReportsWorld } from './factories/reports';

/**
 * The workload report's guardrails read the work of their window as a stream, in order of
 * start: page after page on PostgreSQL, one iterated statement on SQLite. Whatever the size of
 * the pages, every intervention touching the window is read once, and none outside it (set
 * TEST_DATABASE_URL for PostgreSQL).
 */
describe('the work streamed to the workload report’s guardrails', () => {
  let t: TestApp;
  let world: ReportsWorld;
  const window: WorkWindow = {
    start: dayBounds('2026-11-02', 'Europe/Paris').start,
    end: dayBounds('2026-11-08', 'Europe/Paris').end,
    earliestStart: new Date(dayBounds('2026-11-02', 'Europe/Paris').start.getTime() - 86_400_000),
  };

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
      });
    await log('2026-10-31', '09:00', '12:00', emile.contractId); // before the window
    await log('2026-11-01', '22:00', '01:00', durand.contractId, '2026-11-02'); // runs into it
    for (const day of ['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-07']) {
      await log(day, '08:00', '10:00', emile.contractId);
      await log(day, '10:00', '12:30', durand.contractId);
    }
    await log('2026-11-09', '09:00', '11:00', emile.contractId); // after it
  });
  afterAll(() => t.close());

  async function paged(size: number): Promise<string[]> {
    const starts: string[] = [];
    for await (const rows of workChunks(t.dataSource, world.consultantId, window, size)) {
      starts.push(...rows.map((row) => row.startedAt));
    }
    return starts;
  }

  it('reads every intervention touching the window once, in order of start, whatever the page size', async () => {
    const expected = [
      paris('2026-11-01', '22:00'),
      ...['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-07'].flatMap((day) => [
        paris(day, '08:00'),
        paris(day, '10:00'),
      ]),
    ].map((instant) => new Date(instant).toISOString());
    expect(await paged(1000)).toEqual(expected);
    expect(await paged(2)).toEqual(expected);
    expect(await paged(3)).toEqual(expected);
    const visited: string[] = [];
    await forEachWork(t.dataSource, world.consultantId, window, (startedAt) =>
      visited.push(startedAt),
    );
    expect(visited).toEqual(expected);
  });
});
