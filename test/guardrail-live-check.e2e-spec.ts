import { addDays, localDate } from '../src/calendar';
import { DEFAULT_LIMITS, type GuardrailLimits, URGENT_LEVELS } from '../src/common/domain';
import { GuardrailCheck } from '../src/interventions/guardrail-check.service';
import { GuardrailJudge } from '../src/interventions/guardrail-judge';
import { forEachWork } from '../src/interventions/guardrail-queries';
import { highestAverageOnly } from '../src/interventions/guardrail-warnings';
import type { Warning } from '../src/interventions/guardrails';
import { startTestApp, TestApp } from './app';
import { bearer } from './factories';
import {
  logWork,
  PARIS,
  paris,
  reportsWorld,
  TIGHT_LIMITS,
  type ReportsWorld,
} from './factories/reports';

/** Limits low enough that a few days of work break most of them, the weekly rest among them. */
const TIGHT: GuardrailLimits = { ...TIGHT_LIMITS, minWeeklyRestMinutes: 40 * 60 };

type Focus = { start: Date; end: Date };

/**
 * The warnings of a write (GuardrailCheck.around) are judged from the days stored with the work
 * (work_days): they are those of the interventions themselves streamed into the judge, around
 * any span, after work logged across midnights, a chain of work running on over two midnights
 * into the weeks whose rests are judged, and a correction a week back (set TEST_DATABASE_URL for
 * PostgreSQL).
 */
describe('the guardrails of a write, from the stored days', () => {
  let t: TestApp;
  let world: ReportsWorld;

  const log = (day: string, from: string, to: string, endDay = day, urgent = false) =>
    logWork(t, world.consultant, {
      contractId: world.clients[0].contractId,
      activityId: world.activities.support,
      startedAt: paris(day, from),
      endedAt: paris(endDay, to),
      urgency: urgent ? 'critical' : 'normal',
    });

  beforeAll(async () => {
    t = await startTestApp();
    world = await reportsWorld(t);
    for (let day = '2026-10-05'; day <= '2026-11-27'; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6 || day === '2026-11-16' || day === '2026-11-17') continue;
      await log(day, '08:00', '12:30', day, day.endsWith('3'));
      if (day.endsWith('5')) await log(day, '20:00', '01:30', addDays(day, 1));
    }
    // Work without a break from Saturday evening over two midnights into the Monday of a week
    // whose weekly rest the writes of the week after judge: that work starts on the Saturday.
    // Read as starting on the Monday, its 7 days would hold no rest of 40 h (the weekend's work
    // runs on past their end), where the week's other starts reach the rest after it.
    await log('2026-11-07', '19:00', '17:00', '2026-11-08');
    await log('2026-11-08', '17:00', '06:00', '2026-11-09');
    await log('2026-11-14', '08:00', '12:30');
    await log('2026-11-15', '08:00', '12:30');
    await log('2026-11-15', '20:00', '01:00', '2026-11-16');
  });
  afterAll(() => t.close());

  /** The warnings of the interventions themselves, streamed into the judge around `focus`. */
  async function streamed(focus: Focus, limits: GuardrailLimits): Promise<Warning[]> {
    const last = new Date(Math.max(focus.start.getTime(), focus.end.getTime() - 1));
    const judge = new GuardrailJudge(
      { timezone: PARIS, limits },
      { from: localDate(focus.start, PARIS), to: localDate(last, PARIS), around: true },
    );
    const urgent = new Set<string>(URGENT_LEVELS);
    await forEachWork(t.dataSource, world.consultantId, judge.window, (s, e, urgency, after) =>
      judge.add(Date.parse(s), Date.parse(e), urgent.has(urgency), after),
    );
    return highestAverageOnly(judge.finish());
  }

  function stored(focus: Focus, limits: GuardrailLimits): Promise<Warning[]> {
    return t.app.get(GuardrailCheck).around(world.consultantId, focus, { timezone: PARIS, limits });
  }

  const span = (day: string, from: string, to: string, endDay = day): Focus => ({
    start: new Date(paris(day, from)),
    end: new Date(paris(endDay, to)),
  });

  it('give the warnings of the interventions themselves, around any span', async () => {
    const focuses: Focus[] = [];
    for (let day = '2026-09-28'; day <= '2026-12-06'; day = addDays(day, 1)) {
      focuses.push(span(day, '10:00', '11:00'));
    }
    focuses.push(
      span('2026-11-08', '23:00', '00:30', '2026-11-09'),
      span('2026-11-15', '22:00', '02:00', '2026-11-16'),
      span('2026-11-09', '00:00', '00:00', '2026-11-16'),
    );
    let broken = 0;
    for (const limits of [TIGHT, DEFAULT_LIMITS]) {
      for (const focus of focuses) {
        const warnings = await stored(focus, limits);
        broken += warnings.length;
        expect({ focus, warnings }).toEqual({ focus, warnings: await streamed(focus, limits) });
      }
    }
    expect(broken).toBeGreaterThan(100);
  });

  it('answer a correction a week back with what the interventions break then', async () => {
    const moved = await log('2026-11-28', '09:00', '10:00');
    const res = await t
      .http()
      .patch(`/api/interventions/${moved.id}`)
      .set(...bearer(world.consultant))
      .send({ startedAt: paris('2026-11-21', '22:00'), endedAt: paris('2026-11-22', '03:00') })
      .expect(200);
    const practice = await t
      .http()
      .get('/api/practice')
      .set(...bearer(world.consultant));
    const limits = { ...DEFAULT_LIMITS, ...(practice.body.limits as GuardrailLimits) };
    const focus = span('2026-11-21', '22:00', '03:00', '2026-11-22');
    const notes = new Set(['after_hours_not_offered', 'outside_contract']);
    const answered = (res.body.warnings as { code: string }[])
      .map((w) => w.code)
      .filter((code) => !notes.has(code));
    expect(answered).toEqual((await streamed(focus, limits)).map((w) => w.code));
    // The day the work left holds none of it any more, stored or streamed.
    for (const limits2 of [TIGHT, limits]) {
      for (const focus2 of [span('2026-11-28', '09:00', '10:00'), focus]) {
        expect(await stored(focus2, limits2)).toEqual(await streamed(focus2, limits2));
      }
    }
  });
});
