import { DEFAULT_BUSINESS_HOURS } from '../common/domain';
import type { CalendarSettings, UrgencyLevelPolicy, UrgencyPolicy } from '../common/domain';
import { canMoveTo, compareUrgency, responseDeadline } from './request-rules';
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
