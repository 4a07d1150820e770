import { timerEnd, workTimeProblems } from './work-times';

const now = new Date('2026-11-29T15:00:00Z');
const at = (iso: string) => new Date(iso);

describe('workTimeProblems', () => {
  it.each([
    ['an hour this morning', '2026-11-29T08:00:00Z', '2026-11-29T09:00:00Z', []],
    ['exactly 24 hours', '2026-11-27T08:00:00Z', '2026-11-28T08:00:00Z', []],
    ['ending 5 minutes ahead of the clock', '2026-11-29T14:00:00Z', '2026-11-29T15:05:00Z', []],
    ['ending 6 minutes ahead', '2026-11-29T14:00:00Z', '2026-11-29T15:06:00Z', ['endedAt']],
    ['an end before the start', '2026-11-29T09:00:00Z', '2026-11-29T08:00:00Z', ['endedAt']],
    ['no time at all', '2026-11-29T09:00:00Z', '2026-11-29T09:00:00Z', ['endedAt']],
    ['24 h and a minute', '2026-11-27T08:00:00Z', '2026-11-28T08:01:00Z', ['endedAt']],
    ['tomorrow', '2026-11-30T08:00:00Z', '2026-11-30T09:00:00Z', ['startedAt', 'endedAt']],
  ])('%s', (_, start, end, fields) => {
    expect(workTimeProblems(at(start), at(end), now).map((p) => p.field)).toEqual(fields);
  });

  it('says how long an over-long entry lasts', () => {
    const [problem] = workTimeProblems(at('2026-11-27T08:00:00Z'), at('2026-11-28T09:30:00Z'), now);
    expect(problem.message).toBe('an intervention lasts at most 24 h; this one lasts 25 h 30');
  });
});

describe('timerEnd', () => {
  it.each([
    ['running for an hour: ends now', '2026-11-29T14:00:00Z', now.toISOString(), false],
    ['running for exactly 12 h: ends now', '2026-11-29T03:00:00Z', now.toISOString(), false],
    [
      'left running 13 h: stopped at 12 h',
      '2026-11-29T02:00:00Z',
      '2026-11-29T14:00:00.000Z',
      true,
    ],
  ])('%s', (_, start, end, autoStopped) => {
    expect(timerEnd(at(start), now)).toEqual({ end: at(end), autoStopped });
  });
});
