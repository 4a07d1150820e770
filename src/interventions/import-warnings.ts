/**
 * The guardrail warnings of an import: the limits the weeks it fills break, once its rows are
 * recorded beside the work already there. The rules and the reading of the workload report
 * (`periodWarnings` over the period of those weeks, work read by `guardrailReading`), run over
 * the imported weeks a half-year at a time, the event loop running between two runs. Pure:
 * plain values in, plain values out.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { addDays, BusinessClock, dayBounds } from '../calendar';
import { DEFAULT_BUSINESS_HOURS } from '../common/domain';
import type { GuardrailLimits } from '../common/domain';
import { periodWarnings } from './guardrail-warnings';
import {
  guardrailReading,
  isoWeekOf,
  warning,
  type Warning,
  type WorkedInterval,
} from './guardrails';

/** Imported weeks judged in one run of the rules. */
const WEEKS_PER_RUN = 26;
const DAY_MS = 24 * 3600 * 1000;
/** Imported rows whose weeks are found between two turns of the event loop. */
const ROWS_PER_SLICE = 2_000;

export interface ImportWarningsInput {
  timezone: string;
  limits: GuardrailLimits;
  /** The consultant's finished work around the imported rows (over `workWindow`). */
  recorded: readonly WorkedInterval[];
  /** The rows the import records (or would record). */
  imported: readonly WorkedInterval[];
}

/**
 * The span of recorded work `importWarnings` reads around the imported rows: the weeks of the
 * average before them and the week of rest after them, with a week's margin either side.
 */
export function workWindow(
  imported: readonly { start: Date; end: Date }[],
  limits: GuardrailLimits,
): { first: number; last: number } | null {
  if (imported.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const { start, end } of imported) {
    first = Math.min(first, start.getTime());
    last = Math.max(last, end.getTime());
  }
  const before = (7 * (limits.averageWeeks + 1) + 2) * DAY_MS;
  return { first: first - before, last: last + 16 * DAY_MS };
}

/**
 * Each limit broken in a local ISO week the imported rows fall in (a rest, on a day of it or the
 * day after), said once, in the order the rules give them week after week; a run of days in a
 * row is said once, over all the days it holds.
 */
export async function importWarnings(input: ImportWarningsInput): Promise<Warning[]> {
  const { timezone, limits } = input;
  const mondays = await importedWeeks(input.imported, timezone);
  if (mondays.length === 0) return [];
  const work = [...input.recorded, ...input.imported].sort(
    (a, b) => a.start.getTime() - b.start.getTime(),
  );
  const starts = work.map((w) => w.start.getTime());
  const longest = work.reduce((most, w) => Math.max(most, w.end.getTime() - w.start.getTime()), 0);
  const weeks = new Set(mondays.map(isoWeekOf));
  const said = new Map<string, Warning>();
  let streak: Extract<Warning, { code: 'consecutive_days' }> | null = null;
  for (const [index, run] of runsOf(mondays).entries()) {
    if (index > 0) await nextTurn();
    const from = run[0];
    const to = addDays(run[run.length - 1], 6);
    const reading = guardrailReading(from, to, limits);
    const readFrom = dayBounds(reading.from, timezone).start.getTime();
    const readTo = dayBounds(reading.to, timezone).end.getTime();
    const slice = work.slice(lowerBound(starts, readFrom - longest), lowerBound(starts, readTo));
    for (const found of periodWarnings(slice, timezone, limits, { from, to })) {
      if (found.code === 'consecutive_days') {
        streak = joined(streak, found, said);
        continue;
      }
      const key = JSON.stringify(found);
      if (!said.has(key) && fallsIn(found, weeks)) said.set(key, found);
    }
  }
  return [...said.values()];
}

/**
 * A run of days in a row, joined to the one said before when they meet: runs of rules read over
 * windows of their own see one long run in pieces.
 */
function joined(
  before: Extract<Warning, { code: 'consecutive_days' }> | null,
  found: Extract<Warning, { code: 'consecutive_days' }>,
  said: Map<string, Warning>,
): Extract<Warning, { code: 'consecutive_days' }> {
  if (!before || addDays(before.lastDate, 1) < found.firstDate) {
    said.set(JSON.stringify(found), found);
    return found;
  }
  const firstDate = before.firstDate < found.firstDate ? before.firstDate : found.firstDate;
  const lastDate = before.lastDate > found.lastDate ? before.lastDate : found.lastDate;
  const days = Math.round((Date.parse(lastDate) - Date.parse(firstDate)) / DAY_MS) + 1;
  const merged = warning({
    code: 'consecutive_days',
    firstDate,
    lastDate,
    days,
    limit: found.limit,
  });
  said.delete(JSON.stringify(before));
  said.set(JSON.stringify(merged), merged);
  return merged;
}

/**
 * The Mondays (YYYY-MM-DD) of the local ISO weeks the rows touch, in order: local days counted
 * from the epoch, 1 January 1970 a Thursday. The local day of an instant is read off the day
 * bounds a clock keeps, not asked of the zone for every row. The event loop runs between two
 * slices of rows (46,000 rows took 0.1 s in one go).
 */
async function importedWeeks(rows: readonly WorkedInterval[], timezone: string): Promise<string[]> {
  const clock = new BusinessClock({
    timezone,
    businessHours: DEFAULT_BUSINESS_HOURS,
    holidayCalendar: 'none',
    closures: [],
  });
  const mondayOf = (ms: number): number => {
    const day = Math.round(Date.parse(`${clock.localDate(ms)}T00:00:00Z`) / DAY_MS);
    return day - ((((day + 3) % 7) + 7) % 7);
  };
  const mondays = new Set<number>();
  for (let k = 0; k < rows.length; k++) {
    if (k > 0 && k % ROWS_PER_SLICE === 0) await nextTurn();
    const { start, end } = rows[k];
    const last = mondayOf(Math.max(start.getTime(), end.getTime() - 1));
    for (let monday = mondayOf(start.getTime()); monday <= last; monday += 7) mondays.add(monday);
  }
  return [...mondays]
    .sort((a, b) => a - b)
    .map((monday) => new Date(monday * DAY_MS).toISOString().slice(0, 10));
}

/** Weeks grouped into runs of at most WEEKS_PER_RUN calendar weeks. */
function runsOf(mondays: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const monday of mondays) {
    const run = runs[runs.length - 1];
    if (run && monday < addDays(run[0], WEEKS_PER_RUN * 7)) run.push(monday);
    else runs.push([monday]);
  }
  return runs;
}

/**
 * A warning of an imported week: its week (or the last of its weeks) is one of them, or its day
 * is a day of one or the day after. A warning that names neither is kept.
 */
function fallsIn(found: Warning, weeks: ReadonlySet<string>): boolean {
  const figures = found as unknown as Record<string, unknown>;
  const week = typeof figures.week === 'string' ? figures.week : null;
  const date = typeof figures.date === 'string' ? figures.date : null;
  if (week === null && date === null) return true;
  if (week !== null && weeks.has(week)) return true;
  return date !== null && (weeks.has(isoWeekOf(date)) || weeks.has(isoWeekOf(addDays(date, -1))));
}

/** The first index whose value is at least `value`, in ascending `values`. */
function lowerBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
