import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { insertRow } from '../common/insert-row';
import type { Locale } from '../i18n/catalogue';
import type { RenderedMail } from './mail-templates';
import {
  OutboxMessage,
  type MailKind,
  type OutboxAttachment,
  type OutboxLink,
} from './outbox-message.entity';

/** A message to send, already rendered in its recipient's language. */
export interface OutgoingMail {
  kind: MailKind;
  to: { address: string; name?: string | null; userId?: string | null; locale: Locale };
  clientId?: string | null;
  content: RenderedMail;
  /** Essential messages ignore preferences and carry no List-Unsubscribe. */
  essential: boolean;
  /** For non-essential messages: the one-click unsubscribe link (RFC 8058). */
  unsubscribeUrl?: string;
  attachments?: OutboxAttachment[];
  links?: OutboxLink[];
  /** Not before this instant (default: now). */
  notBefore?: Date;
  /** At most one message per key, ever: a second enqueue with the same key is a no-op. */
  dedupeKey?: string;
}

/**
 * The transactional outbox: `enqueue` writes the message with the `EntityManager` of the
 * transaction that causes it, so the message exists exactly when the event does. Delivery is
 * the sender's business (`OutboxSender`), never the caller's.
 */
@Injectable()
export class Outbox {
  constructor(private readonly clock: Clock) {}

  /** Writes the message; answers its id, or null when its dedupe key was already used. */
  async enqueue(m: EntityManager, mail: OutgoingMail): Promise<string | null> {
    const repo = m.getRepository(OutboxMessage);
    if (mail.dedupeKey && (await repo.existsBy({ dedupeKey: mail.dedupeKey }))) return null;
    const now = this.clock.now();
    const notBefore = mail.notBefore && mail.notBefore > now ? mail.notBefore : now;
    const headers: Record<string, string> = {};
    if (!mail.essential && mail.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const saved = await insertRow(
      m,
      repo.create({
        kind: mail.kind,
        recipient: mail.to.address,
        recipientName: mail.to.name ?? null,
        userId: mail.to.userId ?? null,
        clientId: mail.clientId ?? null,
        locale: mail.to.locale,
        subject: mail.content.subject.slice(0, 300),
        textBody: mail.content.text,
        htmlBody: mail.content.html,
        headers,
        attachments: mail.attachments ?? [],
        links: mail.links ?? [],
        essential: mail.essential,
        dedupeKey: mail.dedupeKey ?? null,
        status: 'pending',
        notBefore,
        nextAttemptAt: notBefore,
        attempts: 0,
        lastError: null,
        claimedBy: null,
        claimedUntil: null,
        sentAt: null,
        createdAt: now,
      }),
    );
    return saved.id;
  }

  /** Withdraws messages not yet sent that match a dedupe-key prefix (a reminder series). */
  async cancelPending(m: EntityManager, dedupeKeyPrefix: string): Promise<number> {
    const result = await m
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'cancelled' })
      .where('status = :status AND "dedupeKey" LIKE :prefix', {
        status: 'pending',
        prefix: `${dedupeKeyPrefix.replace(/[%_]/g, '')}%`,
      })
      .execute();
    return result.affected ?? 0;
  }
}
