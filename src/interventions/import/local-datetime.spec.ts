import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  dateOrderEvidence,
  detectDateOrder,
  durationReadings,
  hoursToSeconds,
  parseLocalDateTime,
  formatLocal,
  formatLocalInterval,
  localClock,
  localDateTime,
  localWallClock,
  parseLocalDay,
  parseLocalTime,
  toInstant,
} from './local-datetime';

describe('parseLocalDay', () => {
  it.each([
    ['2026-03-02', null, { year: 2026, month: 3, day: 2 }],
    ['2026/3/2', null, { year: 2026, month: 3, day: 2 }],
    ['02.03.2026', null, { year: 2026, month: 3, day: 2 }],
    ['02/03/2026', 'DMY', { year: 2026, month: 3, day: 2 }],
    ['02/03/2026', 'MDY', { year: 2026, month: 2, day: 3 }],
    ['2028-02-29', null, { year: 2028, month: 2, day: 29 }],
    ['02/03/2026', null, null],
    ['2026-02-29', null, null],
    ['2026-13-01', null, null],
    ['31/04/2026', 'DMY', null],
    ['hier', null, null],
  ] as const)('reads %s (%s) as %j', (value, order, expected) => {
    expect(parseLocalDay(value, order)).toEqual(expected);
  });
});

describe('parseLocalTime', () => {
  it.each([
    ['09:05', { hour: 9, minute: 5, second: 0 }],
    ['9:05:30', { hour: 9, minute: 5, second: 30 }],
    ['12:15 AM', { hour: 0, minute: 15, second: 0 }],
    ['12:15 PM', { hour: 12, minute: 15, second: 0 }],
    ['11:59:59 p.m.', { hour: 23, minute: 59, second: 59 }],
    ['24:00', null],
    ['13:00 PM', null],
    ['0:30 AM', null],
    ['9h30', null],
  ])('reads %s as %j', (value, expected) => {
    expect(parseLocalTime(value)).toEqual(expected);
  });
});

describe('detectDateOrder', () => {
  it.each([
    [['16/03/2026', '02/03/2026'], 'DMY'],
    [['03/16/2026'], 'MDY'],
    [['02/03/2026', '04/05/2026'], null],
    [['16/03/2026', '03/16/2026'], null],
    [['2026-03-16'], null],
  ] as const)('judges %j as %s', (values, expected) => {
    expect(detectDateOrder(values)).toBe(expected);
  });
});

describe('durationReadings', () => {
  it.each([
    ['2:30', [9000]],
    ['02:30:15', [9015]],
    ['2.5', [9000]],
    ['2,5', [9000]],
    ['400', [400, 1440000]],
    ['', []],
  ])('reads %s as %j seconds', (value, expected) => {
    expect(durationReadings(value)).toEqual(expected);
  });
});

describe('localClock', () => {
  it.each([
    'Europe/Paris',
    'America/New_York',
    'Australia/Sydney',
    'Pacific/Chatham',
    'Asia/Kolkata',
  ])(
    'gives the same instant as a full zone lookup in %s, clock-change days included',
    (timezone) => {
      const clock = localClock(timezone);
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('2024-01-01T00:00:00Z'),
            max: new Date('2027-12-31T00:00:00Z'),
            noInvalidDate: true,
          }),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          (date, hour, minute) => {
            const day = {
              year: date.getUTCFullYear(),
              month: date.getUTCMonth() + 1,
              day: date.getUTCDate(),
            };
            const time = { hour, minute, second: 0 };
            expect(clock(day, time)).toEqual(toInstant(day, time, timezone));
          },
        ),
        { numRuns: 500 },
      );
    },
  );

  it.each([
    [
      '2026-03-29 02:30 Paris, skipped',
      { year: 2026, month: 3, day: 29 },
      { hour: 2, minute: 30, second: 0 },
      null,
    ],
    [
      '2026-03-29 03:00 Paris',
      { year: 2026, month: 3, day: 29 },
      { hour: 3, minute: 0, second: 0 },
      '2026-03-29T01:00:00.000Z',
    ],
    [
      '2026-10-25 02:30 Paris, twice, in winter time',
      { year: 2026, month: 10, day: 25 },
      { hour: 2, minute: 30, second: 0 },
      '2026-10-25T01:30:00.000Z',
    ],
  ])('reads %s', (_case, day, time, expected) => {
    expect(localClock('Europe/Paris')(day, time)?.toISOString() ?? null).toBe(expected);
  });

  // The machine's date must not matter: a repeated autumn time once took the offset of the day
  // the import ran (its first occurrence in summer, its second in winter).
  describe.each(['2027-05-31T21:30:00Z', '2027-01-15T12:00:00Z'])(
    'on a machine dated %s',
    (now) => {
      beforeEach(() => jest.useFakeTimers({ now: new Date(now), doNotFake: ['nextTick'] }));
      afterEach(() => jest.useRealTimers());

      it('reads 02:30 on the autumn night in Paris as its second occurrence', () => {
        const day = { year: 2026, month: 10, day: 25 };
        const time = { hour: 2, minute: 30, second: 0 };
        expect(toInstant(day, time, 'Europe/Paris')?.toISOString()).toBe(
          '2026-10-25T01:30:00.000Z',
        );
        expect(localClock('Europe/Paris')(day, time)?.toISOString()).toBe(
          '2026-10-25T01:30:00.000Z',
        );
      });
    },
  );
});

describe('formatLocal and formatLocalInterval', () => {
  const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];

  it('write the local day and time as luxon does, in any zone, midnight as 00:00', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        fc.constantFrom(...ZONES),
        (at, minutes, zone) => {
          const start = new Date(at - (at % 60_000));
          const end = new Date(start.getTime() + minutes * 60_000);
          const local = (d: Date) => DateTime.fromJSDate(d, { zone });
          const from = local(start);
          const to = local(end);
          expect(formatLocal(start, zone)).toBe(from.toFormat('yyyy-MM-dd HH:mm'));
          expect(formatLocalInterval(start, end, zone)).toBe(
            `${from.toFormat('yyyy-MM-dd HH:mm')}–${to.toFormat(from.hasSame(to, 'day') ? 'HH:mm' : 'yyyy-MM-dd HH:mm')}`,
          );
        },
      ),
      { numRuns: 2000 },
    );
    expect(formatLocal(new Date('2026-11-01T23:00:00Z'), 'Europe/Paris')).toBe('2026-11-02 00:00');
  });
});

describe('localWallClock and localDateTime', () => {
  it('write an instant as the wall-clock time of the zone, as formatLocal does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom('Europe/Paris', 'America/New_York', 'Pacific/Chatham'),
        (at, zone) => {
          const instant = new Date(at - (at % 60_000));
          expect(localWallClock(instant, zone)).toBe(formatLocal(instant, zone).replace(' ', 'T'));
        },
      ),
    );
    expect(localWallClock(new Date('2026-11-01T23:00:00Z'), 'Europe/Paris')).toBe(
      '2026-11-02T00:00',
    );
  });

  it('write a day and a time of the export as they were, seconds left out', () => {
    const written = localDateTime(
      { year: 2026, month: 3, day: 9 },
      { hour: 2, minute: 5, second: 30 },
    );
    expect(written).toBe('2026-03-09T02:05');
  });
});

describe('hoursToSeconds', () => {
  it.each([
    ['7.5', 27_000],
    ['7,5', 27_000],
    ['0,25', 900],
    ['.5', 1_800],
    ['8', 28_800],
    ['1:30', 5_400],
    ['01:30:15', 5_415],
    ['25:00:00', 90_000],
    ['0.00', 0],
    ['1:75', null],
    ['1h30', null],
    ['-1', null],
    ['', null],
  ])('reads %j as %p seconds', (value, seconds) => {
    expect(hoursToSeconds(value)).toBe(seconds);
  });
});

describe('dateOrderEvidence', () => {
  const cells = (...values: string[]) =>
    values.map((value, n) => ({ value, line: n + 2, column: 'Start Date' }));

  it.each([
    ['a day above 12 first', ['03/04/2026', '13/04/2026'], 'DMY'],
    ['a day above 12 second', ['03/04/2026', '04/21/2026'], 'MDY'],
    ['nothing above 12', ['03/04/2026', '05/06/2026'], null],
    ['both orders', ['13/04/2026', '04/21/2026'], null],
    ['no slashed date', ['2026-04-13', '13.04.2026'], null],
  ] as const)('%s gives %p', (_, values, order) => {
    expect(dateOrderEvidence(cells(...values)).order).toBe(order);
  });

  it('names the first slashed date, and the first proving each order', () => {
    expect(
      dateOrderEvidence(cells('2026-04-01', '03/04/2026', '13/04/2026', '04/21/2026')),
    ).toEqual({
      order: null,
      firstSlashed: { value: '03/04/2026', line: 3, column: 'Start Date' },
      dayFirst: { value: '13/04/2026', line: 4, column: 'Start Date' },
      monthFirst: { value: '04/21/2026', line: 5, column: 'Start Date' },
    });
  });
});

describe('parseLocalDateTime', () => {
  it.each([
    ['2026-05-04 09:00:00', null, '2026-05-04 09:00:00'],
    ['2026-05-04T09:00', null, '2026-05-04 09:00:00'],
    ['13/05/2026 14:30', 'DMY', '2026-05-13 14:30:00'],
    ['05/13/2026 2:30 PM', 'MDY', '2026-05-13 14:30:00'],
  ] as const)('reads %j', (value, order, expected) => {
    const read = parseLocalDateTime(value, order);
    expect(read).not.toBeNull();
    const { day, time } = read!;
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(
      `${day.year}-${pad(day.month)}-${pad(day.day)} ${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`,
    ).toBe(expected);
  });

  it.each(['2026-05-04', '2026-05-32 09:00', '2026-05-04 25:00', 'demain 9h'])(
    'refuses %j',
    (value) => {
      expect(parseLocalDateTime(value, null)).toBeNull();
    },
  );
});
