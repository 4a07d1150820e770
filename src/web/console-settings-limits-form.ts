/**
 * The guardrails' limits on the settings page: durations typed in hours ("7,5"), read as the
 * minutes of the API's UpdatePracticeDto, and counts as whole numbers.
 */
import type { FieldProblem } from '../common/validation';
import type { Practice } from '../practice/practice.entity';
import { blanks, type FormValues, Text, unreadable } from './console-forms';
import { hoursToMinutes, wholeNumber } from './form-readers';

export class LimitsForm {
  @Text(10) readonly maxWeekly?: string;
  @Text(10) readonly alertWeekly?: string;
  @Text(10) readonly maxDaily?: string;
  @Text(10) readonly minDailyRest?: string;
  @Text(10) readonly minWeeklyDaysOff?: string;
  @Text(10) readonly maxAfterHours?: string;
  @Text(10) readonly maxUrgentInterruptionsPerDay?: string;
  @Text(10) readonly minWeeklyRest?: string;
  @Text(10) readonly maxAverageWeekly?: string;
  @Text(10) readonly averageWeeks?: string;
  @Text(10) readonly maxNight?: string;
  @Text(10) readonly maxConsecutiveWorkDays?: string;
}

/** The limits typed in hours, each with the API field it feeds (in minutes). */
const LIMIT_HOURS = {
  maxWeekly: 'maxWeeklyMinutes',
  alertWeekly: 'alertWeeklyMinutes',
  maxDaily: 'maxDailyMinutes',
  minDailyRest: 'minDailyRestMinutes',
  maxAfterHours: 'maxAfterHoursMinutesPerWeek',
  minWeeklyRest: 'minWeeklyRestMinutes',
  maxAverageWeekly: 'maxAverageWeeklyMinutes',
  maxNight: 'maxNightMinutesPerWeek',
} as const;
const LIMIT_COUNTS = [
  'minWeeklyDaysOff',
  'maxUrgentInterruptionsPerDay',
  'averageWeeks',
  'maxConsecutiveWorkDays',
] as const;

export const LIMITS_PATHS: Record<string, string> = Object.fromEntries([
  ...Object.entries(LIMIT_HOURS).map(([input, field]): [string, string] => [
    input,
    `limits.${field}`,
  ]),
  ...LIMIT_COUNTS.map((input): [string, string] => [input, `limits.${input}`]),
]);

/** The limits typed in hours, as the form's problems name their unit. */
export const LIMITS_UNITS = Object.fromEntries(
  Object.keys(LIMIT_HOURS).map((input) => [input, 'hours' as const]),
);

/** Minutes as hours people read: 2880 → "48", 450 → "7,5" (or "7.5"). */
function hoursText(minutes: number, locale: string): string {
  const hours = String(Math.round((minutes / 60) * 100) / 100);
  return locale === 'fr' ? hours.replace('.', ',') : hours;
}

export function limitsValues(p: Practice, locale: string): FormValues {
  return {
    ...Object.fromEntries(
      Object.entries(LIMIT_HOURS).map(([input, field]) => [
        input,
        hoursText(p.limits[field], locale),
      ]),
    ),
    ...Object.fromEntries(LIMIT_COUNTS.map((input) => [input, String(p.limits[input])])),
  };
}

export function limitsPlain(form: LimitsForm): Record<string, unknown> {
  return {
    limits: {
      ...Object.fromEntries(
        Object.entries(LIMIT_HOURS).map(([input, field]) => [
          field,
          hoursToMinutes(form[input as keyof typeof LIMIT_HOURS]) ?? '',
        ]),
      ),
      ...Object.fromEntries(LIMIT_COUNTS.map((input) => [input, wholeNumber(form[input]) ?? ''])),
    },
  };
}

export function limitsUnreadable(form: LimitsForm): FieldProblem[] {
  const empty = blanks(
    Object.entries(LIMITS_PATHS).map(([input, field]): [string | undefined, string] => [
      form[input as keyof LimitsForm],
      field,
    ]),
  );
  const hours = Object.entries(LIMIT_HOURS)
    .filter(
      ([input]) => typeof hoursToMinutes(form[input as keyof typeof LIMIT_HOURS]) === 'string',
    )
    .map(([, field]) => unreadable(`limits.${field}`, 'form.hours'));
  return [...empty, ...hours];
}
