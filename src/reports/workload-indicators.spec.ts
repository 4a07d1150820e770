import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_LIMITS, type GuardrailLimits } from '../common/domain';
import {
  rankPressureClients,
  workloadIndicators as judgedWorkload,
  type ClientPressureInput,
  type WorkloadDayInput,
  type WorkloadInput,
} from './workload-indicators';
import type { ReportRiskReason } from './workload-types';
import { catalogue, LOCALES } from '../i18n';
import { withGuardrails } from '../../test/factories/workload-days';

/** The report's rules, given the guardrails' warnings over the days as the service gives them. */
const workloadIndicators = (input: Omit<WorkloadInput, 'warnings'>) =>
  judgedWorkload(withGuardrails(input));

const zone = 'Europe/Paris';

function instant(date: string, time: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO()!;
}

interface DayOptions {
  from?: string;
  to?: string;
  afterHours?: number;
  urgent?: number;
}

/** A day of work from `from` to `to` local time (default 09:00 to 17:00, 8 h). */
function day(date: string, workedMinutes = 480, options: DayOptions = {}): WorkloadDayInput {
  return {
    date,
    workedMinutes,
    afterHoursMinutes: options.afterHours ?? 0,
    urgentInterruptions: options.urgent ?? 0,
    clients: 1,
    firstStart: instant(date, options.from ?? '09:00'),
    lastEnd: instant(date, options.to ?? '17:00'),
  };
}

function dates(first: string, count: number): string[] {
  const start = DateTime.fromISO(first, { zone: 'utc' });
  return Array.from({ length: count }, (_, n) => start.plus({ days: n }).toISODate()!);
}

function report(
  from: string,
  to: string,
  days: WorkloadDayInput[],
  extra: Partial<WorkloadInput> = {},
  limits: Partial<GuardrailLimits> = {},
) {
  return workloadIndicators({
    from,
    to,
    limits: { ...DEFAULT_LIMITS, ...limits },
    holidays: [],
    days,
    ...extra,
  });
}

// ISO week 2026-W10 runs from Monday 2 to Sunday 8 March 2026.
const w10 = dates('2026-03-02', 7);
const w10Weekdays = w10.slice(0, 5);

describe('workloadIndicators: risk level', () => {
  it('is green with "within every limit" for five 8-hour days', () => {
    const result = report(
      w10[0],
      w10[6],
      w10Weekdays.map((d) => day(d)),
    );
    expect(result.risk).toEqual({ level: 'green', reasons: [{ code: 'within_limits' }] });
    expect(result.indicators).toMatchObject({
      totalWorkedMinutes: 40 * 60,
      workingDays: 5,
      weeksOverAlert: 0,
      longestRunOfWorkingDays: 5,
    });
  });

  it('is red for a week of 52 h, the reason naming hours, limit and week', () => {
    // Six days of 8 h 40 (Monday to Saturday) = 52 h.
    const days = w10.slice(0, 6).map((d) => day(d, 520, { to: '17:40' }));
    const result = report(w10[0], w10[6], days);
    expect(result.risk.level).toBe('red');
    expect(result.risk.reasons[0]).toEqual({
      code: 'weekly_limit',
      week: '2026-W10',
      workedMinutes: 3120,
      limitMinutes: 2880,
    });
    expect(result.weeks[0]).toMatchObject({ overMax: true, overAlert: true, workedMinutes: 3120 });
    expect(result.indicators.weeksOverLimit).toBe(1);
    // The week over the maximum is not listed again as over the alert.
    expect(result.risk.reasons.filter((r) => r.code === 'weekly_alert')).toEqual([]);
  });

  it('is amber for a week over the alert but under the maximum, to the minute', () => {
    const days = w10Weekdays.map((d) => day(d, 9 * 60 + 6, { from: '08:00', to: '17:06' }));
    const result = report(w10[0], w10[6], days);
    expect(result.risk.level).toBe('amber');
    expect(result.risk.reasons).toContainEqual({
      code: 'weekly_alert',
      week: '2026-W10',
      workedMinutes: 2730,
      limitMinutes: 2400,
    });
  });

  it('flags a rest of 9 h as a short-rest day, amber', () => {
    const days = [
      day('2026-03-03', 600, { from: '08:00', to: '22:00' }),
      day('2026-03-04', 480, { from: '07:00', to: '15:00' }),
    ];
    const result = report(w10[0], w10[6], days);
    expect(result.days[0]).toMatchObject({ restBeforeNextMinutes: 540, shortRest: true });
    expect(result.days[1]).toMatchObject({ restBeforeNextMinutes: null, shortRest: false });
    expect(result.indicators.shortRestDays).toBe(1);
    expect(result.risk.level).toBe('amber');
    expect(result.risk.reasons).toEqual([
      { code: 'daily_rest', date: '2026-03-03', restMinutes: 540, limitMinutes: 660 },
    ]);
  });

  it('is red from three short-rest days on, each still listed', () => {
    // 07:00 to 21:00 leaves 10 h of rest in the 24 h from 07:00, the last day too.
    const days = dates('2026-03-02', 4).map((d) => day(d, 480, { from: '07:00', to: '21:00' }));
    const result = report(w10[0], w10[6], days);
    expect(result.indicators.shortRestDays).toBe(4);
    expect(result.risk.level).toBe('red');
    expect(result.risk.reasons[0]).toEqual({ code: 'short_rests', days: 4, limitMinutes: 660 });
    expect(result.risk.reasons).toContainEqual({
      code: 'daily_rest',
      date: '2026-03-05',
      restMinutes: 600,
      limitMinutes: 660,
    });
  });

  it('counts 8 consecutive working days across a month change: amber', () => {
    const run = dates('2026-03-27', 8);
    expect(run[run.length - 1]).toBe('2026-04-03');
    const result = report(
      '2026-03-23',
      '2026-04-12',
      run.map((d) => day(d, 360)),
    );
    expect(result.indicators.longestRunOfWorkingDays).toBe(8);
    expect(result.risk.level).toBe('amber');
    expect(result.risk.reasons).toContainEqual({
      code: 'consecutive_days',
      days: 8,
      firstDate: '2026-03-27',
      lastDate: '2026-04-03',
      limit: 6,
    });
  });

  it('is red for 13 consecutive working days', () => {
    const result = report(
      '2026-03-01',
      '2026-03-31',
      dates('2026-03-02', 13).map((d) => day(d, 300)),
    );
    expect(result.risk.level).toBe('red');
    expect(result.risk.reasons).toContainEqual({
      code: 'working_run_fortnight',
      days: 13,
      firstDate: '2026-03-02',
      lastDate: '2026-03-14',
    });
    // Listed once, as red, not again as amber.
    expect(result.risk.reasons.filter((r) => r.code.startsWith('working_run'))).toHaveLength(1);
  });

  it('is amber for a day over the daily maximum', () => {
    const result = report(w10[0], w10[6], [day('2026-03-04', 11 * 60 + 30, { to: '20:30' })]);
    expect(result.days[0].overDailyMax).toBe(true);
    expect(result.risk).toEqual({
      level: 'amber',
      reasons: [{ code: 'daily_limit', date: '2026-03-04', workedMinutes: 690, limitMinutes: 600 }],
    });
  });

  it.each([
    ['10 % exactly is still green', 48, 'green', { code: 'within_limits' }],
    [
      '11 % is amber',
      53,
      'amber',
      { code: 'after_hours_share', severity: 'amber', thresholdShare: 0.1 },
    ],
    [
      '25 % exactly is amber',
      120,
      'amber',
      { code: 'after_hours_share', severity: 'amber', thresholdShare: 0.1 },
    ],
    [
      '26 % is red',
      125,
      'red',
      { code: 'after_hours_share', severity: 'red', thresholdShare: 0.25 },
    ],
  ])('after-hours share: %s', (_label, afterHours, level, reason) => {
    // Three 8-hour days (shares are judged from 20 h worked); the weekly after-hours limit is
    // lifted to test the share alone.
    const result = report(
      w10[0],
      w10[6],
      w10.slice(1, 4).map((d) => day(d, 480, { afterHours })),
      {},
      {
        maxAfterHoursMinutesPerWeek: 10_000,
      },
    );
    expect(result.risk.level).toBe(level);
    expect(result.risk.reasons).toEqual([
      reason.code === 'within_limits'
        ? reason
        : { ...reason, afterHoursShare: result.indicators.afterHoursShare },
    ]);
    expect(result.indicators.afterHoursShare).toBeCloseTo(afterHours / 480, 6);
  });

  it.each([
    // 2 h 50 after hours out of 11 h over two months: one late evening, not a pattern.
    ['11 h worked, 26 % after hours', [300, 360], [90, 80], 'green'],
    ['19 h 59 worked, 40 % after hours', [600, 599], [240, 240], 'green'],
    ['20 h worked, 26 % after hours', [600, 600], [156, 156], 'red'],
    ['20 h worked, 11 % after hours', [600, 600], [66, 66], 'amber'],
  ])('after-hours share on a small volume: %s is %s', (_label, worked, afterHours, level) => {
    const days = [
      day('2026-03-03', worked[0], { from: '08:00', to: '18:00', afterHours: afterHours[0] }),
      day('2026-04-14', worked[1], { from: '08:00', to: '18:00', afterHours: afterHours[1] }),
    ];
    const result = report('2026-03-01', '2026-04-30', days, {}, { maxDailyMinutes: 720 });
    expect(result.risk.level).toBe(level);
    const shareReasons = result.risk.reasons.filter((r) => r.code === 'after_hours_share');
    expect(shareReasons).toHaveLength(level === 'green' ? 0 : 1);
    // The share itself is still reported.
    expect(result.indicators.afterHoursShare).toBeCloseTo(
      (afterHours[0] + afterHours[1]) / (worked[0] + worked[1]),
      6,
    );
  });

  it('still flags a week over the after-hours limit on a small volume', () => {
    const result = report(w10[0], w10[6], [day('2026-03-04', 600, { afterHours: 540 })], {}, {});
    expect(result.risk.level).toBe('amber');
    expect(result.risk.reasons).toEqual([
      { code: 'after_hours_limit', week: '2026-W10', afterHoursMinutes: 540, limitMinutes: 480 },
    ]);
  });

  it('lists red reasons before amber ones', () => {
    const days = [
      ...w10.slice(0, 6).map((d) => day(d, 520, { to: '17:40' })),
      day('2026-03-10', 660, { from: '07:00', to: '18:00' }),
    ];
    const result = report('2026-03-02', '2026-03-15', days);
    expect(result.risk.level).toBe('red');
    expect(result.risk.reasons.map((r) => r.code)).toEqual(['weekly_limit', 'daily_limit']);
  });
});

describe('workloadIndicators: weekends and holidays', () => {
  it('flags weekend and holiday days and turns amber from two of them', () => {
    // Friday 1 May 2026 is a public holiday, Saturday 2 May a weekend day.
    const days = [day('2026-05-01', 240), day('2026-05-02', 180), day('2026-05-04')];
    const result = report('2026-04-27', '2026-05-10', days, { holidays: ['2026-05-01'] });
    expect(result.days.map((d) => [d.date, d.weekend, d.holiday])).toEqual([
      ['2026-05-01', false, true],
      ['2026-05-02', true, false],
      ['2026-05-04', false, false],
    ]);
    expect(result.indicators).toMatchObject({ weekendDaysWorked: 1, holidayDaysWorked: 1 });
    expect(result.risk).toEqual({
      level: 'amber',
      reasons: [{ code: 'weekend_or_holiday_days', days: 2 }],
    });
  });

  it('tolerates a single weekend day', () => {
    const result = report(w10[0], w10[6], [day('2026-03-07', 120)]);
    expect(result.indicators.weekendDaysWorked).toBe(1);
    expect(result.risk.level).toBe('green');
  });

  it('counts a holiday on a Sunday once', () => {
    // 8 May 2027 is a Saturday, 9 May a Sunday; pretend the Sunday is also a closure day.
    const result = report('2027-05-03', '2027-05-09', [day('2027-05-09', 60)], {
      holidays: ['2027-05-09'],
    });
    expect(result.indicators).toMatchObject({ weekendDaysWorked: 1, holidayDaysWorked: 1 });
    expect(result.risk.level).toBe('green');
  });
});

describe('workloadIndicators: weeks', () => {
  it('covers partial weeks at the edges and counts their days off inside the period', () => {
    // Wednesday 4 March to Tuesday 10 March: 5 days of W10, 2 of W11.
    const days = [day('2026-03-04'), day('2026-03-05'), day('2026-03-09')];
    const result = report('2026-03-04', '2026-03-10', days);
    expect(result.weeks).toEqual([
      expect.objectContaining({
        week: '2026-W10',
        start: '2026-03-02',
        daysInRange: 5,
        partial: true,
        daysOff: 3,
        workedMinutes: 960,
      }),
      expect.objectContaining({
        week: '2026-W11',
        start: '2026-03-09',
        daysInRange: 2,
        partial: true,
        daysOff: 1,
        workedMinutes: 480,
      }),
    ]);
  });

  it('names ISO weeks across a year change', () => {
    const result = report('2026-12-28', '2027-01-04', [day('2026-12-31'), day('2027-01-04')]);
    expect(result.weeks.map((w) => [w.week, w.start, w.daysInRange])).toEqual([
      ['2026-W53', '2026-12-28', 7],
      ['2027-W01', '2027-01-04', 1],
    ]);
  });

  it('flags a full week with fewer days off than the minimum', () => {
    const result = report(
      w10[0],
      w10[6],
      w10.slice(0, 6).map((d) => day(d, 300)),
      {},
      {
        minWeeklyDaysOff: 2,
      },
    );
    expect(result.weeks[0]).toMatchObject({ daysOff: 1, tooFewDaysOff: true });
    expect(result.risk.reasons).toContainEqual({
      code: 'weekly_days_off',
      week: '2026-W10',
      daysOff: 1,
      limit: 2,
    });
  });

  it('flags after-hours minutes over the weekly limit and urgent interruptions over the daily one', () => {
    const days = [
      day('2026-03-03', 600, { to: '19:00', afterHours: 300, urgent: 4 }),
      day('2026-03-04', 600, { to: '19:00', afterHours: 240 }),
      day('2026-03-05', 600, { to: '19:00' }),
      day('2026-03-06', 600, { to: '19:00' }),
      day('2026-03-02', 600, { to: '19:00' }),
    ];
    const result = report(w10[0], w10[6], days);
    expect(result.weeks[0].overAfterHoursLimit).toBe(true);
    expect(result.days.find((d) => d.date === '2026-03-03')?.overUrgentLimit).toBe(true);
    expect(result.risk.reasons).toEqual(
      expect.arrayContaining([
        { code: 'after_hours_limit', week: '2026-W10', afterHoursMinutes: 540, limitMinutes: 480 },
        { code: 'urgent_interruptions', date: '2026-03-03', interruptions: 4, limit: 3 },
      ]),
    );
  });

  it('keeps the weeks summing to the period total (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 720 }),
        (offsets, minutes) => {
          const days = offsets.map((n) => day(dates('2026-03-01', 60)[n], minutes));
          const result = report('2026-03-01', '2026-04-29', days);
          const weekSum = result.weeks.reduce((total, week) => total + week.workedMinutes, 0);
          expect(weekSum).toBe(result.indicators.totalWorkedMinutes);
          expect(result.weeks.reduce((total, week) => total + week.daysInRange, 0)).toBe(60);
          expect(result.indicators.longestRunOfWorkingDays).toBeLessThanOrEqual(
            result.indicators.workingDays,
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('workloadIndicators: days and indicators', () => {
  it('sorts days, and gives no rest figure when the next day has no work', () => {
    const result = report(w10[0], w10[6], [
      day('2026-03-05'),
      day('2026-03-03'),
      day('2026-03-02'),
    ]);
    expect(result.days.map((d) => [d.date, d.restBeforeNextMinutes])).toEqual([
      ['2026-03-02', 16 * 60],
      ['2026-03-03', null],
      ['2026-03-05', null],
    ]);
  });

  it.each([
    // 23:00 to 00:30, cut at midnight: the second day's 00:00 piece continues the night.
    ['then 14:00 the next day', '14:00', 13 * 60 + 30, false, 0],
    ['then 07:00 the next day', '07:00', 6 * 60 + 30, true, 1],
    // 00:40 to 16:00 leaves no 11 h of rest in the 24 h from 00:40 either.
    ['then 00:40 the next day', '00:40', 10, true, 2],
    ['and no new work the next day', null, null, false, 0],
  ])(
    'measures the rest after work crossing midnight from its real end: %s',
    (_label, nextStart, rest, shortRest, shortRestDays) => {
      const night: WorkloadDayInput = {
        ...day('2026-03-03', 60, { from: '23:00', afterHours: 60 }),
        lastEnd: instant('2026-03-04', '00:00'),
        workEnd: instant('2026-03-04', '00:30'),
        newWorkStart: instant('2026-03-03', '23:00'),
      };
      const next: WorkloadDayInput = {
        ...day('2026-03-04', 30 + (nextStart ? 120 : 0), { from: '00:00' }),
        lastEnd: instant('2026-03-04', nextStart ? '16:00' : '00:30'),
        workEnd: instant('2026-03-04', nextStart ? '16:00' : '00:30'),
        newWorkStart: nextStart ? instant('2026-03-04', nextStart) : null,
      };
      const result = report(w10[0], w10[6], [night, next]);
      expect(result.days[0]).toMatchObject({ restBeforeNextMinutes: rest, shortRest });
      expect(result.indicators.shortRestDays).toBe(shortRestDays);
    },
  );

  it('counts no negative rest when work runs past the next day start', () => {
    const late = { ...day('2026-03-03'), lastEnd: instant('2026-03-04', '10:00') };
    const result = report(w10[0], w10[6], [late, day('2026-03-04')]);
    expect(result.days[0]).toMatchObject({ restBeforeNextMinutes: 0, shortRest: true });
  });

  it('gives urgent interruptions per working day, and urgentShare only when minutes are given', () => {
    const days = [day('2026-03-02', 480, { urgent: 3 }), day('2026-03-03', 480, { urgent: 1 })];
    const without = report(w10[0], w10[6], days);
    expect(without.indicators.urgentPerWorkingDay).toBe(2);
    expect(without.indicators).not.toHaveProperty('urgentShare');
    const withMinutes = report(w10[0], w10[6], days, { urgentMinutes: 240 });
    expect(withMinutes.indicators.urgentShare).toBe(0.25);
  });

  it('gives zero shares for a period without work', () => {
    const result = report(w10[0], w10[6], []);
    expect(result.indicators).toMatchObject({
      totalWorkedMinutes: 0,
      workingDays: 0,
      afterHoursShare: 0,
      urgentPerWorkingDay: 0,
      longestRunOfWorkingDays: 0,
    });
    expect(result.risk.level).toBe('green');
  });

  it('gives the breakdown by activity and client with shares, largest first', () => {
    const result = report(w10[0], w10[6], [day('2026-03-02')], {
      breakdown: {
        activities: [
          { activity: 'training', workedMinutes: 120 },
          { activity: 'support', workedMinutes: 360 },
        ],
        clients: [{ clientId: 'c1', clientName: 'Acme', workedMinutes: 480 }],
      },
    });
    expect(result.breakdown?.activities).toEqual([
      { activity: 'support', workedMinutes: 360, share: 0.75 },
      { activity: 'training', workedMinutes: 120, share: 0.25 },
    ]);
    expect(result.breakdown?.clients[0].share).toBe(1);
  });

  it.each([
    ['a day outside the period', [day('2026-03-09')], /outside the period/],
    ['the same day twice', [day('2026-03-02'), day('2026-03-02')], /given twice/],
    ['a bad instant', [{ ...day('2026-03-02'), lastEnd: 'yesterday' }], /ISO instant/],
  ])('refuses %s', (_label, days, message) => {
    expect(() => report(w10[0], w10[6], days)).toThrow(message);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => report('2026-03-08', '2026-03-02', [])).toThrow(/ends/);
  });
});

describe('rankPressureClients', () => {
  const client = (name: string, values: Partial<ClientPressureInput>): ClientPressureInput => ({
    clientId: name.toLowerCase(),
    clientName: name,
    urgentRequests: 0,
    falseUrgencies: 0,
    afterHoursMinutes: 0,
    urgentInterventions: 0,
    ...values,
  });

  it.each([
    ['urgent requests weigh 3', { urgentRequests: 2 }, 6],
    ['false urgencies weigh 4', { falseUrgencies: 2 }, 8],
    ['an hour after hours weighs 2', { afterHoursMinutes: 90 }, 3],
    ['urgent interventions weigh 2', { urgentInterventions: 3 }, 6],
    [
      'all together',
      { urgentRequests: 1, falseUrgencies: 1, afterHoursMinutes: 60, urgentInterventions: 1 },
      11,
    ],
    ['rounded to one decimal', { afterHoursMinutes: 25 }, 0.8],
  ])('%s', (_label, values, score) => {
    expect(rankPressureClients([client('Acme', values)])[0].score).toBe(score);
  });

  it('ranks highest first, ties by name, and leaves out clients causing no pressure', () => {
    const ranked = rankPressureClients([
      client('Calm', {}),
      client('Beta', { urgentRequests: 2 }),
      client('Zeta', { falseUrgencies: 3 }),
      client('Alpha', { urgentInterventions: 3 }),
    ]);
    expect(ranked.map((row) => [row.clientName, row.score])).toEqual([
      ['Zeta', 12],
      ['Alpha', 6],
      ['Beta', 6],
    ]);
  });
});

describe("the words of the report's own reasons", () => {
  /** Each reason the report gives of its own: a code added to the type must be listed here. */
  const REPORT_REASONS: Record<ReportRiskReason['code'], true> = {
    short_rests: true,
    working_run_fortnight: true,
    after_hours_share: true,
    weekend_or_holiday_days: true,
    within_limits: true,
  };

  it.each(LOCALES)(
    'has words (%s) for each reason it gives, and for none it no longer gives',
    (locale) => {
      const worded = catalogue()
        .keys(locale)
        .filter((key) => key.startsWith('risk.') && !key.startsWith('risk.level.'))
        .map((key) => key.slice('risk.'.length));
      expect(worded.sort()).toEqual(Object.keys(REPORT_REASONS).sort());
    },
  );
});
