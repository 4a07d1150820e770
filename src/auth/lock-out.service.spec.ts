import { errorText } from '../common/error-text';
import { FAILURE_WINDOW_MINUTES, waitFigures } from './lock-out.service';

/** The lock-out's refusal as the API words it, for a wait of `minutes`. */
const refusal = (locale: 'fr' | 'en', minutes: number) =>
  errorText(locale, 'too_many.login', 'developer text', [
    { message: 'developer text', ...waitFigures(minutes) },
  ]);

describe('the lock-out’s wait, in words', () => {
  it.each([
    ['fr', 15, 'réessayez dans 15 minutes'],
    ['fr', 1, 'réessayez dans 1 minute'],
    ['fr', 59, 'réessayez dans 59 minutes'],
    ['fr', 60, 'réessayez dans 1 h'],
    ['fr', 90, 'réessayez dans 1 h 30'],
    ['en', 15, 'try again in 15 minutes'],
    ['en', 1, 'try again in 1 minute'],
    ['en', 60, 'try again in 1 h'],
    ['en', 135, 'try again in 2 h 15'],
  ] as const)('%s, %i minutes: “… %s”', (locale, minutes, end) => {
    const { message, details } = refusal(locale, minutes);
    expect(message.slice(-end.length)).toBe(end);
    expect(details).toEqual([{ message, ...waitFigures(minutes) }]);
  });

  it('keeps the wait in minutes for machines, whatever its length', () => {
    expect(waitFigures(FAILURE_WINDOW_MINUTES)).toEqual({
      waitMinutes: FAILURE_WINDOW_MINUTES,
      minutesToWait: FAILURE_WINDOW_MINUTES,
    });
    expect(waitFigures(90)).toEqual({ waitMinutes: 90, minutesToWait: null });
  });
});
