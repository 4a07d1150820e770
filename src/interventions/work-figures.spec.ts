import fc from 'fast-check';
import {
  DEFAULT_BUSINESS_HOURS,
  type CalendarSettings,
  type UrgencyPolicy,
} from '../common/domain';
import type { BillingTerms } from '../contracts/contract.entity';
import { BusinessClock } from '../calendar';
import {
  afterHoursRefusal,
  measureWork,
  outsideContract,
  priceWork,
  type WorkToPrice,
} from './work-figures';

const paris = new BusinessClock({
  timezone: 'Europe/Paris',
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
} satisfies CalendarSettings);

const level = (surchargePercent: number, clock: '24x7' | 'business' = 'business') => ({
  responseMinutes: 60,
  clock,
  monthlyQuota: null,
  surchargePercent,
  overQuota: 'reject' as const,
});

const policy: UrgencyPolicy = {
  levels: { low: level(0), normal: level(0), high: level(25), critical: level(50, '24x7') },
  afterHoursAllowed: true,
  afterHoursSurchargePercent: 50,
};

const billing: BillingTerms = {
  mode: 'time_and_materials',
  hourlyRateCents: 9000,
  activityRates: [{ activityId: 'training', hourlyRateCents: 12000 }],
  roundingMinutes: 15,
  minimumBillableMinutes: 30,
  rolloverMonths: 0,
};

describe('measureWork', () => {
  it.each([
    ['a weekday morning', '2026-11-02T10:00:00+01:00', '2026-11-02T10:50:00+01:00', 50, 0, [50]],
    [
      '17:00–19:00 on a weekday',
      '2026-11-03T17:00:00+01:00',
      '2026-11-03T19:00:00+01:00',
      120,
      60,
      [120],
    ],
    ['a Saturday', '2026-11-07T10:00:00+01:00', '2026-11-07T12:00:00+01:00', 120, 120, [120]],
    [
      '23:00–01:00 across midnight',
      '2026-11-09T23:00:00+01:00',
      '2026-11-10T01:00:00+01:00',
      120,
      120,
      [60, 60],
    ],
    [
      'the autumn clock change night',
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T04:00:00+01:00',
      240,
      240,
      [240],
    ],
    [
      'the spring clock change night',
      '2026-03-29T01:00:00+01:00',
      '2026-03-29T04:00:00+02:00',
      120,
      120,
      [120],
    ],
    [
      'Armistice Day (a holiday)',
      '2026-11-11T10:00:00+01:00',
      '2026-11-11T11:00:00+01:00',
      60,
      60,
      [60],
    ],
  ])('%s', (_, start, end, duration, afterHours, pieceMinutes) => {
    const work = measureWork(new Date(start), new Date(end), paris);
    expect(work.durationMinutes).toBe(duration);
    expect(work.afterHoursMinutes).toBe(afterHours);
    expect(work.pieces.map((p) => p.minutes)).toEqual(pieceMinutes);
  });

  it('puts the after-hours minutes on the day they were worked (17:00 Friday to 10:00 Saturday)', () => {
    const work = measureWork(
      new Date('2026-11-06T17:00:00+01:00'),
      new Date('2026-11-07T10:00:00+01:00'),
      paris,
    );
    expect(work.pieces.map((p) => [p.date, p.minutes, p.afterHoursMinutes])).toEqual([
      ['2026-11-06', 420, 360],
      ['2026-11-07', 600, 600],
    ]);
  });

  it('keeps the pieces adding up to the whole, to the minute, for any interval up to 24 h', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 3600 }),
        fc.integer({ min: 1, max: 24 * 3600 }),
        (offsetSeconds, lengthSeconds) => {
          const from = new Date(start + offsetSeconds * 1000 + 123);
          const to = new Date(from.getTime() + lengthSeconds * 1000);
          const work = measureWork(from, to, paris);
          const sum = (key: 'minutes' | 'afterHoursMinutes') =>
            work.pieces.reduce((total, piece) => total + piece[key], 0);
          expect(sum('minutes')).toBe(work.durationMinutes);
          expect(sum('afterHoursMinutes')).toBe(work.afterHoursMinutes);
          for (const piece of work.pieces) {
            expect(piece.afterHoursMinutes).toBeGreaterThanOrEqual(0);
            expect(piece.afterHoursMinutes).toBeLessThanOrEqual(piece.minutes);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('priceWork', () => {
  const work = (overrides: Partial<WorkToPrice>): WorkToPrice => ({
    activityId: 'support',
    urgency: 'normal',
    billable: true,
    activityBillable: true,
    durationMinutes: 50,
    afterHoursMinutes: 0,
    ...overrides,
  });

  it.each([
    ['50 min at 90 €/h: one hour', {}, { billableMinutes: 60, amountCents: 9000 }],
    [
      '10 min: the 30-minute minimum',
      { durationMinutes: 10 },
      { billableMinutes: 30, amountCents: 4500 },
    ],
    [
      '2 h with 1 h after hours: 50 % on that hour',
      { durationMinutes: 120, afterHoursMinutes: 60 },
      { baseAmountCents: 18000, afterHoursSurchargeCents: 4500, amountCents: 22500 },
    ],
    [
      'critical: the level surcharge on the whole',
      { durationMinutes: 60, urgency: 'critical' as const },
      { urgencySurchargePercent: 50, urgencySurchargeCents: 4500, amountCents: 13500 },
    ],
    [
      'training: the contract rate of the activity',
      { durationMinutes: 60, activityId: 'training' },
      { hourlyRateCents: 12000, amountCents: 12000 },
    ],
    ['not billable', { billable: false }, { billable: false, billableMinutes: 0, amountCents: 0 }],
    [
      'a non-billable activity',
      { activityBillable: false },
      { billable: false, billableMinutes: 0, amountCents: 0 },
    ],
  ])('%s', (_, overrides, expected) => {
    expect(priceWork(work(overrides), { billing, urgencyPolicy: policy })).toMatchObject(expected);
  });
});

describe('afterHoursRefusal', () => {
  const closed: UrgencyPolicy = { ...policy, afterHoursAllowed: false };
  const businessCritical: UrgencyPolicy = {
    ...closed,
    levels: { ...closed.levels, critical: level(50, 'business') },
  };

  it.each([
    ['offered', policy, 'normal', 60, false],
    ['no after-hours minutes', closed, 'normal', 0, false],
    ['not offered', closed, 'high', 30, true],
    ['not offered, critical on a 24x7 clock', closed, 'critical', 30, false],
    ['not offered, critical on a business clock', businessCritical, 'critical', 30, true],
  ] as const)('%s', (_, terms, urgency, minutes, refused) => {
    expect(afterHoursRefusal(terms, urgency, minutes) !== null).toBe(refused);
  });
});

describe('outsideContract', () => {
  const contract = { reference: 'CT-7', startDate: '2026-03-01', endDate: '2026-06-30' };
  const openEnded = { ...contract, endDate: null };

  it.each([
    ['the first day', contract, '2026-03-01', null],
    ['the last day', contract, '2026-06-30', null],
    ['the day before it starts', contract, '2026-02-28', 'CT-7 (2026-03-01 – 2026-06-30)'],
    ['the day after it ends', contract, '2026-07-01', 'CT-7 (2026-03-01 – 2026-06-30)'],
    ['any later day without an end', openEnded, '2031-01-01', null],
    ['before an open-ended contract', openEnded, '2026-01-15', 'CT-7 (2026-03-01 – …)'],
  ] as const)('%s', (_, terms, day, named) => {
    const outside = outsideContract(terms, day);
    if (named === null) expect(outside).toBeNull();
    else expect(outside?.message).toBe(`Work on ${day} is outside the contract ${named}`);
  });

  it('is null exactly on the days from the start date to the end date', () => {
    const day = fc
      .date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.option(day), (probe, start, end) => {
        const terms = { reference: 'X', startDate: start, endDate: end };
        const inside = probe >= start && (end === null || probe <= end);
        expect(outsideContract(terms, probe) === null).toBe(inside);
      }),
    );
  });
});
