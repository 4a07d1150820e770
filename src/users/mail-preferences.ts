import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { JwtSecret } from '../auth/jwt-secret.service';
import { AppConfigService } from '../common/app-config.service';
import { DEFAULT_LOCALE, type Locale } from '../i18n/catalogue';
import type { MailKind } from '../mail/outbox-message.entity';
import { Practice } from '../practice/practice.entity';
import { isEssential, receives } from './notification-topics';
import { readUnsubscribeToken, unsubscribeKey, unsubscribeToken } from './unsubscribe-token';
import { User } from './user.entity';

/** What `reader` reads of a user. */
const READER_COLUMNS = {
  id: true,
  role: true,
  email: true,
  displayName: true,
  clientId: true,
  active: true,
  mailPreferences: true,
  locale: true,
} as const;

function wantsKind(user: Pick<User, 'active' | 'mailPreferences'> | null, kind: MailKind): boolean {
  if (!user?.active) return false;
  return isEssential(kind) || receives(user.mailPreferences, kind);
}

/**
 * What a person wants by mail, for every module that causes a message: whether they receive a
 * kind (essential kinds always, to an active user), the language they read, and the one-click
 * link that turns a kind off (RFC 8058), signed with a key drawn from the server's secret.
 */
@Injectable()
export class MailPreferences {
  private key?: Buffer;

  constructor(
    private readonly config: AppConfigService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Whether this user receives this kind of message: never when inactive or unknown. */
  async wants(m: EntityManager, userId: string, kind: MailKind): Promise<boolean> {
    await this.loadKey();
    const user = await m.getRepository(User).findOne({
      where: { id: userId },
      select: { id: true, active: true, mailPreferences: true },
    });
    return wantsKind(user, kind);
  }

  /** The language this user reads their mail in: their own, else the practice's, else French. */
  async localeOf(m: EntityManager, userId: string): Promise<Locale> {
    const user = await m
      .getRepository(User)
      .findOne({ where: { id: userId }, select: { id: true, locale: true } });
    if (user?.locale) return user.locale;
    const [practice] = await m.getRepository(Practice).find({ take: 1 });
    return practice?.locale ?? DEFAULT_LOCALE;
  }

  /**
   * `wants` and `localeOf` in one read of the user: the user (their role, address and name
   * too) and their language when they receive this kind, else null. `practice`: the practice
   * as the caller read it, whose language stands in for a user without one.
   */
  async reader(
    m: EntityManager,
    userId: string,
    kind: MailKind,
    practice: Pick<Practice, 'locale'> | null,
  ): Promise<{ user: User; locale: Locale } | null> {
    await this.loadKey();
    const user = await m.getRepository(User).findOne({
      where: { id: userId },
      select: READER_COLUMNS,
    });
    if (user === null || !wantsKind(user, kind)) return null;
    return { user, locale: user.locale ? user.locale : (practice?.locale ?? DEFAULT_LOCALE) };
  }

  /** The one-click link that turns this kind off for this user; no sign-in, nothing stored. */
  unsubscribeUrl(userId: string, kind: MailKind): string {
    const token = unsubscribeToken(this.keyNow(), userId, kind);
    return `${this.config.values.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  /** The user and kind an unsubscribe token names, or null when it is not one of ours. */
  async readUnsubscribe(token: string): Promise<{ userId: string; kind: string } | null> {
    return readUnsubscribeToken(await this.loadKey(), token);
  }

  private async loadKey(): Promise<Buffer> {
    this.key ??= unsubscribeKey(await this.jwtSecret().get());
    return this.key;
  }

  private keyNow(): Buffer {
    if (this.key) return this.key;
    const secret = this.jwtSecret().known();
    if (secret === undefined) {
      throw new Error('The server secret is not resolved yet: no unsubscribe link can be signed');
    }
    this.key = unsubscribeKey(secret);
    return this.key;
  }

  /** Looked up, not injected: the auth module, which holds it, imports this one. */
  private jwtSecret(): JwtSecret {
    return this.moduleRef.get(JwtSecret, { strict: false });
  }
}
