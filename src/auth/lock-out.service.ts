import { Injectable } from '@nestjs/common';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Locks } from '../common/locks';
import { Transactions } from '../common/transactions';
import { LoginFailure } from './login-attempt.entity';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

/**
 * How long to wait, as a refusal's figures: `waitMinutes` (a duration in words, "1 h 30"), and
 * under an hour the same minutes as a plain number, `minutesToWait`, for messages to say
 * "15 minutes" (null from an hour on, where the duration reads better).
 */
export function waitFigures(minutes: number): {
  waitMinutes: number;
  minutesToWait: number | null;
} {
  return { waitMinutes: minutes, minutesToWait: minutes < 60 ? minutes : null };
}

/**
 * The per-email lock-out: MAX_FAILURES failed sign-ins (or wrong current passwords) within
 * FAILURE_WINDOW_MINUTES lock the email until the oldest one leaves the window.
 *
 * An attempt is written down before its password is checked, as a failure until it succeeds,
 * under the email's named lock: of N simultaneous attempts for one email, the first
 * MAX_FAILURES are checked against the hash and the others are refused without being checked,
 * in every server process sharing the database.
 */
@Injectable()
export class LockOut {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt for the email, or refuses it (429) when the email is locked out. */
  async begin(email: string): Promise<void> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
    await this.transactions.run(
      async (manager) => {
        const failures = manager.getRepository(LoginFailure);
        await failures.delete({ email, at: LessThanOrEqual(since) });
        const recent = await failures.count({ where: { email, at: MoreThan(since) } });
        if (recent >= MAX_FAILURES) {
          const message = `Too many failed sign-ins for this email; try again in ${FAILURE_WINDOW_MINUTES} minutes`;
          throw new DomainError('too_many.login', message, [
            { message, ...waitFigures(FAILURE_WINDOW_MINUTES) },
          ]);
        }
        await failures.save(failures.create({ email, at: now }));
      },
      [Locks.signIn(email)],
    );
  }

  /** The password was right: the email's failures, this attempt's included, are forgiven. */
  async succeeded(email: string): Promise<void> {
    await this.transactions.run(
      (manager) => manager.getRepository(LoginFailure).delete({ email }),
      [Locks.signIn(email)],
    );
  }
}
