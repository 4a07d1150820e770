import { ImportError } from './import-row';
import { localWallClock } from './local-datetime';
import { inTurns } from './turns';

interface Interval {
  start: Date;
  end: Date;
}

/**
 * Entries of an import that overlap an intervention already recorded, or an entry of the same
 * file that starts earlier. Intervals are half-open: one ending at 10:00 and the next starting
 * at 10:00 do not overlap. Sort and sweep, so a 100,000-row import stays fast; the rows need not
 * come sorted. Each overlapping row is reported once, existing interventions first, with the
 * other work's wall-clock times in `timezone`. They are written a slice at a time, the event loop
 * running between slices: a file imported twice overlaps on every row.
 */
export async function findOverlaps(
  rows: readonly (Interval & { row: number })[],
  existing: readonly Interval[],
  timezone: string,
): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  for await (const clashes of inTurns(sweep(rows, existing))) {
    for (const clash of clashes) errors.push(refusal(clash, timezone));
  }
  return errors.sort((a, b) => a.row - b.row);
}

/** A row in the way of recorded work (`earlierRow` null) or of an earlier row of the file. */
interface Clash {
  row: number;
  other: Interval;
  earlierRow: number | null;
}

function sweep(rows: readonly (Interval & { row: number })[], existing: readonly Interval[]) {
  const sorted = [...rows].sort((a, b) => a.start.getTime() - b.start.getTime() || a.row - b.row);
  const recorded = latestEndingSoFar(existing);
  const clashes: Clash[] = [];
  let latestRow: (Interval & { row: number }) | null = null;
  for (const row of sorted) {
    const clash = recordedClash(recorded, row);
    if (clash) clashes.push({ row: row.row, other: clash, earlierRow: null });
    else if (latestRow && latestRow.end.getTime() > row.start.getTime()) {
      clashes.push({ row: row.row, other: latestRow, earlierRow: latestRow.row });
    }
    if (!latestRow || row.end.getTime() > latestRow.end.getTime()) latestRow = row;
  }
  return clashes;
}

function refusal({ row, other, earlierRow }: Clash, timezone: string): ImportError {
  const start = localWallClock(other.start, timezone);
  const end = localWallClock(other.end, timezone);
  return earlierRow === null
    ? { row, code: 'overlaps_recorded', start, end }
    : { row, code: 'overlaps_row', otherRow: earlierRow, start, end };
}

/** Existing intervals by start, each paired with the one ending last among those up to it. */
interface RecordedIntervals {
  starts: number[];
  latest: Interval[];
}

function latestEndingSoFar(existing: readonly Interval[]): RecordedIntervals {
  const byStart = [...existing].sort((a, b) => a.start.getTime() - b.start.getTime());
  const latest: Interval[] = [];
  for (const interval of byStart) {
    const previous = latest[latest.length - 1];
    latest.push(previous && previous.end.getTime() >= interval.end.getTime() ? previous : interval);
  }
  return { starts: byStart.map((interval) => interval.start.getTime()), latest };
}

/**
 * Among recorded intervals starting before the row ends, the one ending last overlaps the row
 * if any does. Found by binary search.
 */
function recordedClash(recorded: RecordedIntervals, row: Interval): Interval | null {
  const rowEnd = row.end.getTime();
  let low = 0;
  let high = recorded.starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (recorded.starts[middle] < rowEnd) low = middle + 1;
    else high = middle;
  }
  const candidate = low > 0 ? recorded.latest[low - 1] : null;
  return candidate && candidate.end.getTime() > row.start.getTime() ? candidate : null;
}

/**
 * The earliest start and the latest end of the entries (epoch milliseconds), or null when there
 * are none: the window of recorded work an import must be checked against. Found in one pass,
 * whatever the number of entries (spreading them into Math.min would overflow the call stack).
 */
export function workSpan(rows: readonly Interval[]): { first: number; last: number } | null {
  if (rows.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const { start, end } of rows) {
    if (start.getTime() < first) first = start.getTime();
    if (end.getTime() > last) last = end.getTime();
  }
  return { first, last };
}
