import { WEEKDAYS, type Weekday, type WeeklyHours } from './calendar-types';

/** Business hours of one weekday in minutes after local midnight, [start, end). */
export interface MinuteSpan {
  start: number;
  end: number;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_OF_DAY = 24 * 60;

/**
 * Minutes after midnight of a local "HH:MM", or null when it is not one. "24:00" (the end of
 * the day) is accepted only for the end of an interval.
 */
export function parseHHMM(s: string, asEnd = false): number | null {
  if (asEnd && s === '24:00') return END_OF_DAY;
  const match = typeof s === 'string' ? TIME_OF_DAY.exec(s) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function formatHHMM(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function isTimePair(value: unknown): value is [string, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  );
}

/** Problems of one day's intervals, each naming the day and the interval at fault. */
function dayProblems(day: Weekday, intervals: unknown): string[] {
  if (!Array.isArray(intervals)) return [`${day}: missing (use [] for a day off)`];
  const problems: string[] = [];
  const spans: MinuteSpan[] = [];
  intervals.forEach((pair: unknown, index) => {
    if (!isTimePair(pair)) {
      problems.push(`${day}: interval ${index + 1} must be ["HH:MM", "HH:MM"]`);
      return;
    }
    const [start, end] = [parseHHMM(pair[0]), parseHHMM(pair[1], true)];
    if (start === null) problems.push(`${day}: "${pair[0]}" is not a time (HH:MM, 00:00 to 23:59)`);
    if (end === null) problems.push(`${day}: "${pair[1]}" is not an end time (HH:MM, up to 24:00)`);
    if (start === null || end === null) return;
    if (end <= start) problems.push(`${day}: ${pair[0]}-${pair[1]} does not end after it starts`);
    else spans.push({ start, end });
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const [previous, current] = [spans[i - 1], spans[i]];
    if (current.start < previous.end) {
      const [a, b] = [previous, current].map((s) => `${formatHHMM(s.start)}-${formatHHMM(s.end)}`);
      problems.push(`${day}: ${a} overlaps ${b}`);
    }
  }
  return problems;
}

/** Human-readable problems of weekly business hours; empty when they are usable. */
export function validateWeeklyHours(hours: WeeklyHours): string[] {
  if (typeof hours !== 'object' || hours === null)
    return ['business hours must list every weekday'];
  const known: readonly string[] = WEEKDAYS;
  const unknownDays = Object.keys(hours)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown day "${key}" (expected ${WEEKDAYS.join(', ')})`);
  const record = hours as Record<string, unknown>;
  return [...unknownDays, ...WEEKDAYS.flatMap((day) => dayProblems(day, record[day]))];
}

/**
 * One weekday's business hours, sorted. Invalid hours throw rather than silently moving an
 * SLA deadline; settings are checked with validateWeeklyHours when saved.
 */
export function businessSpansOf(hours: WeeklyHours, day: Weekday): MinuteSpan[] {
  const problems = dayProblems(day, hours[day]);
  if (problems.length > 0) throw new RangeError(`Invalid business hours: ${problems.join('; ')}`);
  return hours[day]
    .map(([start, end]) => ({ start: parseHHMM(start) ?? 0, end: parseHHMM(end, true) ?? 0 }))
    .sort((a, b) => a.start - b.start);
}
