import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfigService } from '../common/app-config.service';
import { Clock } from '../common/clock';
import { OutboxSender } from './outbox-sender';

/**
 * A job that may write messages to the outbox (a digest at the opening of business hours, the
 * payment reminders of the day, the weekly report). It receives the instant of the tick and
 * decides for itself whether its time has come; it must be safe to run again at any later tick
 * and in several server processes at once (the outbox's `dedupeKey` makes a second message a
 * no-op, or a unique-constraint clash, which the runner treats as normal).
 */
export type MailJob = (now: Date) => Promise<void>;

/**
 * The jobs run before each delivery. Modules register theirs at start
 * (`onModuleInit() { this.jobs.register('invoicing.reminders', (now) => …) }`).
 */
@Injectable()
export class MailJobs {
  private readonly jobs = new Map<string, MailJob>();

  /** Registers (or replaces) the job of that name. */
  register(name: string, run: MailJob): void {
    this.jobs.set(name, run);
  }

  /** The registered jobs, in the order they were registered. */
  list(): Array<{ name: string; run: MailJob }> {
    return [...this.jobs].map(([name, run]) => ({ name, run }));
  }
}

/** What one tick did. */
export interface TickOutcome {
  /** The jobs that threw (other than a dedupe clash), by name. */
  failedJobs: string[];
  /** Messages delivered, and attempts that failed, by this tick. */
  sent: number;
  failed: number;
}

/** A unique-constraint violation on PostgreSQL (23505) or SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = e?.driverError?.code ?? e?.code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  return typeof e?.message === 'string' && /UNIQUE constraint failed/i.test(e.message);
}

/**
 * The mail's heartbeat: each tick runs every registered job, each on its own (one that fails is
 * logged and the others, and delivery, go on), then delivers the messages that are due. In the
 * running server a timer ticks every MAIL_TICK_SECONDS and once shortly after the start; tests
 * call `tick()` themselves (no timer under NODE_ENV=test). Ticks of one process never overlap.
 */
@Injectable()
export class MailRunner
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(MailRunner.name);
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly jobs: MailJobs,
    private readonly sender: OutboxSender,
    private readonly clock: Clock,
    private readonly config: AppConfigService,
  ) {}

  /** Runs the jobs, then delivers what is due; waits for a tick already under way first. */
  tick(): Promise<TickOutcome> {
    const next = this.running.then(() => this.runOnce());
    this.running = next.catch(() => undefined);
    return next;
  }

  private async runOnce(): Promise<TickOutcome> {
    const failedJobs: string[] = [];
    for (const job of this.jobs.list()) {
      try {
        await job.run(this.clock.now());
      } catch (error) {
        if (isUniqueViolation(error)) {
          this.logger.debug(`mail job ${job.name}: already done by another process`);
        } else {
          failedJobs.push(job.name);
          this.logger.error({ err: error }, `mail job ${job.name} failed`);
        }
      }
    }
    const delivered = await this.sender.deliverDue();
    return { failedJobs, ...delivered };
  }

  onApplicationBootstrap(): void {
    if (this.config.values.NODE_ENV === 'test') return;
    const every = this.config.values.MAIL_TICK_SECONDS * 1000;
    const beat = (): void => {
      if (this.stopped) return;
      this.tick().catch((error: unknown) => this.logger.error({ err: error }, 'mail tick failed'));
    };
    this.first = setTimeout(beat, Math.min(every, 2000));
    this.first.unref();
    this.timer = setInterval(beat, every);
    this.timer.unref();
  }

  /** Before the database closes: no new tick, and the one under way records what it sent. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopTimer();
    await this.running.catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.stopTimer();
    this.sender.close();
  }

  private stopTimer(): void {
    this.stopped = true;
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = this.timer = null;
  }
}
