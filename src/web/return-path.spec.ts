import { returnPath } from './return-path';

describe('returnPath', () => {
  it.each([
    ['/console/week?date=2026-11-30', '/console/week?date=2026-11-30'],
    ['/accounting', '/accounting'],
    ['/console/contracts/1#usage', '/console/contracts/1#usage'],
  ])('takes a path of this site back: %s', (target, expected) => {
    expect(returnPath(target, '/console')).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['console/week'],
    ['//evil.example/console'],
    ['/\\evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/\t/evil.example'],
    ['/console\n/x'],
  ])('refuses %p and goes to the fallback', (target) => {
    expect(returnPath(target, '/console')).toBe('/console');
  });
});
