import { DEFAULT_BUSINESS_HOURS } from '../common/domain';
import type { CalendarSettings } from '../common/domain';
import { weeklyReportDueAt } from './weekly-report-mail.service';

const PARIS: CalendarSettings = {
  timezone: 'Europe/Paris',
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
};

describe('when the weekly report leaves', () => {
  it.each([
    ['Sunday 10:00', '2026-12-20T09:00:00Z', null],
    ['Monday 08:59, before the opening', '2026-12-21T07:59:00Z', null],
    ['Monday 09:00, the opening', '2026-12-21T08:00:00Z', ['2026-W51', '2026-12-14', '2026-12-20']],
    ['Monday 17:59', '2026-12-21T16:59:00Z', ['2026-W51', '2026-12-14', '2026-12-20']],
    ['Monday 19:00, the evening', '2026-12-21T18:00:00Z', null],
    ['Tuesday 09:00', '2026-12-22T08:00:00Z', null],
    // Easter Monday is a public holiday: the week's first business day is Tuesday.
    ['Easter Monday 2027, 10:00', '2027-03-29T08:00:00Z', null],
    ['the Tuesday after, 09:00', '2027-03-30T07:00:00Z', ['2027-W12', '2027-03-22', '2027-03-28']],
    // The first week of 2027 reports on the last of 2026 (ISO week 53).
    [
      'Monday 4 January 2027, 09:00',
      '2027-01-04T08:00:00Z',
      ['2026-W53', '2026-12-28', '2027-01-03'],
    ],
  ])('%s: %j', (_label, at, expected) => {
    const due = weeklyReportDueAt(new Date(at), PARIS);
    expect(due && [due.week, due.period.from, due.period.to]).toEqual(expected);
  });
});
