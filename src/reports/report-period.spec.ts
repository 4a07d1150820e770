import { DEFAULT_BUSINESS_HOURS, type CalendarSettings } from '../common/domain';
import { DomainError } from '../common/domain-error';
import { assertDayPeriod, assertMonthPeriod, daysOf, daysOffIn } from './report-period';

const calendar = (over: Partial<CalendarSettings> = {}): CalendarSettings => ({
  timezone: 'Europe/Paris',
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
  ...over,
});

function refusal(check: () => void): { field?: string; message: string } | undefined {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return ((error as DomainError).details as { field?: string; message: string }[])[0];
  }
  return undefined;
}

describe('report periods', () => {
  it.each([
    ['2026-03-02', '2026-03-08', undefined],
    ['2026-03-08', '2026-03-08', undefined],
    ['2017-01-01', '2026-12-31', undefined],
    ['2026-03-08', '2026-03-02', 'to'],
    ['2016-01-01', '2026-12-31', 'to'],
    ['2026-02-30', '2026-03-02', 'from'],
  ])('a day period from %s to %s is refused on %s', (from, to, field) => {
    expect(refusal(() => assertDayPeriod({ from, to }))?.field).toBe(field);
  });

  it('names the length of a period that is too long', () => {
    expect(refusal(() => assertDayPeriod({ from: '2016-01-01', to: '2026-12-31' }))?.message).toBe(
      'the period is 4018 days long; at most 3660',
    );
  });

  it.each([
    ['2026-01', '2026-12', undefined],
    ['2017-01', '2026-12', undefined],
    ['2016-12', '2026-12', 'to'],
    ['2026-05', '2026-01', 'to'],
  ])('a month period from %s to %s is refused on %s', (from, to, field) => {
    expect(refusal(() => assertMonthPeriod({ from, to }))?.field).toBe(field);
  });

  it('lists every day of a period across a month end', () => {
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});

describe('daysOffIn', () => {
  it('gives the holidays of the practice calendar within the period, across a year end', () => {
    expect(daysOffIn({ from: '2025-12-20', to: '2026-01-05' }, calendar())).toEqual([
      { date: '2025-12-25', name: 'Noël', kind: 'holiday' },
      { date: '2026-01-01', name: "Jour de l'an", kind: 'holiday' },
    ]);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle, and the closure days', () => {
    const days = daysOffIn(
      { from: '2026-04-01', to: '2026-12-31' },
      calendar({ holidayCalendar: 'FR-57', closures: ['2026-08-14', '2027-01-04'] }),
    );
    expect(days.map((d) => `${d.date} ${d.kind}`)).toEqual(
      expect.arrayContaining(['2026-04-03 holiday', '2026-08-14 closure', '2026-12-26 holiday']),
    );
    expect(days.map((d) => d.date)).not.toContain('2027-01-04');
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });

  it('has only the closures with no public holiday calendar', () => {
    const days = daysOffIn(
      { from: '2026-01-01', to: '2026-12-31' },
      calendar({ holidayCalendar: 'none', closures: ['2026-05-15'] }),
    );
    expect(days).toEqual([{ date: '2026-05-15', name: 'closure', kind: 'closure' }]);
  });
});
