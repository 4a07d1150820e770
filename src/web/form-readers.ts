/**
 * Numbers as people type them in the console's forms (every field a string): what reads as a
 * number becomes one, an empty input is absent, and anything else is passed on as typed, for
 * the form (in its own units) or the API's DTO to say what is wrong beside the field.
 */
import { given } from './console-forms';

/** "12", "-3" → the number (a negative one for the DTO to say it is below its minimum). */
export function wholeNumber(text: string | undefined): number | string | undefined {
  const value = given(text);
  return value !== undefined && /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/**
 * Hours (or days, by their minutes) as typed ("10", "7,5", "−2") → whole minutes, the decimals
 * being hundredths of the unit; empty → undefined; else as typed.
 */
export function hoursToMinutes(
  text: string | undefined,
  minutesPerUnit = 60,
): number | string | undefined {
  const value = given(text);
  const match =
    value === undefined
      ? null
      : /^(-?)(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(value.replace(/^\u2212/, '-'));
  if (!match) return value;
  const hundredths = Number((match[3] ?? '0').padEnd(2, '0'));
  const minutes =
    Number(match[2]) * minutesPerUnit + Math.round((hundredths * minutesPerUnit) / 100);
  return match[1] && minutes !== 0 ? -minutes : minutes;
}
