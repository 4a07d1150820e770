import { Column, Entity } from 'typeorm';
import { Identified, InstantColumn, JsonColumn } from '../common/columns';
import type { Locale } from '../i18n/catalogue';

/**
 * What a message is about; each kind has its templates under templates/mail/ and its words in
 * the catalogue. Essential kinds (an invitation, a password reset, an invoice) are sent whatever
 * the recipient's preferences; the others carry List-Unsubscribe.
 */
export type MailKind =
  | 'invitation'
  | 'password_reset'
  | 'request_critical'
  | 'digest'
  | 'request_received'
  | 'request_answered'
  | 'request_resolved'
  | 'request_reclassified'
  | 'quota_alert'
  | 'invoice'
  | 'credit_note'
  | 'payment_reminder'
  | 'weekly_report';

/**
 * pending: waits for its time (`nextAttemptAt`) or for an SMTP server; sending: claimed by one
 * sender until `claimedUntil` (after a crash it becomes due again, and is sent again with the
 * same Message-ID); sent; failed: given up after the last retry, until someone retries it;
 * cancelled: withdrawn before it left (a reminder stopped by a payment).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = [
  'pending',
  'sending',
  'sent',
  'failed',
  'cancelled',
];

/**
 * A file sent with a message, named by its source rather than copied: the sender asks the
 * module that owns it for the bytes at send time (see `MailAttachments`), so an invoice's PDF
 * leaves exactly as it is stored.
 */
export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** A source registered with `MailAttachments` (for example 'invoice-pdf'), and its key. */
  source: string;
  key: string;
}

/** A link the message carries, shown on the console while the message waits. */
export interface OutboxLink {
  /** Catalogue key of the link's label. */
  labelKey: string;
  url: string;
}

@Entity('outbox')
export class OutboxMessage extends Identified {
  @Column({ type: 'varchar', length: 40 })
  kind!: MailKind;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  recipientName!: string | null;

  /** The user it is addressed to, when it is one (preferences, the console's list). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  /** The client company it concerns, if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  clientId!: string | null;

  @Column({ type: 'varchar', length: 5 })
  locale!: Locale;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  textBody!: string;

  @Column({ type: 'text' })
  htmlBody!: string;

  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post…). */
  @JsonColumn()
  headers!: Record<string, string>;

  @JsonColumn()
  attachments!: OutboxAttachment[];

  @JsonColumn()
  links!: OutboxLink[];

  @Column({ type: 'boolean', default: true })
  essential!: boolean;

  /** At most one message per key, ever (a reminder per invoice and day, a digest per hour). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: OutboxStatus;

  /** Not sent before this instant (business hours, a digest's opening). */
  @InstantColumn()
  notBefore!: Date;

  @InstantColumn()
  nextAttemptAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  claimedBy!: string | null;

  @InstantColumn({ nullable: true })
  claimedUntil!: Date | null;

  @InstantColumn({ nullable: true })
  sentAt!: Date | null;

  @InstantColumn()
  createdAt!: Date;
}
