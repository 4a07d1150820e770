/** Unused retainer minutes of a past month, still usable later. */
export interface RolloverEntry {
  /** 'YYYY-MM' the minutes were included in. */
  month: string;
  minutes: number;
}

/** The number written by the ASCII digits of text[from, to), or -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Months since year 0, so that two 'YYYY-MM' can be subtracted. Read character by character:
 * the ledger asks it of every month several times per read, and a regular expression's match
 * was most of the ledger's time.
 */
export function monthNumber(month: string): number {
  if (month.length === 7 && month.charCodeAt(4) === 45 /* - */) {
    const year = digitsAt(month, 0, 4);
    const m = digitsAt(month, 5, 7);
    if (year >= 0 && m >= 1 && m <= 12) return year * 12 + m - 1;
  }
  throw new RangeError(`Not a month (YYYY-MM): "${month}"`);
}

export function addMonths(month: string, count: number): string {
  const n = monthNumber(month) + count;
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * The roll-over entries usable in `month`, oldest first: minutes of month E stay usable in
 * months E+1 … E+rolloverMonths, then expire.
 */
export function usableRollover(
  rollover: RolloverEntry[],
  month: string,
  rolloverMonths: number,
): RolloverEntry[] {
  const current = monthNumber(month);
  return rollover
    .filter((entry) => {
      const age = current - monthNumber(entry.month);
      return entry.minutes > 0 && age >= 1 && age <= rolloverMonths;
    })
    .sort((a, b) => monthNumber(a.month) - monthNumber(b.month));
}

export interface RetainerMonth {
  includedMinutes: number;
  /** Roll-over available before this month (expired entries are dropped here). */
  rollover: RolloverEntry[];
  minutesUsed: number;
  month: string;
  rolloverMonths: number;
}

export interface RetainerConsumption {
  coveredFromRollover: number;
  coveredFromIncluded: number;
  overageMinutes: number;
  /** What carries into the next month: leftovers still within rolloverMonths, oldest first. */
  rolloverAfter: RolloverEntry[];
}

function assertMinutes(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of minutes, not negative: ${value}`);
  }
}

/**
 * One retainer month: the oldest roll-over minutes are consumed first (they expire first),
 * then the month's included minutes; the rest is overage. Unused included minutes roll over.
 */
export function consumeRetainer(input: RetainerMonth): RetainerConsumption {
  const { includedMinutes, minutesUsed, month, rolloverMonths } = input;
  assertMinutes(includedMinutes, 'includedMinutes');
  assertMinutes(minutesUsed, 'minutesUsed');
  assertMinutes(rolloverMonths, 'rolloverMonths');
  let left = minutesUsed;
  const leftovers = usableRollover(input.rollover, month, rolloverMonths).map((entry) => {
    const taken = Math.min(entry.minutes, left);
    left -= taken;
    return { month: entry.month, minutes: entry.minutes - taken };
  });
  const coveredFromRollover = minutesUsed - left;
  const coveredFromIncluded = Math.min(includedMinutes, left);
  const unusedIncluded = { month, minutes: includedMinutes - coveredFromIncluded };
  return {
    coveredFromRollover,
    coveredFromIncluded,
    overageMinutes: left - coveredFromIncluded,
    rolloverAfter: usableRollover(
      [...leftovers, unusedIncluded],
      addMonths(month, 1),
      rolloverMonths,
    ),
  };
}
