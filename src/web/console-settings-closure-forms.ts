/**
 * The closures on the settings page: a closure added from one day to another (at most a year of
 * days), and one day removed.
 */
import { DateTime } from 'luxon';
import type { FieldProblem } from '../common/validation';
import { given, Text } from './console-forms';

export class ClosureForm {
  @Text(10) readonly from?: string;
  @Text(10) readonly to?: string;
}

export class ClosureRemovalForm {
  @Text(10) readonly day?: string;
}

/** A closure added at once covers at most this many days. */
export const MAX_CLOSURE_RANGE_DAYS = 366;

const dayOf = (text: string) => DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: 'utc' });

/**
 * The days of a closure, from `from` to `to` (one day when `to` is empty); a `from` that is no
 * day is passed on as typed, for the DTO to name. An end that is no day, before the start, or
 * more than a year after it, is said beside the end.
 */
export function closureDays(form: ClosureForm): { days: string[]; problems: FieldProblem[] } {
  const from = form.from?.trim() ?? '';
  const to = given(form.to);
  const start = dayOf(from);
  if (to === undefined || to === from || !start.isValid) return { days: [from], problems: [] };
  const end = dayOf(to);
  if (!end.isValid) {
    const message = 'to must be a day YYYY-MM-DD';
    return { days: [], problems: [{ field: 'closures.to', code: 'isLocalDate', message }] };
  }
  const count = Math.round(end.diff(start, 'days').days) + 1;
  if (count < 1 || count > MAX_CLOSURE_RANGE_DAYS) {
    const problem = {
      field: 'closures.to',
      code: 'settings.closureRange',
      message: 'to must be on or after from, at most a year later',
      maxDays: MAX_CLOSURE_RANGE_DAYS,
    };
    return { days: [], problems: [problem] };
  }
  const days = Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate());
  return { days, problems: [] };
}
