/**
 * The practice's calendar on the settings page as a browser posts it: its zone, holiday calendar,
 * digest hour and each weekday's hours typed "09:00-12:00, 14:00-18:00", read as the intervals of
 * the API's UpdatePracticeDto; a day whose hours cannot be used is said beside its input.
 */
import { WEEKDAYS, type Weekday, type WeeklyHours } from '../common/domain';
import type { FieldProblem } from '../common/validation';
import { validateWeeklyHours } from '../calendar/weekly-hours';
import type { Practice } from '../practice/practice.entity';
import { type FormValues, given, Text } from './console-forms';

export class CalendarForm {
  @Text(100) readonly timezone?: string;
  @Text(10) readonly holidayCalendar?: string;
  @Text(120) readonly mon?: string;
  @Text(120) readonly tue?: string;
  @Text(120) readonly wed?: string;
  @Text(120) readonly thu?: string;
  @Text(120) readonly fri?: string;
  @Text(120) readonly sat?: string;
  @Text(120) readonly sun?: string;
  /** The hour of the consultant's digest, HH:MM; empty: at the opening of business hours. */
  @Text(10) readonly digestTime?: string;
}

export const CALENDAR_PATHS = Object.fromEntries(WEEKDAYS.map((d) => [d, `businessHours.${d}`]));

/** "09:00-12:00, 14:00-18:00"; an empty text for a day off. */
export function dayText(intervals: readonly (readonly [string, string])[]): string {
  return intervals.map(([from, to]) => `${from}-${to}`).join(', ');
}

export function calendarValues(p: Practice): FormValues {
  return {
    timezone: p.timezone,
    holidayCalendar: p.holidayCalendar,
    ...Object.fromEntries(WEEKDAYS.map((day) => [day, dayText(p.businessHours[day] ?? [])])),
    digestTime: p.digestTime ?? '',
  };
}

/** "9h", "9:00", "14h30", "0900" → "09:00", "14:30"; anything else as typed. */
function timeOf(text: string): string {
  const match = /^(\d{1,2})(?:[:h.]?(\d{2}))?h?$/i.exec(text.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2] ?? '00'}` : text.trim();
}

/** One day's hours as typed, as intervals: "9h-12h ; 14:00–18:00" → [["09:00","12:00"], …]. */
export function dayIntervals(text: string | undefined): [string, string][] {
  return (text ?? '')
    .split(/[,;/]|\s+et\s+|\s+and\s+/i)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [from, to = ''] = part.split(/\s*(?:-|–|—|\sà\s|\sto\s)\s*/i);
      return [timeOf(from), timeOf(to)];
    });
}

/** The week's hours, and the days whose hours cannot be used (said beside the day's input). */
export function weekOf(form: CalendarForm): { hours: WeeklyHours; problems: FieldProblem[] } {
  const hours = {} as WeeklyHours;
  const problems: FieldProblem[] = [];
  for (const day of WEEKDAYS) {
    const intervals = dayIntervals(form[day]);
    const alone = { ...emptyWeek(), [day]: intervals };
    const wrong = validateWeeklyHours(alone);
    hours[day] = wrong.length ? [] : intervals;
    if (wrong.length) {
      problems.push({
        field: `businessHours.${day}`,
        code: 'settings.dayHours',
        message: wrong[0],
      });
    }
  }
  return { hours, problems };
}

function emptyWeek(): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((d: Weekday) => [d, []])) as unknown as WeeklyHours;
}

export function calendarPlain(form: CalendarForm, hours: WeeklyHours): Record<string, unknown> {
  return {
    timezone: form.timezone?.trim() ?? '',
    holidayCalendar: form.holidayCalendar ?? '',
    businessHours: hours,
    digestTime: digestTimeOf(form.digestTime),
  };
}

/** "8h30" → "08:30"; empty: null, the opening of business hours; else as typed, for the DTO. */
function digestTimeOf(text: string | undefined): string | null {
  const value = given(text);
  return value === undefined ? null : timeOf(value);
}
