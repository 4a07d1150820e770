import fc from 'fast-check';
import {
  addDays,
  dayBounds,
  durationMinutes,
  firstDayOfNextMonth,
  intervalsOverlap,
  isoWeekBounds,
  isValidLocalDate,
  isValidTimeZone,
  localDate,
  localMonth,
  localTimeToInstant,
  monthBounds,
  splitByLocalDay,
  weekdayOf,
} from './periods';

const PARIS = 'Europe/Paris';
const utc = (iso: string) => new Date(iso);
const hoursOf = (interval: { start: Date; end: Date }) =>
  (interval.end.getTime() - interval.start.getTime()) / 3_600_000;

describe('local days and months in the practice time zone', () => {
  it.each([
    ['2026-03-28T23:30:00Z', PARIS, '2026-03-29'],
    ['2026-06-30T21:59:59Z', PARIS, '2026-06-30'],
    ['2026-06-30T22:00:00Z', PARIS, '2026-07-01'],
    ['2026-06-30T22:00:00Z', 'America/New_York', '2026-06-30'],
    ['2026-06-30T12:00:00Z', 'Pacific/Auckland', '2026-07-01'],
  ])('%s is local day %s in %s', (iso, tz, expected) => {
    expect(localDate(utc(iso), tz)).toBe(expected);
  });

  it.each([
    ['2026-01-31T23:30:00Z', '2026-02'],
    ['2026-12-31T22:59:59Z', '2026-12'],
    ['2026-12-31T23:00:00Z', '2027-01'],
  ])('%s falls in month %s in Paris', (iso, expected) => {
    expect(localMonth(utc(iso), PARIS)).toBe(expected);
  });

  it.each([
    ['2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['2026-10', '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
    ['2026-12', '2026-11-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
  ])('month %s runs from %s to %s (exclusive) in Paris', (month, start, end) => {
    const bounds = monthBounds(month, PARIS);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });

  it.each([
    ['2026-01', '2026-02-01'],
    ['2026-02', '2026-03-01'],
    ['2026-09', '2026-10-01'],
    ['2026-12', '2027-01-01'],
  ])('a monthly quota of %s resets on %s', (month, expected) => {
    expect(firstDayOfNextMonth(month)).toBe(expected);
  });

  it.each(['2026-13', '2026-1', 'March'])('refuses "%s" as a month', (month) => {
    expect(() => firstDayOfNextMonth(month)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-26T12:00:00Z', '2026-W48', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z'],
    ['2027-01-01T12:00:00Z', '2026-W53', '2026-12-27T23:00:00.000Z', '2027-01-03T23:00:00.000Z'],
    ['2026-03-29T21:59:00Z', '2026-W13', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['2026-03-29T22:00:00Z', '2026-W14', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z'],
  ])('%s is in ISO week %s, Monday %s to Monday %s', (iso, week, start, end) => {
    const bounds = isoWeekBounds(utc(iso), PARIS);
    expect(bounds.week).toBe(week);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });
});

describe('days across daylight-saving changes', () => {
  it.each([
    ['2026-03-28', 24],
    ['2026-03-29', 23],
    ['2026-10-25', 25],
  ])('local day %s lasts %i hours in Paris', (day, hours) => {
    expect(hoursOf(dayBounds(day, PARIS))).toBe(hours);
  });

  it.each([
    ['2026-03-29', 300],
    ['2026-10-25', 420],
    ['2026-06-14', 360],
  ])('local 00:00 to 06:00 on %s lasts %i minutes', (day, minutes) => {
    const start = localTimeToInstant(day, 0, PARIS);
    const end = localTimeToInstant(day, 6 * 60, PARIS);
    expect(durationMinutes(start, end)).toBe(minutes);
  });

  it('takes the first occurrence of a wall-clock time repeated when clocks go back', () => {
    expect(localTimeToInstant('2026-10-25', 150, PARIS).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(localTimeToInstant('2026-10-25', 180, PARIS).toISOString()).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() => localTimeToInstant('2026-10-25', 0, 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => localDate(utc('2026-10-25T00:00:00Z'), 'Europe/Atlantis')).toThrow(RangeError);
  });

  it('moves a wall-clock time skipped by the spring change forward', () => {
    expect(localTimeToInstant('2026-03-29', 150, PARIS).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });
});

describe('splitByLocalDay', () => {
  const summary = (pieces: ReturnType<typeof splitByLocalDay>) =>
    pieces.map((p) => [p.date, p.minutes]);

  it('cuts an evening intervention at local midnight', () => {
    const pieces = splitByLocalDay(utc('2026-06-10T21:30:00Z'), utc('2026-06-10T23:15:00Z'), PARIS);
    expect(summary(pieces)).toEqual([
      ['2026-06-10', 30],
      ['2026-06-11', 75],
    ]);
    expect(pieces[1].start.toISOString()).toBe('2026-06-10T22:00:00.000Z');
  });

  it('gives the spring-forward day its 23 hours', () => {
    const start = localTimeToInstant('2026-03-28', 22 * 60, PARIS);
    const end = localTimeToInstant('2026-03-30', 60, PARIS);
    expect(summary(splitByLocalDay(start, end, PARIS))).toEqual([
      ['2026-03-28', 120],
      ['2026-03-29', 1380],
      ['2026-03-30', 60],
    ]);
  });

  it('gives the fall-back day its 25 hours', () => {
    const { start, end } = dayBounds('2026-10-25', PARIS);
    expect(summary(splitByLocalDay(start, end, PARIS))).toEqual([['2026-10-25', 1500]]);
  });

  it('returns nothing for an empty or reversed interval', () => {
    const at = utc('2026-06-10T10:00:00Z');
    expect(splitByLocalDay(at, at, PARIS)).toEqual([]);
    expect(splitByLocalDay(at, utc('2026-06-10T09:00:00Z'), PARIS)).toEqual([]);
  });

  it('keeps the total and each piece within one local day, for any interval and zone', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
    const instant = fc.integer({
      min: Date.UTC(2024, 0, 1),
      max: Date.UTC(2028, 11, 31),
    });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 5 * 86_400_000 }),
        fc.constantFrom(...zones),
        (from, length, tz) => {
          const [start, end] = [new Date(from), new Date(from + length)];
          const pieces = splitByLocalDay(start, end, tz);
          const total = pieces.reduce((sum, piece) => sum + piece.minutes, 0);
          expect(total).toBe(durationMinutes(start, end));
          pieces.forEach((piece, i) => {
            const day = dayBounds(piece.date, tz);
            expect(piece.start.getTime()).toBeGreaterThanOrEqual(day.start.getTime());
            expect(piece.end.getTime()).toBeLessThanOrEqual(day.end.getTime());
            expect(piece.start.getTime()).toBe(i === 0 ? from : pieces[i - 1].end.getTime());
          });
          if (pieces.length > 0)
            expect(pieces[pieces.length - 1].end.getTime()).toBe(from + length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('calendar helpers', () => {
  it.each([
    ['Europe/Paris', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Europe/Pariss', false],
    ['CET+1', false],
    ['', false],
  ])('time zone "%s" valid: %p', (tz, expected) => {
    expect(isValidTimeZone(tz)).toBe(expected);
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['01/04/2026', false],
  ])('local date "%s" valid: %p', (date, expected) => {
    expect(isValidLocalDate(date)).toBe(expected);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-15', 60, '2026-03-16'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-11-30', 'mon'],
    ['2026-07-14', 'tue'],
    ['2026-11-27', 'fri'],
    ['2026-11-29', 'sun'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['10:00', '11:00', '10:30', '12:00', true],
    ['10:00', '11:00', '11:00', '12:00', false],
    ['10:00', '12:00', '10:30', '11:00', true],
    ['10:00', '11:00', '09:00', '10:00', false],
  ])('[%s, %s) and [%s, %s) overlap: %p', (a1, a2, b1, b2, expected) => {
    const at = (hhmm: string) => utc(`2026-06-10T${hhmm}:00Z`);
    const [a, b] = [
      { start: at(a1), end: at(a2) },
      { start: at(b1), end: at(b2) },
    ];
    expect(intervalsOverlap(a, b)).toBe(expected);
    expect(intervalsOverlap(b, a)).toBe(expected);
  });

  it('rounds durations to the nearest minute and never goes negative', () => {
    expect(durationMinutes(utc('2026-06-10T10:00:00Z'), utc('2026-06-10T10:01:29Z'))).toBe(1);
    expect(durationMinutes(utc('2026-06-10T10:00:00Z'), utc('2026-06-10T10:01:30Z'))).toBe(2);
    expect(durationMinutes(utc('2026-06-10T10:00:00Z'), utc('2026-06-10T09:00:00Z'))).toBe(0);
  });
});
