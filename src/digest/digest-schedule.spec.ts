import fc from 'fast-check';
import { isBusinessInstant } from '../calendar';
import { DEFAULT_BUSINESS_HOURS } from '../common/domain';
import { digestDueAt, digestSlotOn, nextDigestAt, type DigestSchedule } from './digest-schedule';

const paris: DigestSchedule = {
  timezone: 'Europe/Paris',
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
  digestTime: null,
};
const lunchBreak: DigestSchedule = {
  ...paris,
  businessHours: {
    ...DEFAULT_BUSINESS_HOURS,
    mon: [
      ['09:00', '12:00'],
      ['14:00', '18:00'],
    ],
  },
};
const newYork: DigestSchedule = { ...paris, timezone: 'America/New_York', holidayCalendar: 'none' };

describe('nextDigestAt: the digest that gathers what happens at an instant', () => {
  it.each([
    // [situation, at, schedule, digest]
    ['Saturday 22:00 → Monday opening', '2026-12-05T21:00:00Z', paris, '2026-12-07T08:00:00.000Z'],
    ['Friday after closing → Monday', '2026-12-04T18:30:00Z', paris, '2026-12-07T08:00:00.000Z'],
    ['Sunday night → Monday', '2026-12-06T23:30:00Z', paris, '2026-12-07T08:00:00.000Z'],
    [
      'Monday before opening → that morning',
      '2026-12-07T07:59:00Z',
      paris,
      '2026-12-07T08:00:00.000Z',
    ],
    [
      'at the opening itself → the next day',
      '2026-12-07T08:00:00Z',
      paris,
      '2026-12-08T08:00:00.000Z',
    ],
    ['Monday 10:00, at work → Tuesday', '2026-12-07T09:00:00Z', paris, '2026-12-08T08:00:00.000Z'],
    [
      'Saturday before Whit Monday (holiday) → Tuesday',
      '2026-05-23T20:00:00Z',
      paris,
      '2026-05-26T07:00:00.000Z',
    ],
    [
      'Christmas Eve evening → Christmas is a holiday → the 28th (weekend between)',
      '2026-12-24T19:00:00Z',
      paris,
      '2026-12-28T08:00:00.000Z',
    ],
    [
      'a closure on Monday → Tuesday',
      '2026-12-05T21:00:00Z',
      { ...paris, closures: ['2026-12-07'] },
      '2026-12-08T08:00:00.000Z',
    ],
    [
      'a closed week → the Monday after',
      '2026-12-11T20:00:00Z',
      {
        ...paris,
        closures: ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'],
      },
      '2026-12-21T08:00:00.000Z',
    ],
    [
      'digest time 08:30 → before the opening',
      '2026-12-05T21:00:00Z',
      { ...paris, digestTime: '08:30' },
      '2026-12-07T07:30:00.000Z',
    ],
    [
      'digest time 10:00, Monday 09:30 → that day',
      '2026-12-07T08:30:00Z',
      { ...paris, digestTime: '10:00' },
      '2026-12-07T09:00:00.000Z',
    ],
    [
      'digest time on a holiday Monday → Tuesday at that time',
      '2026-05-23T20:00:00Z',
      { ...paris, digestTime: '08:15' },
      '2026-05-26T06:15:00.000Z',
    ],
    [
      'spring DST weekend: Saturday 22:00 CET → Monday 09:00 CEST',
      '2026-03-28T21:00:00Z',
      paris,
      '2026-03-30T07:00:00.000Z',
    ],
    [
      'autumn DST weekend: Saturday 22:00 CEST → Monday 09:00 CET',
      '2026-10-24T20:00:00Z',
      paris,
      '2026-10-26T08:00:00.000Z',
    ],
    [
      'Easter weekend on the DST night: Good Friday evening → Tuesday after Easter Monday',
      '2027-03-26T19:00:00Z',
      paris,
      '2027-03-30T07:00:00.000Z',
    ],
    [
      'a lunch break is no second opening: Monday 12:30 → Tuesday',
      '2026-12-07T11:30:00Z',
      lunchBreak,
      '2026-12-08T08:00:00.000Z',
    ],
    [
      'another zone: Saturday night in New York → Monday 09:00 there',
      '2026-12-06T03:00:00Z',
      newYork,
      '2026-12-07T14:00:00.000Z',
    ],
  ])('%s', (_situation, at, schedule, digest) => {
    expect(nextDigestAt(new Date(at), schedule).toISOString()).toBe(digest);
  });

  it('refuses a calendar that never opens', () => {
    const never = {
      ...paris,
      businessHours: { ...DEFAULT_BUSINESS_HOURS, mon: [], tue: [], wed: [], thu: [], fri: [] },
    };
    expect(() => nextDigestAt(new Date('2026-12-05T21:00:00Z'), never)).toThrow(/No business day/);
  });

  it('is always later, on a business day, at its opening when no digest time is set', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }), (minutes) => {
        const at = new Date(start + minutes * 60_000);
        const digest = nextDigestAt(at, paris);
        expect(digest.getTime()).toBeGreaterThan(at.getTime());
        expect(isBusinessInstant(digest, paris)).toBe(true);
        // No business opening lies between the instant and the digest.
        expect(isBusinessInstant(new Date(digest.getTime() - 60_000), paris)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('digestDueAt: whether a digest may be composed now', () => {
  it.each([
    ['Saturday night: nothing', '2026-12-05T21:00:00Z', paris, null],
    ['Monday at the opening: Monday’s', '2026-12-07T08:00:00Z', paris, '2026-12-07T08:00:00.000Z'],
    ['Monday 17:59: still Monday’s', '2026-12-07T16:59:00Z', paris, '2026-12-07T08:00:00.000Z'],
    ['Monday 18:00, closed: nothing', '2026-12-07T17:00:00Z', paris, null],
    ['Monday 08:59, not yet: nothing', '2026-12-07T07:59:00Z', paris, null],
    ['Whit Monday, a holiday: nothing', '2026-05-25T08:00:00Z', paris, null],
    [
      'a closure day: nothing',
      '2026-12-07T08:00:00Z',
      { ...paris, closures: ['2026-12-07'] },
      null,
    ],
    [
      'digest time 10:00, at 09:30: not yet',
      '2026-12-07T08:30:00Z',
      { ...paris, digestTime: '10:00' },
      null,
    ],
    [
      'digest time 19:00, after closing: within its hour',
      '2026-12-07T18:30:00Z',
      { ...paris, digestTime: '19:00' },
      '2026-12-07T18:00:00.000Z',
    ],
    [
      'digest time 19:00, at 20:00: too late that day',
      '2026-12-07T19:00:00Z',
      { ...paris, digestTime: '19:00' },
      null,
    ],
  ])('%s', (_situation, now, schedule, due) => {
    expect(digestDueAt(new Date(now), schedule)?.toISOString() ?? null).toBe(due);
  });

  it('a day without business hours has no digest', () => {
    expect(digestSlotOn('2026-12-06', paris)).toBeNull();
    expect(digestSlotOn('2026-12-25', paris)).toBeNull();
  });
});
