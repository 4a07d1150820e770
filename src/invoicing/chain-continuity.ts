import { formatDocumentNumber, seriesKey } from './math';

/** What continuity needs of a stored document: its place in the chain and in its series. */
export interface ChainRow {
  id: string;
  number: string | null;
  status: string;
  seriesKey: string | null;
  seq: number | null;
  chainSeq: number | null;
  issueDate: string | null;
}

export interface ContinuityBreak {
  /** 1-based place in chain order; a problem outside the chain comes after its last document. */
  position: number;
  /** The first bad document's number (its id when it has none), or the number missing. */
  number: string;
}

const nameOf = (row: ChainRow): string => row.number ?? row.id;

/** The number a series would have given `seq`: the key holds the format (and the year). */
function missingNumber(key: string, seq: number, last: ChainRow | undefined): string {
  const day = last?.issueDate ?? null;
  const yearly = /^(.*)#(\d{4})$/.exec(key);
  const format = yearly && seriesKey(yearly[1], Number(yearly[2])) === key ? yearly[1] : key;
  const year = yearly ? Number(yearly[2]) : Number(day?.slice(0, 4) ?? 0);
  try {
    return formatDocumentNumber(format, { year, month: Number(day?.slice(5, 7) ?? 1), seq });
  } catch {
    return `${key} n° ${seq}`;
  }
}

/**
 * The first break in the continuity of issued documents, or null: in chain order, chainSeq
 * must run 1, 2, 3… on issued rows only, and each series' seq 1, 2, 3… without a gap; then no
 * issued row may stand outside the chain, and no series counter may have drawn a number
 * that no document carries (a document deleted from the end).
 */
export function firstContinuityBreak(
  rows: ChainRow[],
  counters: ReadonlyMap<string, number>,
): ContinuityBreak | null {
  const chained = rows
    .filter((r) => r.chainSeq !== null)
    .sort((a, b) => (a.chainSeq ?? 0) - (b.chainSeq ?? 0));
  const lastSeq = new Map<string, number>();
  const lastRow = new Map<string, ChainRow>();
  for (const [k, row] of chained.entries()) {
    const key = row.seriesKey;
    const expectedSeq = (key === null ? 0 : (lastSeq.get(key) ?? 0)) + 1;
    if (
      row.chainSeq !== k + 1 ||
      row.status !== 'issued' ||
      key === null ||
      row.seq !== expectedSeq
    ) {
      return { position: k + 1, number: nameOf(row) };
    }
    lastSeq.set(key, expectedSeq);
    lastRow.set(key, row);
  }
  const outside = rows.find((r) => r.chainSeq === null && r.status === 'issued');
  if (outside) return { position: chained.length + 1, number: nameOf(outside) };
  for (const [key, drawn] of [...counters.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const seen = lastSeq.get(key) ?? 0;
    if (drawn > seen) {
      return { position: chained.length, number: missingNumber(key, seen + 1, lastRow.get(key)) };
    }
  }
  return null;
}
