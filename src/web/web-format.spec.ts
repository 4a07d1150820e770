import { formatters } from './web-format';

describe('the pages’ formatters', () => {
  const fr = formatters('fr');
  const en = formatters('en');

  it('says a week by its Monday, in words', () => {
    expect(fr.week('2026-11-30')).toBe('semaine du 30 novembre');
    expect(en.week('2026-11-30')).toBe('week of 30 November');
    expect(fr.week('2026-06-01')).toBe('semaine du 1er juin');
    expect(en.week('2026-06-01')).toBe('week of 1 June');
  });

  it('says a month in words', () => {
    expect(fr.month('2026-12')).toBe('décembre 2026');
    expect(en.month('2026-12')).toBe('December 2026');
    expect(fr.month('2027-01')).toBe('janvier 2027');
  });

  it('writes a day with its month in words, the year when asked', () => {
    expect(fr.dayMonth('2026-12-06')).toBe('6 décembre');
    expect(fr.dayMonthYear('2027-01-01')).toBe('1er janvier 2027');
    expect(en.dayMonthYear('2026-12-06')).toBe('6 December 2026');
  });

  it('writes dates in the reader’s form', () => {
    expect(fr.date('2026-12-06')).toBe('06/12/2026');
    expect(en.date('2026-12-06')).toBe('6 Dec 2026');
  });
});
