import { fillLabel, hoursText, labelsFor, monthText } from './labels';

it.each([
  ['2026-05', 'en', 'May 2026'],
  ['2026-08', 'fr', 'août 2026'],
] as const)('the month %s reads "%s" in %s', (month, locale, text) => {
  expect(monthText(month, locale)).toBe(text);
});

it('writes French decimals with a comma', () => {
  expect(hoursText(1.25, 'fr')).toBe('1,25');
  expect(hoursText(1.25, 'en')).toBe('1.25');
});

it('fills known placeholders and leaves unknown ones visible', () => {
  expect(fillLabel('{a} and {b}', { a: 'x' })).toBe('x and {b}');
});

it('lets the practice override one text and keep the others', () => {
  const labels = labelsFor('fr', { time: '{activity}' });
  expect(labels.time).toBe('{activity}');
  expect(labels.urgencyNames.critical).toBe('critique');
});
