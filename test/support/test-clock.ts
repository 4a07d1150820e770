import { DateTime } from 'luxon';
import { Clock } from '../../src/common/clock';

/**
 * The instant a scenario happens at when it states none: an ordinary weekday morning in Paris
 * (10:00), after the work the shared scenarios log in 2026 and away from a year's or a DST
 * change's edge. Scenarios that depend on the date, the month or the hour state their own.
 */
export const DEFAULT_TEST_NOW = '2026-12-02T09:00:00.000Z';

/**
 * The application's clock in a test: it stands still at the instant the scenario states and
 * moves only when the test moves it, whatever the machine's date, time zone or speed.
 */
export class TestClock {
  private instant: number;

  constructor(now: string | Date = DEFAULT_TEST_NOW) {
    this.instant = TestClock.parse(now);
  }

  /** Replaces the application's clock with this one. */
  install(clock: Clock): this {
    clock.now = () => this.now();
    return this;
  }

  now(): Date {
    return new Date(this.instant);
  }

  /** The instant as an ISO string, for request bodies. */
  iso(): string {
    return this.now().toISOString();
  }

  /** The calendar day in a zone: "2026-06-17". */
  today(zone = 'Europe/Paris'): string {
    return DateTime.fromMillis(this.instant, { zone }).toISODate() ?? '';
  }

  set(now: string | Date): void {
    this.instant = TestClock.parse(now);
  }

  /** Moves the clock forward (or back, with negative values). */
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    const ms =
      (by.days ?? 0) * 86_400_000 +
      (by.hours ?? 0) * 3_600_000 +
      (by.minutes ?? 0) * 60_000 +
      (by.seconds ?? 0) * 1000;
    this.instant += ms;
  }

  /** An ISO instant this far from now: clock.ago({ hours: 13 }). */
  ago(by: { days?: number; hours?: number; minutes?: number }): string {
    return this.shifted(by, -1);
  }

  /** An ISO instant this far ahead: clock.in({ hours: 1 }). */
  in(by: { days?: number; hours?: number; minutes?: number }): string {
    return this.shifted(by, 1);
  }

  private shifted(by: { days?: number; hours?: number; minutes?: number }, sign: 1 | -1): string {
    const ms =
      (by.days ?? 0) * 86_400_000 + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000;
    return new Date(this.instant + sign * ms).toISOString();
  }

  private static parse(now: string | Date): number {
    const ms = typeof now === 'string' ? Date.parse(now) : now.getTime();
    if (!Number.isFinite(ms)) throw new Error(`TestClock: not an instant: ${String(now)}`);
    return ms;
  }
}
