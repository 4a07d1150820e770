import { DEFAULT_BUSINESS_HOURS } from '../common/domain';
import type {
  CalendarSettings,
  Urgency,
  UrgencyLevelPolicy,
  UrgencyPolicy,
} from '../common/domain';
import { consultantNotice } from './request-notices';

const paris: CalendarSettings = {
  timezone: 'Europe/Paris',
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
};

function policy(critical: Partial<UrgencyLevelPolicy>, afterHoursAllowed = true): UrgencyPolicy {
  const level = (o: Partial<UrgencyLevelPolicy> = {}): UrgencyLevelPolicy => ({
    responseMinutes: 60,
    clock: 'business',
    monthlyQuota: null,
    surchargePercent: 0,
    overQuota: 'reject',
    ...o,
  });
  return {
    levels: {
      low: level(),
      normal: level(),
      high: level({ clock: '24x7' }),
      critical: level(critical),
    },
    afterHoursAllowed,
    afterHoursSurchargePercent: 50,
  };
}

const SATURDAY_22H = '2026-12-05T21:00:00.000Z';
const MONDAY_OPENING = '2026-12-07T08:00:00.000Z';
const TUESDAY_11H = '2026-12-08T10:00:00.000Z';

describe('consultantNotice: who interrupts the consultant, and when', () => {
  it.each<[string, Urgency, UrgencyPolicy, string, string | null]>([
    // [situation, applied level, policy, filed at, mailed at (null: the digest)]
    [
      'critical 24x7, Saturday 22:00: at once',
      'critical',
      policy({ clock: '24x7' }),
      SATURDAY_22H,
      SATURDAY_22H,
    ],
    [
      'critical on business hours, Saturday 22:00: at Monday’s opening',
      'critical',
      policy({}),
      SATURDAY_22H,
      MONDAY_OPENING,
    ],
    [
      'critical 24x7 where the contract offers no after-hours work: at the opening',
      'critical',
      policy({ clock: '24x7' }, false),
      SATURDAY_22H,
      MONDAY_OPENING,
    ],
    [
      'critical on business hours, during them: at once',
      'critical',
      policy({}),
      TUESDAY_11H,
      TUESDAY_11H,
    ],
    ['high on a 24x7 clock: the digest', 'high', policy({ clock: '24x7' }), SATURDAY_22H, null],
    ['normal, during business hours: the digest', 'normal', policy({}), TUESDAY_11H, null],
    [
      'critical on business hours, Christmas Eve evening: after the holiday and the weekend',
      'critical',
      policy({}),
      '2026-12-24T19:00:00.000Z',
      '2026-12-28T08:00:00.000Z',
    ],
  ])('%s', (_situation, level, p, at, mailedAt) => {
    const notice = consultantNotice(level, p, new Date(at), paris);
    expect(notice.by === 'mail' ? notice.at.toISOString() : null).toBe(mailedAt);
  });
});
