import { DateTime } from 'luxon';
import { DEFAULT_LIMITS, type GuardrailLimits, type Urgency } from '../common/domain';
import { outcomeText } from '../common/outcome-text';
import { formatMinutes, type Warning, type WorkedInterval } from './guardrails';
import { checkGuardrails } from './guardrail-warnings';

const zone = 'Europe/Paris';

/** Local wall-clock time in the practice zone: '2026-11-26 09:00'. */
function at(local: string): Date {
  const instant = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!instant.isValid) throw new Error(`bad test time ${local}`);
  return instant.toJSDate();
}

interface Extra {
  urgency?: Urgency;
  afterHoursMinutes?: number;
}

/** Work from `from` to `to` on `day`; a `to` at or before `from` ends on the next day. */
function work(day: string, from: string, to: string, extra: Extra = {}): WorkedInterval {
  const start = at(`${day} ${from}`);
  const sameDayEnd = at(`${day} ${to}`);
  const end = sameDayEnd > start ? sameDayEnd : at(`${nextDay(day)} ${to}`);
  return {
    start,
    end,
    urgency: extra.urgency ?? 'normal',
    afterHoursMinutes: extra.afterHoursMinutes ?? 0,
  };
}

function nextDay(day: string): string {
  return DateTime.fromISO(day).plus({ days: 1 }).toISODate()!;
}

/** The same hours on each of the given days. */
function daily(days: string[], from: string, to: string): WorkedInterval[] {
  return days.map((day) => work(day, from, to));
}

// ISO week 2026-W48 runs from Monday 23 to Sunday 29 November 2026.
const weekdays = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

function check(
  interventions: WorkedInterval[],
  focus: WorkedInterval,
  limits: Partial<GuardrailLimits> = {},
) {
  return checkGuardrails({
    timezone: zone,
    limits: { ...DEFAULT_LIMITS, ...limits },
    interventions: interventions.includes(focus) ? interventions : [...interventions, focus],
    focus: { start: focus.start, end: focus.end },
  });
}

/** What a warning measured against its limit: minutes, days off or interruptions. */
function measured(w: Warning): number {
  switch (w.code) {
    case 'weekly_limit':
    case 'weekly_alert':
    case 'daily_limit':
      return w.workedMinutes;
    case 'average_weekly_limit':
      return w.averageMinutes;
    case 'daily_rest':
    case 'weekly_rest':
      return w.restMinutes;
    case 'consecutive_days':
      return w.days;
    case 'night_limit':
      return w.nightMinutes;
    case 'after_hours_limit':
      return w.afterHoursMinutes;
    case 'weekly_days_off':
      return w.daysOff;
    case 'urgent_interruptions':
      return w.interruptions;
  }
}

const dateOf = (w: Warning) => ('date' in w ? w.date : 'lastDate' in w ? w.lastDate : undefined);
const weekOf = (w: Warning) => ('week' in w ? w.week : undefined);
/** The warning as an English reader reads it. */
const words = (w: Warning) => outcomeText('en', w);

describe('formatMinutes', () => {
  it.each([
    [2970, '49 h 30'],
    [2880, '48 h'],
    [45, '0 h 45'],
    [0, '0 h'],
    [605, '10 h 05'],
    [539.6, '9 h'],
  ])('%p → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('checkGuardrails', () => {
  it('says nothing for an ordinary week under every limit', () => {
    const week = daily(weekdays, '09:00', '17:00');
    expect(check(week, week[3])).toEqual([]);
  });

  it('gives weekly_limit, and not weekly_alert, for 49 h 30 in an ISO week', () => {
    const week = daily(weekdays, '08:00', '17:54'); // 5 × 9 h 54 = 49 h 30
    const found = check(week, week[4]);
    expect(found).toEqual([
      { code: 'weekly_limit', week: '2026-W48', workedMinutes: 2970, limitMinutes: 2880 },
    ]);
    expect(found.map(words)).toEqual(['49 h 30 in week 2026-W48, limit 48 h']);
  });

  it.each([
    {
      case: '41 h',
      to: '17:12',
      warnings: [['weekly_alert', 2460, '41 h in week 2026-W48, alert at 40 h']],
    },
    { case: 'exactly 40 h', to: '17:00', warnings: [] },
    {
      case: 'exactly 48 h',
      to: '18:36',
      warnings: [['weekly_alert', 2880, '48 h in week 2026-W48, alert at 40 h']],
    },
  ])('weekly alert at $case', ({ to, warnings }) => {
    const week = daily(weekdays, '09:00', to);
    const found = check(week, week[0]).map((w) => [w.code, measured(w), words(w)]);
    expect(found).toEqual(warnings);
  });

  it.each([
    {
      case: '11 h in one day',
      to: '19:00',
      found: [['daily_limit', 660, '11 h on 26 Nov 2026, limit 10 h']],
    },
    { case: 'exactly 10 h', to: '18:00', found: [] },
    {
      case: '10 h 01',
      to: '18:01',
      found: [['daily_limit', 601, '10 h 01 on 26 Nov 2026, limit 10 h']],
    },
  ])('daily limit: $case', ({ to, found }) => {
    const day = [work('2026-11-26', '07:00', '12:00'), work('2026-11-26', '13:00', to)];
    expect(check(day, day[1]).map((w) => [w.code, measured(w), words(w)])).toEqual(found);
  });

  it('splits work crossing midnight between the two days', () => {
    // 20:00–04:00 gives 4 h to each day: 8 h + 4 h on the 25th, 4 h + 6 h on the 26th.
    const night = work('2026-11-25', '20:00', '04:00');
    const days = [
      work('2026-11-25', '08:00', '16:00'),
      night,
      work('2026-11-26', '14:00', '20:00'),
    ];
    const found = check(days, night, { minDailyRestMinutes: 0, maxNightMinutesPerWeek: 24 * 60 });
    expect(found.map((w) => [w.code, dateOf(w), measured(w)])).toEqual([
      ['daily_limit', '2026-11-25', 720],
    ]);
  });

  it.each([
    {
      case: '22:00 end then 07:00 start the next day',
      earlier: ['22:00'],
      laterStart: '07:00',
      found: [
        [
          'daily_rest',
          '2026-11-25',
          540,
          'no rest of 11 h in the 24 h from a start of work on 25 Nov 2026 (longest 9 h)',
        ],
      ],
    },
    { case: 'exactly 11 h of rest', earlier: ['20:00'], laterStart: '07:00', found: [] },
    {
      case: 'work ended after midnight (01:30) then 09:00',
      earlier: ['01:30'],
      laterStart: '09:00',
      found: [
        [
          'daily_rest',
          '2026-11-25',
          450,
          'no rest of 11 h in the 24 h from a start of work on 25 Nov 2026 (longest 7 h 30)',
        ],
      ],
    },
  ])('daily rest: $case', ({ earlier, laterStart, found }) => {
    const evening = work('2026-11-25', '18:00', earlier[0]);
    const morning = work('2026-11-26', laterStart, '12:00');
    expect(
      check([evening, morning], morning).map((w) => [w.code, dateOf(w), measured(w), words(w)]),
    ).toEqual(found);
  });

  it('checks the rest after the focus too', () => {
    const evening = work('2026-11-25', '18:00', '23:00');
    const nextMorning = work('2026-11-26', '06:00', '10:00');
    expect(check([evening, nextMorning], evening).map((w) => [w.code, dateOf(w)])).toEqual([
      ['daily_rest', '2026-11-25'],
    ]);
  });

  it('finds the rest of a free day in between', () => {
    const lateNight = work('2026-11-24', '20:00', '23:30');
    const earlyMorning = work('2026-11-26', '06:00', '10:00'); // a free day in between
    expect(check([lateNight, earlyMorning], earlyMorning)).toEqual([]);
  });

  it.each([
    {
      case: 'a fourth urgent interruption with limit 3',
      urgent: 4,
      found: [['urgent_interruptions', 4, '4 urgent interruptions on 26 Nov 2026, limit 3']],
    },
    { case: 'a third one', urgent: 3, found: [] },
  ])('urgent interruptions: $case', ({ urgent, found }) => {
    const levels: Urgency[] = ['critical', 'high', 'critical', 'high'];
    const calls = ['09:00', '11:00', '14:00', '16:00']
      .slice(0, urgent)
      .map((from, i) =>
        work('2026-11-26', from, from.replace(':00', ':30'), { urgency: levels[i] }),
      );
    const ordinary = [
      work('2026-11-26', '10:00', '10:30', { urgency: 'normal' }),
      work('2026-11-26', '12:00', '12:30', { urgency: 'low' }),
    ];
    const day = [...calls, ...ordinary];
    expect(check(day, calls[calls.length - 1]).map((w) => [w.code, measured(w), words(w)])).toEqual(
      found,
    );
  });

  it('counts only the urgent interruptions started on the focus day', () => {
    const dayBefore = ['09:00', '11:00', '14:00'].map((from) =>
      work('2026-11-25', from, from.replace(':00', ':30'), { urgency: 'critical' }),
    );
    const focus = work('2026-11-26', '09:00', '09:30', { urgency: 'critical' });
    expect(check([...dayBefore, focus], focus)).toEqual([]);
  });

  it.each([
    {
      case: 'seven worked days',
      days: ['2026-11-28', '2026-11-29'],
      minWeeklyDaysOff: 1,
      found: [
        ['consecutive_days', 7, '7 days worked in a row from 23 Nov 2026 to 29 Nov 2026, limit 6'],
        ['weekly_days_off', 0, 'no day off in week 2026-W48, minimum 1'],
      ],
    },
    { case: 'six worked days', days: ['2026-11-28'], minWeeklyDaysOff: 1, found: [] },
    {
      case: 'six worked days, minimum of two days off',
      days: ['2026-11-28'],
      minWeeklyDaysOff: 2,
      found: [['weekly_days_off', 1, '1 day off in week 2026-W48, minimum 2']],
    },
  ])('days off: $case', ({ days, minWeeklyDaysOff, found }) => {
    const week = [...daily(weekdays, '09:00', '15:00'), ...daily(days, '10:00', '12:00')];
    const result = check(week, week[week.length - 1], { minWeeklyDaysOff });
    expect(result.map((w) => [w.code, measured(w), words(w)])).toEqual(found);
  });

  it('counts a day touched only by work running past midnight as worked', () => {
    const week = [...daily(weekdays, '09:00', '15:00'), work('2026-11-28', '10:00', '12:00')];
    const sundayNight = work('2026-11-28', '22:00', '01:00'); // ends on Sunday the 29th
    const result = check([...week, sundayNight], sundayNight);
    // Saturday 10:00–12:00 then 22:00–01:00: no 11 h of rest in the 24 h from 10:00 either.
    expect(result.map((w) => w.code)).toEqual([
      'daily_rest',
      'consecutive_days',
      'weekly_days_off',
    ]);
  });

  it.each([
    {
      case: '9 h after hours',
      evening: 108,
      found: [['after_hours_limit', 540, '9 h after hours in week 2026-W48, limit 8 h']],
    },
    { case: 'exactly 8 h after hours', evening: 96, found: [] },
  ])('after hours: $case', ({ evening, found }) => {
    const evenings = weekdays.map((day) =>
      work(day, '18:00', '20:00', { afterHoursMinutes: evening }),
    );
    expect(check(evenings, evenings[0]).map((w) => [w.code, measured(w), words(w)])).toEqual(found);
  });

  it('checks both ISO weeks when the saved work crosses from Sunday into Monday', () => {
    // W48 already holds 47 h; Sunday 22:00 → Monday 02:00 adds 2 h to W48 and 2 h to W49,
    // which also makes Monday a 12-hour day with 6 h of rest before it.
    const w48 = daily(weekdays, '08:00', '17:24'); // 5 × 9 h 24 = 47 h
    const w49 = daily(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'], '08:00', '18:00'); // 40 h
    const crossing = work('2026-11-29', '22:00', '02:00', { afterHoursMinutes: 240 });
    const result = check([...w48, ...w49, crossing], crossing, { maxAfterHoursMinutesPerWeek: 60 });
    expect(result.map((w) => [w.code, weekOf(w) ?? dateOf(w), measured(w)])).toEqual([
      ['weekly_limit', '2026-W48', 2940],
      ['weekly_alert', '2026-W49', 2520],
      ['daily_limit', '2026-11-30', 720],
      ['daily_rest', '2026-11-29', 360],
      ['after_hours_limit', '2026-W48', 120],
      ['after_hours_limit', '2026-W49', 120],
    ]);
  });

  describe('across DST changes, true durations count', () => {
    // Sunday 25 October 2026: 03:00 goes back to 02:00 in Paris; the night lasts an hour more.
    const octoberWeekdays = ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'];

    it('a week ending on the autumn change', () => {
      const week = daily(octoberWeekdays, '09:00', '17:00'); // 40 h
      const sunday = work('2026-10-25', '00:00', '04:00'); // 4 h on the clock, 5 h lived
      const result = check([...week, sunday], sunday);
      expect(result.map((w) => [w.code, weekOf(w), measured(w), words(w)])).toEqual([
        ['weekly_alert', '2026-W43', 2700, '45 h in week 2026-W43, alert at 40 h'],
      ]);
    });

    it('a day of the autumn change', () => {
      const sunday = work('2026-10-25', '00:00', '10:00'); // 10 h on the clock, 11 h lived
      expect(
        check([sunday], sunday).map((w) => [w.code, weekOf(w) ?? dateOf(w), measured(w)]),
      ).toEqual([
        ['daily_limit', '2026-10-25', 660],
        // 00:00 to 06:00 on the clock is 7 h of night lived.
        ['night_limit', '2026-W43', 420],
      ]);
    });

    it('a day of the spring change', () => {
      // Sunday 29 March 2026: 02:00 jumps to 03:00; 00:00–11:00 on the clock is 10 h lived.
      const sunday = work('2026-03-29', '00:00', '11:00');
      expect(check([sunday], sunday)).toEqual([]);
    });

    it('rest across the autumn change', () => {
      // 21:00 Saturday to 07:00 Sunday reads 10 h on the clock, but 11 h pass.
      const saturday = work('2026-10-24', '15:00', '21:00');
      const sunday = work('2026-10-25', '07:00', '09:00');
      expect(check([saturday, sunday], sunday)).toEqual([]);
    });
  });

  it('works in the practice zone, not UTC', () => {
    // 23:30–00:30 in Paris is 22:30–23:30 UTC: one UTC day, two local days.
    const late = work('2026-11-25', '23:30', '00:30', { urgency: 'critical' });
    const earlier = ['09:00', '11:00', '14:00'].map((from) =>
      work('2026-11-25', from, from.replace(':00', ':30'), { urgency: 'high' }),
    );
    const nextDayCalls = ['09:00', '11:00', '14:00'].map((from) =>
      work('2026-11-26', from, from.replace(':00', ':30'), { urgency: 'high' }),
    );
    const result = check([...earlier, ...nextDayCalls, late], late, { minDailyRestMinutes: 0 });
    expect(result.map((w) => [w.code, dateOf(w), measured(w)])).toEqual([
      ['urgent_interruptions', '2026-11-25', 4],
    ]);
  });

  it('refuses an unknown time zone', () => {
    const focus = work('2026-11-26', '09:00', '10:00');
    expect(() =>
      checkGuardrails({
        timezone: 'Europe/Nowhere',
        limits: DEFAULT_LIMITS,
        interventions: [focus],
        focus,
      }),
    ).toThrow(RangeError);
  });
});

/** Every day from `first`, `count` of them. */
function daysFrom(first: string, count: number): string[] {
  const start = DateTime.fromISO(first);
  return Array.from({ length: count }, (_, n) => start.plus({ days: n }).toISODate()!);
}

const only = (found: Warning[], code: Warning['code']) => found.filter((w) => w.code === code);

describe('checkGuardrails: the whole of working-time law', () => {
  it.each([
    {
      case: '00:30–04:00 then 13:00–18:00 on one day, nothing around (no 11 h in the 24 h from 00:30)',
      hours: [
        ['00:30', '04:00'],
        ['13:00', '18:00'],
      ],
      found: [['daily_rest', '2026-11-25', 540]],
    },
    {
      case: '08:00–12:00 then 13:00–18:00',
      hours: [
        ['08:00', '12:00'],
        ['13:00', '18:00'],
      ],
      found: [],
    },
    {
      case: '06:00–12:00 then 16:00–20:00 (14 h from the first start, 10 h of rest left)',
      hours: [
        ['06:00', '12:00'],
        ['16:00', '20:00'],
      ],
      found: [['daily_rest', '2026-11-25', 600]],
    },
  ])('daily rest in every 24 h that begin with work: $case', ({ hours, found }) => {
    const day = hours.map(([from, to]) => work('2026-11-25', from, to));
    const result = check(day, day[day.length - 1]);
    expect(only(result, 'daily_rest').map((w) => [w.code, dateOf(w), measured(w)])).toEqual(found);
  });

  it.each([
    {
      case: 'work until Saturday 23:30 and from Monday 06:00: 30 h 30',
      saturdayEnd: '23:30',
      mondayStart: '06:00',
      found: [['weekly_rest', '2026-W48', 1830]],
    },
    {
      case: 'work until Saturday 18:00 and from Monday 06:00: 36 h',
      saturdayEnd: '18:00',
      mondayStart: '06:00',
      found: [],
    },
    {
      case: 'work until Saturday 23:30 and from Monday 10:30: exactly 35 h',
      saturdayEnd: '23:30',
      mondayStart: '10:30',
      found: [],
    },
  ])('weekly rest of 35 h in one stretch: $case', ({ saturdayEnd, mondayStart, found }) => {
    const week = [...daily(weekdays, '09:00', '17:00'), work('2026-11-28', '14:00', saturdayEnd)];
    const monday = work('2026-11-30', mondayStart, '12:00');
    const result = check([...week, monday], monday);
    expect(only(result, 'weekly_rest').map((w) => [w.code, weekOf(w), measured(w)])).toEqual(found);
    if (found.length > 0) {
      expect(words(result.find((w) => w.code === 'weekly_rest')!)).toBe(
        'no rest of 35 h in a row in the 7 days from a start of work in week 2026-W48 (longest 30 h 30)',
      );
    }
  });

  // Twelve ISO weeks from Monday 7 September 2026 (2026-W37) to Sunday 29 November (2026-W48).
  const twelveWeeks = daysFrom('2026-09-07', 84).filter(
    (day) => DateTime.fromISO(day).weekday <= 5,
  );

  it.each([
    { case: '12 weeks of 45 h', lastWeekEnd: '18:00', found: [['average_weekly_limit', 2700]] },
    {
      case: '11 weeks of 45 h and one of 33 h: 44 h on average',
      lastWeekEnd: '15:36',
      found: [],
    },
  ])('44 h on average over 12 consecutive weeks: $case', ({ lastWeekEnd, found }) => {
    const work12 = twelveWeeks.map((day) =>
      work(day, '09:00', day >= '2026-11-23' ? lastWeekEnd : '18:00'),
    );
    const result = check(work12, work12[work12.length - 1], {
      maxWeeklyMinutes: 60 * 60,
      alertWeeklyMinutes: 60 * 60,
    });
    const averages = only(result, 'average_weekly_limit');
    expect(averages.map((w) => [w.code, measured(w)])).toEqual(found);
    if (found.length > 0) {
      expect(averages[0]).toMatchObject({ week: '2026-W48', firstWeek: '2026-W37', weeks: 12 });
      expect(words(averages[0])).toBe(
        'average of 45 h a week over the 12 weeks from 2026-W37 to 2026-W48, limit 44 h',
      );
    }
  });

  it.each([
    {
      case: 'three evenings to 23:30 (7 h 30 of night)',
      evenings: 3,
      found: [['night_limit', 450]],
    },
    { case: 'two evenings to 23:30 (5 h of night)', evenings: 2, found: [] },
  ])('night work (21:00–06:00) a week: $case', ({ evenings, found }) => {
    const late = weekdays.slice(0, evenings).map((day) => work(day, '19:00', '23:30'));
    const result = check(late, late[late.length - 1]);
    expect(only(result, 'night_limit').map((w) => [w.code, measured(w)])).toEqual(found);
  });

  it('counts the night of the autumn change at its true length, on its own limit', () => {
    const night = work('2026-10-24', '22:00', '05:00'); // 7 h on the clock, 8 h lived
    const result = check([night], night, { maxNightMinutesPerWeek: 7 * 60 });
    expect(only(result, 'night_limit').map((w) => [weekOf(w), measured(w)])).toEqual([
      ['2026-W43', 480],
    ]);
  });

  it.each([
    { case: '7 days in a row, limit 6', days: 7, limit: 6, found: [['consecutive_days', 7]] },
    { case: '6 days in a row, limit 6', days: 6, limit: 6, found: [] },
    { case: '5 days in a row, limit 4', days: 5, limit: 4, found: [['consecutive_days', 5]] },
  ])('days worked in a row: $case', ({ days, limit, found }) => {
    const run = daysFrom('2026-11-21', days).map((day) => work(day, '10:00', '12:00'));
    const result = check(run, run[run.length - 1], { maxConsecutiveWorkDays: limit });
    expect(only(result, 'consecutive_days').map((w) => [w.code, measured(w)])).toEqual(found);
  });

  it.each([
    { case: 'a day of 10 h 30', to: '18:30', found: [['daily_limit', 630]] },
    { case: 'a day of exactly 10 h', to: '18:00', found: [] },
  ])('10 h a day: $case', ({ to, found }) => {
    const day = work('2026-11-25', '08:00', to);
    expect(only(check([day], day), 'daily_limit').map((w) => [w.code, measured(w)])).toEqual(found);
  });

  it('48 h a week: five days of 9 h 48 are 49 h', () => {
    const week = daily(weekdays, '08:00', '17:48');
    const result = check(week, week[4]);
    expect(only(result, 'weekly_limit').map((w) => [weekOf(w), measured(w)])).toEqual([
      ['2026-W48', 2940],
    ]);
  });

  it('says every new warning in French too', () => {
    const run = daysFrom('2026-11-21', 7).map((day) => work(day, '19:00', '23:30'));
    const result = check(run, run[run.length - 1]);
    const french = result.map((w) => outcomeText('fr', w));
    expect(french).toContain('7 jours travaillés d’affilée du 21/11/2026 au 27/11/2026, limite 6');
    expect(french).toContain(
      '12 h 30 de travail de nuit (21 h – 6 h) en semaine 2026-W48, limite 6 h',
    );
  });
});
