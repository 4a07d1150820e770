import { alertText } from './alert-text';
import type { Translate } from './i18n';

const texts: Record<string, string> = {
  'alert.included': '{reference}: {percent} % of the {allowance} included in {month} used ({used})',
  'alert.prepaid': '{reference}: {percent} % of the {allowance} prepaid block used ({used})',
  'alert.ending': '{reference} ends on {date}, {when}',
  'alert.today': 'today',
  'alert.tomorrow': 'tomorrow',
  'alert.inDays': 'in {days} days',
};
const t: Translate = (key, vars) =>
  (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? ''));
const fmt = {
  date: (d: string) => d.split('-').reverse().join('/'),
  hours: (m: number) => `${m / 60} h`,
};

describe('alertText', () => {
  it.each([
    [
      {
        kind: 'usage_80' as const,
        message: 'x',
        figures: {
          reference: 'A',
          allowance: 'included' as const,
          percent: 82,
          minutes: 600,
          used: 492,
          month: '2026-11',
        },
      },
      'A: 82 % of the 10 h included in 2026-11 used (8.2 h)',
    ],
    [
      {
        kind: 'usage_100' as const,
        message: 'x',
        figures: {
          reference: 'B',
          allowance: 'prepaid' as const,
          percent: 100,
          minutes: 1200,
          used: 1200,
        },
      },
      'B: 100 % of the 20 h prepaid block used (20 h)',
    ],
    [
      {
        kind: 'contract_ending' as const,
        message: 'x',
        figures: { reference: 'C', endDate: '2026-12-15', days: 1 },
      },
      'C ends on 15/12/2026, tomorrow',
    ],
    [
      {
        kind: 'contract_ending' as const,
        message: 'x',
        figures: { reference: 'C', endDate: '2026-12-15', days: 20 },
      },
      'C ends on 15/12/2026, in 20 days',
    ],
    [{ kind: 'usage_80' as const, message: 'the stored words', figures: null }, 'the stored words'],
  ])('words %j', (alert, expected) => {
    expect(alertText(alert, t, fmt)).toBe(expected);
  });
});
