/**
 * The guardrail warnings of an import: the limits the weeks it fills break, once its rows are
 * recorded beside the work already there. The same rules as a saved intervention's
 * (`checkGuardrails`), run over the imported weeks a half-year at a time, the event loop running
 * between two runs. Pure: plain values in, plain values out.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DateTime, IANAZone } from 'luxon';
import type { GuardrailLimits } from '../common/domain';
import { checkGuardrails, type Warning, type WorkedInterval } from './guardrails';

/** Imported weeks checked in one run of the rules. */
const WEEKS_PER_RUN = 26;
/**
 * Work given around the weeks checked: before them, what a limit over twelve weeks looks back
 * on (and the rest before their first day); after them, the rest after their last day.
 */
const DAYS_BEFORE = 12 * 7 + 1;
const DAYS_AFTER = 8;
const DAY_MS = 24 * 3600 * 1000;

export interface ImportWarningsInput {
  timezone: string;
  limits: GuardrailLimits;
  /** The consultant's finished work around the imported rows (from `workWindow`). */
  recorded: readonly WorkedInterval[];
  /** The rows the import records (or would record). */
  imported: readonly WorkedInterval[];
}

/** The span of recorded work `importWarnings` needs around the imported rows. */
export function workWindow(imported: readonly { start: Date; end: Date }[]): {
  first: number;
  last: number;
} | null {
  if (imported.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const { start, end } of imported) {
    first = Math.min(first, start.getTime());
    last = Math.max(last, end.getTime());
  }
  // A week either side of the local weeks touched, which start and end within a week of them.
  return { first: first - (DAYS_BEFORE + 7) * DAY_MS, last: last + (DAYS_AFTER + 7) * DAY_MS };
}

/**
 * Each limit broken in a local ISO week the imported rows fall in (or on the day after one, for
 * the rest before it), said once, in the order the rules give them week after week.
 */
export async function importWarnings(input: ImportWarningsInput): Promise<Warning[]> {
  const { timezone, limits } = input;
  const weeks = importedWeeks(input.imported, timezone);
  if (weeks.length === 0) return [];
  const work = [...input.recorded, ...input.imported].sort(
    (a, b) => a.start.getTime() - b.start.getTime(),
  );
  const starts = work.map((w) => w.start.getTime());
  const longest = work.reduce((most, w) => Math.max(most, w.end.getTime() - w.start.getTime()), 0);
  const weekKeys = new Set(weeks.map((monday) => isoWeekOf(monday)));
  const said = new Map<string, Warning>();
  for (const [index, run] of runsOf(weeks).entries()) {
    if (index > 0) await nextTurn();
    const focus = {
      start: localMidnight(run[0], timezone),
      end: localMidnight(shiftDay(run[run.length - 1], 7), timezone),
    };
    const from = lowerBound(starts, focus.start.getTime() - DAYS_BEFORE * DAY_MS - longest);
    const to = lowerBound(starts, focus.end.getTime() + DAYS_AFTER * DAY_MS);
    const found = checkGuardrails({ timezone, limits, focus, interventions: work.slice(from, to) });
    for (const warning of found) {
      const key = JSON.stringify(warning);
      if (!said.has(key) && fallsIn(warning, weekKeys)) said.set(key, warning);
    }
  }
  return [...said.values()];
}

/**
 * The Mondays (YYYY-MM-DD) of the local ISO weeks the rows touch, in order: days counted from
 * the epoch in local time (the zone's offset at each instant), 1 January 1970 a Thursday.
 */
function importedWeeks(rows: readonly WorkedInterval[], timezone: string): string[] {
  const zone = IANAZone.create(timezone);
  const mondayOf = (ms: number): number => {
    const day = Math.floor((ms + zone.offset(ms) * 60_000) / DAY_MS);
    return day - ((((day + 3) % 7) + 7) % 7);
  };
  const mondays = new Set<number>();
  for (const { start, end } of rows) {
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
    if (run && daysBetween(run[0], monday) < WEEKS_PER_RUN * 7) run.push(monday);
    else runs.push([monday]);
  }
  return runs;
}

/**
 * A warning of an imported week: its week, or its day (or the day before, for the rest taken
 * before a day), is one of them. A warning that names neither is kept.
 */
function fallsIn(warning: Warning, weeks: ReadonlySet<string>): boolean {
  const figures = warning as unknown as Record<string, unknown>;
  const week = typeof figures.week === 'string' ? figures.week : null;
  const date = typeof figures.date === 'string' ? figures.date : null;
  if (week === null && date === null) return true;
  if (week !== null && weeks.has(week)) return true;
  return date !== null && (weeks.has(isoWeekOf(date)) || weeks.has(isoWeekOf(shiftDay(date, -1))));
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

function localMidnight(day: string, zone: string): Date {
  return DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
}

function shiftDay(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!;
}

function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((day) => DateTime.fromISO(day, { zone: 'utc' }));
  return Math.round(b.diff(a, 'days').days);
}

function isoWeekOf(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}
