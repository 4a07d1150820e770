import { DEFAULT_LIMITS } from '../common/domain';
import type { WorkedInterval } from './guardrails';
import { importWarnings, workWindow } from './import-warnings';

const PARIS = 'Europe/Paris';

/** Work in Paris on a day, from one local time to another (summer time: UTC+2). */
function work(day: string, from: string, to: string): WorkedInterval {
  return {
    start: new Date(`${day}T${from}:00+02:00`),
    end: new Date(`${day}T${to}:00+02:00`),
    urgency: 'normal',
    afterHoursMinutes: 0,
  };
}

const run = (recorded: WorkedInterval[], imported: WorkedInterval[]) =>
  importWarnings({ timezone: PARIS, limits: DEFAULT_LIMITS, recorded, imported });

/** Each working day of the ISO weeks from `monday`, 09:00–17:00, `weeks` weeks long. */
function weekdays(monday: string, weeks: number): WorkedInterval[] {
  const days: WorkedInterval[] = [];
  for (let n = 0; n < weeks * 7; n++) {
    const day = new Date(Date.parse(`${monday}T12:00:00Z`) + n * 86_400_000)
      .toISOString()
      .slice(0, 10);
    days.push(work(day, '09:00', '17:00'));
  }
  return days;
}

describe('importWarnings', () => {
  it('counts the work already recorded with the rows imported', async () => {
    const warnings = await run(
      [work('2026-06-02', '07:00', '12:00')],
      [work('2026-06-02', '13:00', '19:30')],
    );
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'daily_limit', date: '2026-06-02', workedMinutes: 690 }),
    ]);
  });

  it('says nothing of a week the import does not touch, however its recorded work stands', async () => {
    const warnings = await run(
      [work('2026-06-02', '06:00', '19:00')],
      [work('2026-06-10', '09:00', '10:00')],
    );
    expect(warnings).toEqual([]);
  });

  it('says the rest broken on the Monday after an imported Sunday', async () => {
    const warnings = await run(
      [work('2026-06-08', '05:00', '09:00')],
      [work('2026-06-07', '14:00', '23:30')],
    );
    expect(warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'daily_rest' })]),
    );
  });

  it('says a run of days in a row longer than a half-year once, over all its days', async () => {
    const warnings = await run([], weekdays('2026-01-05', 40));
    const streaks = warnings.filter((w) => w.code === 'consecutive_days');
    expect(streaks).toEqual([
      expect.objectContaining({ firstDate: '2026-01-05', lastDate: '2026-10-11', days: 280 }),
    ]);
    // Seven days a week every week: no day off in any of the forty weeks.
    expect(warnings.filter((w) => w.code === 'weekly_days_off')).toHaveLength(40);
  });

  it('reads the weeks of the average before the import, and a week of rest after it', () => {
    const window = workWindow([work('2026-06-10', '09:00', '10:00')], DEFAULT_LIMITS);
    expect(window).not.toBeNull();
    const days = (ms: number) => Math.round(ms / 86_400_000);
    const first = new Date('2026-06-10T07:00:00Z').getTime();
    expect(days(first - window!.first)).toBeGreaterThanOrEqual(7 * DEFAULT_LIMITS.averageWeeks);
    expect(days(window!.last - first)).toBeGreaterThanOrEqual(14);
    expect(workWindow([], DEFAULT_LIMITS)).toBeNull();
  });
});
