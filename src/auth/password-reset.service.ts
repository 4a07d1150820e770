import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import { renderMail } from '../mail/mail-templates';
import { Outbox } from '../mail/outbox.service';
import { practiceForMail } from '../users/invitation-mail';
import { NEXT_TOKEN_VERSION, User } from '../users/user.entity';
import { assertStrongPassword } from './auth.service';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import { LockOut } from './lock-out.service';
import { hashPassword, newOpaqueToken, tokenDigest } from './passwords';

/** One link a minute at most per account: asking again and again does not flood a mailbox. */
const RESEND_AFTER_MS = 60_000;

/**
 * A forgotten password: a one-time link by mail (only its SHA-256 is stored, and it expires
 * after RESET_TTL_MINUTES), then a new password chosen with it, which ends every session of the
 * account. Asking answers the same whatever the address, known or not.
 */
@Injectable()
export class PasswordReset {
  private readonly logger = new Logger(PasswordReset.name);

  constructor(
    private readonly outbox: Outbox,
    private readonly config: AppConfigService,
    private readonly transactions: Transactions,
    private readonly lockOut: LockOut,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends the link to an active account with a password, and does the same work for any other
   * address (a token drawn, a mail written) without keeping it, so that neither the answer nor
   * its shape tells whether the address has an account.
   */
  async request(dto: PasswordResetRequestDto): Promise<void> {
    const email = dto.email.toLowerCase();
    const token = newOpaqueToken();
    const now = this.clock.now();
    const ttlMinutes = this.config.values.RESET_TTL_MINUTES;
    const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
    await this.transactions.run(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { email } });
      const eligible = Boolean(user?.active && user.passwordHash) && !this.askedJustNow(user!, now);
      const mail = await this.compose(m, user ?? null, email, token, ttlMinutes);
      if (!eligible || !user) return;
      await m
        .getRepository(User)
        .update({ id: user.id }, { resetTokenHash: tokenDigest(token), resetExpiresAt: expiresAt });
      await this.outbox.enqueue(m, mail);
      this.logger.log({ userId: user.id }, 'password reset link sent');
    });
  }

  /** The new password: the token used up, every earlier session of the account ended. */
  async confirm(dto: PasswordResetConfirmDto): Promise<void> {
    const digest = tokenDigest(dto.token);
    const found = this.valid(
      await this.transactions.run((m) =>
        m.getRepository(User).findOne({ where: { resetTokenHash: digest } }),
      ),
    );
    assertStrongPassword('password', dto.password, [found.email, found.displayName]);
    const passwordHash = await hashPassword(dto.password);
    await this.transactions.run(async (m) => {
      const repo = m.getRepository(User);
      this.valid(await repo.findOne({ where: { id: found.id } }));
      // The token in the WHERE clause: of two simultaneous uses of one link, one wins.
      const used = await repo.update(
        { id: found.id, resetTokenHash: digest },
        { passwordHash, resetTokenHash: null, resetExpiresAt: null, ...NEXT_TOKEN_VERSION },
      );
      if (!used.affected) throw invalidToken('invalid');
    });
    // Whoever holds the mailbox holds the account: earlier failures no longer lock it.
    await this.lockOut.succeeded(found.email);
    this.logger.log({ userId: found.id }, 'password reset');
  }

  private valid(user: User | null): User {
    if (!user?.active || !user.resetExpiresAt) throw invalidToken('invalid');
    if (user.resetExpiresAt <= this.clock.now()) throw invalidToken('expired');
    return user;
  }

  private askedJustNow(user: User, now: Date): boolean {
    if (!user.resetExpiresAt) return false;
    const sentAt = user.resetExpiresAt.getTime() - this.config.values.RESET_TTL_MINUTES * 60_000;
    return now.getTime() - sentAt < RESEND_AFTER_MS;
  }

  /** The mail, rendered for the account, or for the address alone when there is none. */
  private async compose(
    m: EntityManager,
    user: User | null,
    email: string,
    token: string,
    minutes: number,
  ) {
    const practice = await practiceForMail(m);
    const locale = user?.locale ?? practice.locale;
    const url = `${this.config.values.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const content = renderMail('password-reset', locale, 'mail-account.reset.subject', {
      practiceName: practice.name,
      name: user?.displayName ?? email,
      email,
      url,
      minutes,
    });
    return {
      kind: 'password_reset' as const,
      to: { address: email, name: user?.displayName ?? null, userId: user?.id ?? null, locale },
      clientId: user?.clientId ?? null,
      content,
      essential: true,
      links: [{ labelKey: 'mail-account.reset.link', url }],
    };
  }
}

const invalidToken = (reason: 'invalid' | 'expired'): DomainError =>
  new DomainError(
    'invalid.reset_token',
    reason === 'expired' ? 'This link has expired' : 'This link is not valid or was already used',
    [
      {
        field: 'token',
        message: `the token is ${reason === 'expired' ? 'expired' : 'not valid'}`,
        reason,
      },
    ],
  );
