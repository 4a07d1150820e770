import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../common/transactions';
import type { Locale } from '../i18n/catalogue';
import type { MailKind } from '../mail/outbox-message.entity';
import type { NotificationSettingsView, UpdateNotificationsDto } from './dto/notifications.dto';
import { MailPreferences } from './mail-preferences';
import {
  TOPIC_FIELDS,
  topicOf,
  topicOfField,
  topicsFor,
  topicSwitches,
  withSwitches,
  type NotificationTopic,
} from './notification-topics';
import { User } from './user.entity';

/** What a one-click link turns off, read from its token. */
export interface UnsubscribeLink {
  userId: string;
  email: string;
  topic: NotificationTopic;
  /** Already off: the page says so instead of offering the button. */
  off: boolean;
}

/**
 * One's own mail settings (the notifications of one's role, on or off, and the language of
 * one's mail), and the one-click links that turn one notification off without signing in.
 */
@Injectable()
export class NotificationSettings {
  constructor(
    private readonly transactions: Transactions,
    private readonly preferences: MailPreferences,
  ) {}

  get(viewer: AuthUser): Promise<NotificationSettingsView> {
    return this.transactions.run(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { id: viewer.id } });
      if (!user) throw notFound('user');
      return this.view(user, await this.preferences.localeOf(m, user.id));
    });
  }

  /**
   * Changes the switches given and the language; a switch that is not of the person's role is
   * refused, naming it.
   */
  update(viewer: AuthUser, dto: UpdateNotificationsDto): Promise<NotificationSettingsView> {
    const changes: Partial<Record<NotificationTopic, boolean>> = {};
    const offered = topicsFor(viewer.role);
    for (const [field, on] of Object.entries(dto.notifications ?? {})) {
      const topic = topicOfField(field);
      if (topic === null || typeof on !== 'boolean') continue;
      if (!offered.includes(topic)) {
        throw new DomainError(
          'invalid.notifications',
          `${field} is not a notification of this role`,
          [
            {
              field: `notifications.${field}`,
              message: 'not a notification of this role',
              reason: 'role',
              role: viewer.role,
            },
          ],
        );
      }
      changes[topic] = on;
    }
    return this.transactions.run(async (m) => {
      const repo = m.getRepository(User);
      const user = await repo.findOne({ where: { id: viewer.id } });
      if (!user) throw notFound('user');
      const mailPreferences = withSwitches(user.mailPreferences, changes);
      const locale = dto.locale === undefined ? user.locale : dto.locale;
      const same = (user.mailPreferences?.off ?? []).join() === mailPreferences.off.join();
      // Nothing to change writes nothing.
      if (!same || locale !== user.locale) {
        await repo.update({ id: user.id }, { mailPreferences, locale });
        Object.assign(user, { mailPreferences, locale });
      }
      return this.view(user, await this.preferences.localeOf(m, user.id));
    });
  }

  /** What a one-click link would turn off; an altered or foreign link is refused. */
  async link(token: string): Promise<UnsubscribeLink> {
    const named = await this.named(token);
    return this.transactions.run(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { id: named.userId } });
      if (!user) throw invalidLink();
      const off = (user.mailPreferences?.off ?? []).includes(named.topic);
      return { userId: user.id, email: user.email, topic: named.topic, off };
    });
  }

  /** Turns off the notification a one-click link names (RFC 8058); again is no change. */
  async unsubscribe(token: string): Promise<UnsubscribeLink> {
    const named = await this.named(token);
    return this.transactions.run(async (m) => {
      const repo = m.getRepository(User);
      const user = await repo.findOne({ where: { id: named.userId } });
      if (!user) throw invalidLink();
      const mailPreferences = withSwitches(user.mailPreferences, { [named.topic]: false });
      await repo.update({ id: user.id }, { mailPreferences });
      return { userId: user.id, email: user.email, topic: named.topic, off: true };
    });
  }

  private async named(token: string): Promise<{ userId: string; topic: NotificationTopic }> {
    const read = await this.preferences.readUnsubscribe(token);
    const topic = read ? topicOf(read.kind as MailKind) : null;
    if (!read || !topic) throw invalidLink();
    return { userId: read.userId, topic };
  }

  private view(user: User, mailLocale: Locale): NotificationSettingsView {
    const switches = topicSwitches(user.role, user.mailPreferences);
    const notifications = Object.fromEntries(
      Object.entries(switches).map(([topic, on]) => [TOPIC_FIELDS[topic as NotificationTopic], on]),
    );
    return { email: user.email, locale: user.locale, mailLocale, notifications };
  }
}

const invalidLink = (): DomainError =>
  new DomainError('invalid.unsubscribe_token', 'This unsubscribe link is not valid', [
    { field: 'token', message: 'the unsubscribe link is not valid' },
  ]);
