import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { DEFAULT_LOCALE, type Locale } from '../i18n/catalogue';
import { renderMail } from '../mail/mail-templates';
import { Outbox } from '../mail/outbox.service';
import { Practice } from '../practice/practice.entity';
import type { User } from './user.entity';

/** The practice as a message names it, and the language and zone it falls back on. */
export async function practiceForMail(
  m: EntityManager,
): Promise<{ name: string; locale: Locale; timezone: string }> {
  const [practice] = await m.getRepository(Practice).find({ take: 1 });
  return {
    name: practice?.name ?? 'Gardefou',
    locale: practice?.locale ?? DEFAULT_LOCALE,
    timezone: practice?.timezone ?? 'Europe/Paris',
  };
}

/** An instant as the reader writes it, in the practice's zone: "14 déc. 2026, 18:05". */
export function mailInstant(at: Date, locale: Locale, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone })
    .setLocale(locale)
    .toLocaleString(DateTime.DATETIME_MED);
}

/**
 * The invitation mail: the link that lets the invited person choose a password, in their
 * language, written to the outbox in the transaction that creates the invitation. The link is
 * also kept with the message, so that the console shows it while no SMTP server is set.
 */
@Injectable()
export class InvitationMail {
  constructor(
    private readonly outbox: Outbox,
    private readonly config: AppConfigService,
  ) {}

  /** The address the invited person opens to choose a password. */
  link(token: string): string {
    return `${this.config.values.publicUrl}/invite?token=${encodeURIComponent(token)}`;
  }

  async enqueue(m: EntityManager, user: User, token: string, expiresAt: Date): Promise<void> {
    const practice = await practiceForMail(m);
    const locale = user.locale ?? practice.locale;
    const url = this.link(token);
    const content = renderMail('invitation', locale, 'mail-account.invitation.subject', {
      practice: practice.name,
      practiceName: practice.name,
      name: user.displayName,
      role: user.role,
      url,
      expires: mailInstant(expiresAt, locale, practice.timezone),
    });
    await this.outbox.enqueue(m, {
      kind: 'invitation',
      to: { address: user.email, name: user.displayName, userId: user.id, locale },
      clientId: user.clientId,
      content,
      essential: true,
      links: [{ labelKey: 'mail-account.invitation.link', url }],
    });
  }
}
