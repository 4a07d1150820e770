import fc from 'fast-check';
import { DateTime } from 'luxon';
import { dayBounds } from '../calendar';
import {
  DEFAULT_LIMITS,
  type GuardrailLimits,
  URGENT_LEVELS,
  type Urgency,
} from '../common/domain';
import { type DayFigures, GuardrailJudge } from './guardrail-judge';
import { checkGuardrails, highestAverageOnly, periodWarnings } from './guardrail-warnings';
import { guardrailReading, type Warning, type WorkedInterval } from './guardrails';

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

const HALF_HOUR = 30 * 60_000;

/**
 * The work's figures the slow way, apart from the judge: each interval walked in steps of at
 * most half an hour cut at every UTC half hour (where every local hour and midnight of the zones
 * tested falls), each step on the local day and in the night (21:00-06:00) its local wall time
 * at its start says; night minutes rounded per intervention and day, after-hours minutes spread
 * in proportion; the stretches merged when they overlap or touch.
 */
function slowFigures(work: readonly WorkedInterval[], zone: string) {
  const days = new Map<string, DayFigures>();
  const dayOf = (date: string) => {
    let found = days.get(date);
    if (!found) {
      found = { workedMs: 0, afterHoursMinutes: 0, nightMinutes: 0, urgentStarts: 0 };
      days.set(date, found);
    }
    return found;
  };
  const wall = (t: number) => DateTime.fromMillis(t, { zone });
  for (const w of work) {
    const [start, end] = [w.start.getTime(), w.end.getTime()];
    if (end <= start) continue;
    if (URGENT_LEVELS.includes(w.urgency)) dayOf(wall(start).toISODate()!).urgentStarts += 1;
    const pieces = new Map<string, { ms: number; nightMs: number }>();
    for (let from = start; from < end;) {
      const to = Math.min(end, (Math.floor(from / HALF_HOUR) + 1) * HALF_HOUR);
      const local = wall(from);
      const piece = pieces.get(local.toISODate()!) ?? { ms: 0, nightMs: 0 };
      piece.ms += to - from;
      if (local.hour < 6 || local.hour >= 21) piece.nightMs += to - from;
      pieces.set(local.toISODate()!, piece);
      from = to;
    }
    for (const [date, piece] of pieces) {
      const day = dayOf(date);
      day.workedMs += piece.ms;
      day.afterHoursMinutes += (w.afterHoursMinutes * piece.ms) / (end - start);
      day.nightMinutes += Math.round(piece.nightMs / MINUTE);
    }
  }
  const stretches: [number, number][] = [];
  for (const w of [...work].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const [start, end] = [w.start.getTime(), w.end.getTime()];
    if (end <= start) continue;
    const last = stretches[stretches.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else stretches.push([start, end]);
  }
  return { days, stretches };
}

/** The judge given the slow figures, days and stretches, rather than the work. */
function fromFigures(
  work: readonly WorkedInterval[],
  zone: string,
  limits: GuardrailLimits,
  judged: { from: string; to: string; around?: boolean },
): Warning[] {
  const { days, stretches } = slowFigures(work, zone);
  const dates = [...days.keys()].sort();
  const judge = new GuardrailJudge({ timezone: zone, limits }, { ...judged, earliest: dates[0] });
  for (const date of dates) judge.addDay(date, days.get(date)!);
  for (const [start, end] of stretches) judge.addStretch(start, end);
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

const PERIODS = [
  { from: '2026-03-20', to: '2026-04-05' }, // spring DST in Europe
  { from: '2026-10-19', to: '2026-11-08' }, // autumn DST in Europe and America
  { from: '2026-12-28', to: '2027-01-10' }, // ISO week 53
  { from: '2026-06-03', to: '2026-06-03' },
];
const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];

function cases() {
  return fc
    .record({
      zone: fc.constantFrom(...ZONES),
      limits: fc.constantFrom(DEFAULT_LIMITS, TIGHT),
      period: fc.constantFrom(...PERIODS),
    })
    .chain((c) => fc.tuple(fc.constant(c), workIn(c.zone, c.limits, c.period)));
}

describe('GuardrailJudge', () => {
  it("splits the work into local days, nights and stretches as the slow walk does, DST included, over a report's period", () => {
    fc.assert(
      fc.property(cases(), ([{ zone, limits, period }, work]) => {
        expect(periodWarnings(work, zone, limits, period)).toEqual(
          fromFigures(work, zone, limits, period),
        );
      }),
      { numRuns: 120 },
    );
  });

  it('judges a saved intervention (its days, the rest before, the averages after) the same way', () => {
    fc.assert(
      fc.property(cases(), ([{ zone, limits }, work]) => {
        const focus = work.find((w) => w.end > w.start);
        if (!focus) return;
        const local = (t: number) => DateTime.fromMillis(t, { zone }).toISODate()!;
        const days = {
          from: local(focus.start.getTime()),
          to: local(focus.end.getTime() - 1),
          around: true,
        };
        expect(checkGuardrails({ timezone: zone, limits, interventions: work, focus })).toEqual(
          highestAverageOnly(fromFigures(work, zone, limits, days)),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same warnings whatever the order the work is handed over in', () => {
    fc.assert(
      fc.property(cases(), fc.integer(), ([{ zone, limits, period }, work], seed) => {
        const shuffled = [...work].sort(
          (a, b) => ((a.start.getTime() ^ seed) % 7) - ((b.start.getTime() ^ seed) % 7),
        );
        expect(periodWarnings(shuffled, zone, limits, period)).toEqual(
          periodWarnings(work, zone, limits, period),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('finds a short rest, a long day and too many days in a row', () => {
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
    const found = periodWarnings(work, zone, DEFAULT_LIMITS, period);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'daily_limit', date: '2026-11-25', workedMinutes: 900 }),
        expect.objectContaining({ code: 'daily_rest', date: '2026-11-25', restMinutes: 540 }),
        expect.objectContaining({
          code: 'consecutive_days',
          firstDate: '2026-11-20',
          lastDate: '2026-11-29',
          days: 10,
        }),
      ]),
    );
    expect(found).toEqual(fromFigures(work, zone, DEFAULT_LIMITS, period));
  });

  it('refuses work out of order, which would merge the wrong stretches', () => {
    const judge = new GuardrailJudge(
      { timezone: 'Europe/Paris', limits: DEFAULT_LIMITS },
      { from: '2026-11-23', to: '2026-11-29' },
    );
    const nine = Date.parse('2026-11-24T09:00:00+01:00');
    judge.add(nine, nine + 60 * MINUTE, false, 0);
    expect(() => judge.add(nine - MINUTE, nine, false, 0)).toThrow(RangeError);
  });
});
