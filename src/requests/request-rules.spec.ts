import { DEFAULT_BUSINESS_HOURS } from '../common/domain';
import type { CalendarSettings, UrgencyLevelPolicy, UrgencyPolicy } from '../common/domain';
import {
  canCancel,
  canMoveTo,
  compareUrgency,
  deadlineClock,
  responseDeadline,
  responseTimeLeft,
} from './request-rules';
import { REQUEST_STATUSES } from './request.entity';

const paris: CalendarSettings = {
  timezone: 'Europe/Paris',
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
};

const level = (overrides: Partial<UrgencyLevelPolicy> = {}): UrgencyLevelPolicy => ({
  responseMinutes: 60,
  clock: 'business',
  monthlyQuota: null,
  surchargePercent: 0,
  overQuota: 'reject',
  ...overrides,
});

function policy(critical: Partial<UrgencyLevelPolicy>, afterHoursAllowed = true): UrgencyPolicy {
  return {
    levels: { low: level(), normal: level(), high: level(), critical: level(critical) },
    afterHoursAllowed,
    afterHoursSurchargePercent: 50,
  };
}

describe('canMoveTo', () => {
  const allowed = new Set([
    'open→in_progress',
    'open→resolved',
    'open→closed',
    'in_progress→resolved',
    'resolved→closed',
    'resolved→in_progress',
  ]);
  const pairs = REQUEST_STATUSES.flatMap((from) =>
    REQUEST_STATUSES.filter((to) => to !== from).map((to) => ({ from, to })),
  );
  it.each(pairs)('$from → $to', ({ from, to }) => {
    expect(canMoveTo(from, to)).toBe(allowed.has(`${from}→${to}`));
  });
});

describe('responseDeadline', () => {
  it.each([
    {
      case: 'Friday 17:30 Paris + 60 business minutes is Monday 09:30',
      createdAt: '2026-11-27T16:30:00Z',
      critical: { responseMinutes: 60 },
      due: '2026-11-30T08:30:00.000Z',
    },
    {
      case: 'inside business hours, the same afternoon',
      createdAt: '2026-11-25T13:00:00Z',
      critical: { responseMinutes: 60 },
      due: '2026-11-25T14:00:00.000Z',
    },
    {
      case: 'Saturday night starts at Monday 09:00',
      createdAt: '2026-11-28T22:00:00Z',
      critical: { responseMinutes: 120 },
      due: '2026-11-30T10:00:00.000Z',
    },
    {
      case: 'a 24x7 clock runs through the weekend',
      createdAt: '2026-11-27T16:30:00Z',
      critical: { responseMinutes: 60, clock: '24x7' as const },
      due: '2026-11-27T17:30:00.000Z',
    },
    {
      case: 'Christmas Eve 17:30: 30 minutes that day, the rest on Monday 28th',
      createdAt: '2026-12-24T16:30:00Z',
      critical: { responseMinutes: 90 },
      due: '2026-12-28T09:00:00.000Z',
    },
  ])('$case', ({ createdAt, critical, due }) => {
    const at = responseDeadline(new Date(createdAt), 'critical', policy(critical), paris);
    expect(at.toISOString()).toBe(due);
  });

  it('falls back to business hours when the contract offers no after-hours work', () => {
    const at = responseDeadline(
      new Date('2026-11-27T16:30:00Z'),
      'critical',
      policy({ responseMinutes: 60, clock: '24x7' }, false),
      paris,
    );
    expect(at.toISOString()).toBe('2026-11-30T08:30:00.000Z');
  });
});

describe('compareUrgency', () => {
  it.each([
    { a: 'critical', b: 'high', order: 1 },
    { a: 'low', b: 'normal', order: -1 },
    { a: 'high', b: 'high', order: 0 },
  ] as const)('$a against $b is $order', ({ a, b, order }) => {
    expect(compareUrgency(a, b)).toBe(order);
  });
});

describe('canCancel', () => {
  it.each(REQUEST_STATUSES.map((status) => ({ status, can: status === 'open' })))(
    'a request $status can be cancelled: $can',
    ({ status, can }) => {
      expect(canCancel(status)).toBe(can);
    },
  );

  it('is no status move: nothing moves to or from cancelled through the statuses', () => {
    for (const other of REQUEST_STATUSES) {
      expect(canMoveTo(other, 'cancelled')).toBe(false);
      expect(canMoveTo('cancelled', other)).toBe(false);
    }
  });
});

describe('responseTimeLeft', () => {
  it.each([
    {
      case: 'Friday 17:00, due Monday 09:30 on business hours: 1 h 30 left',
      now: '2026-11-27T16:00:00Z',
      due: '2026-11-30T08:30:00Z',
      clock: 'business' as const,
      left: { overdue: false, minutes: 90 },
    },
    {
      case: 'the same deadline on a 24x7 clock: the whole weekend is left',
      now: '2026-11-27T16:00:00Z',
      due: '2026-11-30T08:30:00Z',
      clock: '24x7' as const,
      left: { overdue: false, minutes: 64 * 60 + 30 },
    },
    {
      case: 'Monday 10:30, due Friday 17:30 on business hours: 2 h late (the weekend does not count)',
      now: '2026-11-30T09:30:00Z',
      due: '2026-11-27T16:30:00Z',
      clock: 'business' as const,
      left: { overdue: true, minutes: 120 },
    },
    {
      case: 'exactly at the deadline: not late, nothing left',
      now: '2026-11-25T14:00:00Z',
      due: '2026-11-25T14:00:00Z',
      clock: 'business' as const,
      left: { overdue: false, minutes: 0 },
    },
    {
      case: '3 h 20 left within one business afternoon',
      now: '2026-11-25T10:00:00Z',
      due: '2026-11-25T13:20:00Z',
      clock: 'business' as const,
      left: { overdue: false, minutes: 200 },
    },
  ])('$case', ({ now, due, clock, left }) => {
    expect(responseTimeLeft(new Date(due), new Date(now), clock, paris)).toEqual({
      clock,
      ...left,
    });
  });

  it("runs on the level's clock: 24x7 only where after-hours work is offered", () => {
    expect(deadlineClock('critical', policy({ clock: '24x7' }))).toBe('24x7');
    expect(deadlineClock('critical', policy({ clock: '24x7' }, false))).toBe('business');
    expect(deadlineClock('critical', policy({ clock: 'business' }))).toBe('business');
  });
});
