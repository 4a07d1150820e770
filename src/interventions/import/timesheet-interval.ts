/**
 * When a timesheet row's work began and ended: from dates and times, from date-times, or laid
 * end to end from durations (Harvest), in the file's zone; refused when the clocks skip the
 * time, when the end is not after the start, or when it lasts more than a day.
 */
import {
  durationReadings,
  hoursToSeconds,
  localDateTime,
  localWallClock,
  nextDay,
  parseLocalDateTime,
  secondsOfDay,
  type LocalDay,
  type LocalTime,
} from './local-datetime';
import type { ImportField } from './sources';
import {
  columnName,
  filledCell,
  optionalCell,
  readDay,
  readTime,
  RowRefusal,
} from './timesheet-cells';
import { DEFAULT_DAY_START, type FileContext } from './timesheet-file';

const MAX_ENTRY_MS = 24 * 3600 * 1000;
/** Kimai rounds its durations; a minute of slack still tells a night entry from a typo. */
const DURATION_SLACK_SECONDS = 60;

export function readInterval(values: string[], context: FileContext): { start: Date; end: Date } {
  const { start, end } =
    context.times === 'date_times'
      ? {
          start: readDateTime(values, context, 'startAt'),
          end: readDateTime(values, context, 'endAt'),
        }
      : context.times === 'durations'
        ? laidEndToEnd(values, context)
        : fromDatesAndTimes(values, context);
  checkInterval(start, end, context);
  return { start, end };
}

function fromDatesAndTimes(values: string[], context: FileContext): { start: Date; end: Date } {
  const startDay = readDay(values, context, 'startDate');
  const startTime = readTime(values, context, 'startTime');
  const endTime = readTime(values, context, 'endTime');
  const endDay =
    context.columns.endDate !== undefined
      ? readDay(values, context, 'endDate')
      : endDayFromDuration(values, context, startDay, startTime, endTime);
  const start = instant(startDay, startTime, context, 'startTime');
  const end = instant(endDay, endTime, context, 'endTime');
  return { start, end };
}

function readDateTime(values: string[], context: FileContext, field: 'startAt' | 'endAt'): Date {
  const value = filledCell(values, context, field);
  const read = parseLocalDateTime(value, context.dateOrder);
  if (!read) {
    throw new RowRefusal({
      code: 'not_a_date',
      column: columnName(context, field),
      value,
      expected: context.dateOrder ?? 'ISO',
    });
  }
  return instant(read.day, read.time, context, field);
}

/**
 * A day and a duration, without times of day (Harvest): the day's entries, in the file's order,
 * follow one another from the day's start.
 */
function laidEndToEnd(values: string[], context: FileContext): { start: Date; end: Date } {
  const day = readDay(values, context, 'startDate');
  const value = filledCell(values, context, 'duration');
  const seconds = hoursToSeconds(value);
  const column = columnName(context, 'duration');
  if (seconds === null) throw new RowRefusal({ code: 'not_a_duration', column, value });
  if (seconds === 0) throw new RowRefusal({ code: 'no_duration', column, value });
  const key = localDateTime(day, DEFAULT_DAY_START).slice(0, 10);
  const from = context.dayCursors.get(key) ?? secondsOfDay(context.dayStart(day));
  if (from + seconds > 24 * 3600) throw new RowRefusal({ code: 'day_full', date: key });
  context.dayCursors.set(key, from + seconds);
  const time = {
    hour: Math.floor(from / 3600),
    minute: Math.floor(from / 60) % 60,
    second: from % 60,
  };
  const start = instant(day, time, context, 'startDate');
  return { start, end: new Date(start.getTime() + seconds * 1000) };
}

/**
 * Without an end date (Kimai), an end time before the start time means the entry ran past
 * midnight only when the exported duration agrees; otherwise it is a typo worth refusing.
 */
function endDayFromDuration(
  values: string[],
  context: FileContext,
  startDay: LocalDay,
  startTime: LocalTime,
  endTime: LocalTime,
): LocalDay {
  const sameDaySeconds = secondsOfDay(endTime) - secondsOfDay(startTime);
  if (sameDaySeconds > 0) return startDay;
  const overnight = sameDaySeconds + 24 * 3600;
  const readings = durationReadings(optionalCell(values, context, 'duration'));
  if (readings.some((seconds) => Math.abs(seconds - overnight) <= DURATION_SLACK_SECONDS)) {
    return nextDay(startDay);
  }
  throw new RowRefusal({
    code: 'overnight_unclear',
    startColumn: columnName(context, 'startTime'),
    startTime: optionalCell(values, context, 'startTime'),
    endColumn: columnName(context, 'endTime'),
    endTime: optionalCell(values, context, 'endTime'),
    durationColumn: columnName(context, 'duration'),
    duration: optionalCell(values, context, 'duration'),
  });
}

function instant(day: LocalDay, time: LocalTime, context: FileContext, field: ImportField): Date {
  const result = context.clock(day, time);
  if (result) return result;
  throw new RowRefusal({
    code: 'clocks_forward',
    column: columnName(context, field),
    at: localDateTime(day, time),
    timezone: context.timezone,
  });
}

/** The columns a row's start and end are read from, as the file names them. */
function intervalColumns(context: FileContext): { startColumn: string; endColumn: string } {
  if (context.times === 'date_times') {
    return { startColumn: columnName(context, 'startAt'), endColumn: columnName(context, 'endAt') };
  }
  return {
    startColumn: `${columnName(context, 'startDate')}/${columnName(context, 'startTime')}`,
    endColumn:
      context.columns.endDate !== undefined
        ? `${columnName(context, 'endDate')}/${columnName(context, 'endTime')}`
        : columnName(context, 'endTime'),
  };
}

function checkInterval(start: Date, end: Date, context: FileContext): void {
  const lasted = end.getTime() - start.getTime();
  if (lasted <= 0) {
    throw new RowRefusal({
      code: 'end_not_after_start',
      ...intervalColumns(context),
      start: localWallClock(start, context.timezone),
      end: localWallClock(end, context.timezone),
    });
  }
  if (lasted > MAX_ENTRY_MS) {
    throw new RowRefusal({
      code: 'too_long',
      minutes: Math.round(lasted / 60000),
      maxMinutes: MAX_ENTRY_MS / 60000,
    });
  }
}
