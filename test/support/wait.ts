/**
 * Waits for an event the test cannot be told of directly (a request queued behind a lock, a row
 * written by another process), checking again every few milliseconds. It never stands in for the
 * event with a fixed delay: on a slow machine it simply checks more times. Jest's timeout bounds
 * the wait.
 */
export async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 5));
}
