import { DateTime } from 'luxon';
import { WEEKDAYS, type WeeklyHours } from '../common/domain';

/** When no business hours say otherwise. */
const NINE = { hour: 9, minute: 0 };

/**
 * Where a day's work begins for an import that gives durations without times of day: the
 * opening of the day's first business hours, or of the week's first working day on a day
 * without any (a weekend), or 09:00.
 */
export function dayStartOf(
  hours: WeeklyHours,
): (day: { year: number; month: number; day: number }) => { hour: number; minute: number } {
  const opening = (weekday: (typeof WEEKDAYS)[number]) => {
    const spans = [...(hours[weekday] ?? [])].sort(([a], [b]) => a.localeCompare(b));
    return spans.length > 0 ? clock(spans[0][0]) : null;
  };
  const usual = WEEKDAYS.map(opening).find((time) => time !== null) ?? NINE;
  return ({ year, month, day }) => {
    const weekday = WEEKDAYS[DateTime.utc(year, month, day).weekday - 1];
    return opening(weekday) ?? usual;
  };
}

function clock(text: string): { hour: number; minute: number } {
  const [hour, minute] = text.split(':').map(Number);
  return Number.isInteger(hour) && Number.isInteger(minute) ? { hour, minute } : NINE;
}
