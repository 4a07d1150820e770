import { setImmediate as nextTurn } from 'node:timers/promises';
import { ROWS_PER_TURN } from './limits';

/**
 * `items` in slices of `size`, the event loop running once between two slices: a long import
 * shares the server with the requests that arrive meanwhile instead of holding it.
 */
export async function* inTurns<T>(
  items: readonly T[],
  size: number = ROWS_PER_TURN,
): AsyncGenerator<T[]> {
  for (let from = 0; from < items.length; from += size) {
    if (from > 0) await nextTurn();
    yield items.slice(from, from + size);
  }
}

/** Appends without spreading, whatever the length of `more`. */
export function append<T>(list: T[], more: readonly T[]): void {
  for (const item of more) list.push(item);
}
