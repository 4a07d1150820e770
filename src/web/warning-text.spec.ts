import type { Translate } from './i18n';
import { warningText } from './warning-text';

const texts: Record<string, string> = {
  'warning.weekly_limit': '{value} this week ({week}), limit {limit}',
  'warning.daily_rest': 'rest of {value} before {date}, minimum {limit}',
  'warning.urgent_interruptions': '{value} urgent interruptions on {date}, limit {limit}',
  'warning.period_open': 'the period runs until {date}',
};
const t: Translate = (key, vars) =>
  (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? ''));
const fmt = {
  date: (d: string) => d.split('-').reverse().join('/'),
  hours: (m: number) =>
    `${Math.floor(m / 60)} h${m % 60 ? ` ${String(m % 60).padStart(2, '0')}` : ''}`,
};

describe('warningText', () => {
  it.each([
    [
      { code: 'weekly_limit', message: 'x', value: 2970, limit: 2880, week: '2026-W48' },
      '49 h 30 this week (2026-W48), limit 48 h',
    ],
    [
      { code: 'daily_rest', message: 'x', value: 540, limit: 660, date: '2026-11-26' },
      'rest of 9 h before 26/11/2026, minimum 11 h',
    ],
    [
      { code: 'urgent_interruptions', message: 'x', value: 4, limit: 3, date: '2026-11-26' },
      '4 urgent interruptions on 26/11/2026, limit 3',
    ],
    [
      { code: 'period_open', message: 'The period runs until 2026-12-31', date: '2026-12-31' },
      'the period runs until 31/12/2026',
    ],
    [{ code: 'outside_contract', message: 'the words of the service' }, 'the words of the service'],
  ])('words %j', (w, expected) => {
    expect(warningText(w, t, fmt)).toBe(expected);
  });
});
