import { monthBounds } from '../calendar';
import { monthOfInstant, toInt } from './report-sql';

describe('monthOfInstant', () => {
  it('names each local month by the instant its end falls on', () => {
    const months = ['2026-03', '2026-04'].map((month) => ({
      month,
      end: monthBounds(month, 'Europe/Paris').end,
    }));
    const { sql, params } = monthOfInstant('r."createdAt"', months);
    expect(sql).toBe(
      `CASE WHEN r."createdAt" < :monthEnd0 THEN '2026-03' WHEN r."createdAt" < :monthEnd1 THEN '2026-04' END`,
    );
    // Paris is at UTC+2 from the end of March: April starts at 22:00 UTC on 31 March.
    expect(params).toEqual({
      monthEnd0: '2026-03-31T22:00:00.000Z',
      monthEnd1: '2026-04-30T22:00:00.000Z',
    });
  });

  it('refuses anything but a month, since months are written into the SQL', () => {
    expect(() =>
      monthOfInstant('x', [{ month: "2026-01' OR 1=1", end: new Date('2026-02-01T00:00:00Z') }]),
    ).toThrow(RangeError);
  });
});

describe('toInt', () => {
  it.each([
    ['12', 12],
    [12, 12],
    [null, 0],
    [undefined, 0],
  ])('reads %p from the database as %p', (value, expected) => {
    expect(toInt(value)).toBe(expected);
  });

  it('refuses what is not a number', () => {
    expect(() => toInt('abc')).toThrow('Not a number from the database: "abc"');
  });
});
