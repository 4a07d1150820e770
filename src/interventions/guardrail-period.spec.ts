import fc from 'fast-check';
import { dayBounds } from '../calendar';
import {
  DEFAULT_LIMITS,
  type GuardrailLimits,
  URGENT_LEVELS,
  type Urgency,
} from '../common/domain';
import { PeriodGuardrails } from './guardrail-period';
import {
  guardrailReading,
  judgeGuardrails,
  ledgerOf,
  periodScope,
  type Warning,
  type WorkedInterval,
} from './guardrails';

const MINUTE = 60_000;
const URGENCIES: Urgency[] = ['low', 'normal', 'high', 'critical'];

/** Limits low enough that a few hours of work break every one of them now and then. */
const TIGHT: GuardrailLimits = {
  ...DEFAULT_LIMITS,
  maxWeeklyMinutes: 20 * 60,
  alertWeeklyMinutes: 12 * 60,
  maxAverageWeeklyMinutes: 8 * 60,
  averageWeeks: 3,
  maxDailyMinutes: 5 * 60,
  maxConsecutiveWorkDays: 3,
  minWeeklyDaysOff: 3,
  maxNightMinutesPerWeek: 60,
  maxAfterHoursMinutesPerWeek: 90,
  maxUrgentInterruptionsPerDay: 1,
};

/** The batch answer: the whole work in memory, judged over the period's scope. */
function batch(
  work: WorkedInterval[],
  zone: string,
  limits: GuardrailLimits,
  period: { from: string; to: string },
): Warning[] {
  return judgeGuardrails(ledgerOf(work, zone), limits, periodScope(period.from, period.to));
}

function streamed(
  work: WorkedInterval[],
  zone: string,
  limits: GuardrailLimits,
  period: { from: string; to: string },
): Warning[] {
  const judge = new PeriodGuardrails({ timezone: zone, limits }, period);
  for (const w of work) {
    judge.add(
      w.start.getTime(),
      w.end.getTime(),
      URGENT_LEVELS.includes(w.urgency),
      w.afterHoursMinutes,
    );
  }
  return judge.finish();
}

/**
 * Work as the report reads it: intervals of up to 24 h touching the reading window of the
 * period, in order of start, some overlapping, some touching, some of no length.
 */
function workIn(zone: string, limits: GuardrailLimits, period: { from: string; to: string }) {
  const reading = guardrailReading(period.from, period.to, limits);
  const start = dayBounds(reading.from, zone).start.getTime() - 24 * 60 * MINUTE;
  const end = dayBounds(reading.to, zone).end.getTime();
  const spanMinutes = Math.floor((end - start) / MINUTE);
  const interval = fc.record({
    at: fc.integer({ min: 0, max: spanMinutes - 1 }),
    seconds: fc.integer({ min: 0, max: 59 }),
    minutes: fc.oneof(
      fc.integer({ min: 0, max: 600 }),
      fc.integer({ min: 0, max: 24 * 60 }),
      fc.constant(0),
    ),
    urgency: fc.constantFrom(...URGENCIES),
    afterHours: fc.integer({ min: 0, max: 300 }),
  });
  return fc.array(interval, { maxLength: 150 }).map((drawn) =>
    drawn
      .map((d): WorkedInterval => ({
        start: new Date(start + d.at * MINUTE + d.seconds * 1000),
        end: new Date(start + (d.at + d.minutes) * MINUTE + d.seconds * 1000),
        urgency: d.urgency,
        afterHoursMinutes: Math.min(d.afterHours, d.minutes),
      }))
      .filter((w) => w.end.getTime() > dayBounds(reading.from, zone).start.getTime())
      .filter((w) => w.start.getTime() < end)
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  );
}

describe('PeriodGuardrails', () => {
  it('answers what the guardrails answer over the whole work in memory', () => {
    const periods = [
      { from: '2026-03-20', to: '2026-04-05' }, // spring DST in Europe
      { from: '2026-10-19', to: '2026-11-08' }, // autumn DST in Europe and America
      { from: '2026-12-28', to: '2027-01-10' }, // ISO week 53
      { from: '2026-06-03', to: '2026-06-03' },
    ];
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const cases = fc
      .record({
        zone: fc.constantFrom(...zones),
        limits: fc.constantFrom(DEFAULT_LIMITS, TIGHT),
        period: fc.constantFrom(...periods),
      })
      .chain((c) => fc.tuple(fc.constant(c), workIn(c.zone, c.limits, c.period)));
    fc.assert(
      fc.property(cases, ([{ zone, limits, period }, work]) => {
        expect(streamed(work, zone, limits, period)).toEqual(batch(work, zone, limits, period));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a short rest, a long day and too many days in a row as the guardrails do', () => {
    const zone = 'Europe/Paris';
    const period = { from: '2026-11-23', to: '2026-11-29' };
    const at = (local: string) => new Date(Date.parse(`${local}:00+01:00`));
    const work: WorkedInterval[] = [];
    for (let day = 20; day <= 29; day++) {
      work.push({
        start: at(`2026-11-${day}T08:00`),
        end: at(`2026-11-${day}T${day === 25 ? '23' : '18'}:00`),
        urgency: 'normal',
        afterHoursMinutes: 0,
      });
    }
    const found = streamed(work, zone, DEFAULT_LIMITS, period);
    expect(found.map((w) => w.code)).toEqual(
      expect.arrayContaining(['daily_limit', 'daily_rest', 'consecutive_days']),
    );
    expect(found).toEqual(batch(work, zone, DEFAULT_LIMITS, period));
  });

  it('refuses work out of order, which would merge the wrong stretches', () => {
    const judge = new PeriodGuardrails(
      { timezone: 'Europe/Paris', limits: DEFAULT_LIMITS },
      { from: '2026-11-23', to: '2026-11-29' },
    );
    const nine = Date.parse('2026-11-24T09:00:00+01:00');
    judge.add(nine, nine + 60 * MINUTE, false, 0);
    expect(() => judge.add(nine - MINUTE, nine, false, 0)).toThrow(RangeError);
  });
});
