import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '../../src/common/clock';

/**
 * Moves the application's "now" while the demo is seeded, so every record is dated as if it had
 * been entered on the day: deadlines, issue dates and the "not in the future" rules all hold.
 */
export class DemoTime {
  private readonly clock: Clock;
  /** The clock's own `now` before seeding (a test's fixed clock), if it had one. */
  private readonly before: PropertyDescriptor | undefined;

  constructor(app: INestApplicationContext) {
    this.clock = app.get(Clock);
    this.before = Object.getOwnPropertyDescriptor(this.clock, 'now');
  }

  set(at: Date): void {
    const instant = at.getTime();
    this.clock.now = () => new Date(instant);
  }

  /** Back to the clock of before the seeding: the real time, or the one a test installed. */
  restore(): void {
    if (this.before) Object.defineProperty(this.clock, 'now', this.before);
    else Reflect.deleteProperty(this.clock, 'now');
  }
}
