import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '../../src/common/clock';

/**
 * Moves the application's "now" while the demo is seeded, so every record is dated as if it had
 * been entered on the day: deadlines, issue dates and the "not in the future" rules all hold.
 */
export class DemoTime {
  private readonly clock: Clock;

  constructor(app: INestApplicationContext) {
    this.clock = app.get(Clock);
  }

  set(at: Date): void {
    const instant = at.getTime();
    this.clock.now = () => new Date(instant);
  }

  /** Back to the real time: the class's own method answers again. */
  restore(): void {
    Reflect.deleteProperty(this.clock, 'now');
  }
}
