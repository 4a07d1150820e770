import { onFirstUse } from '../common/on-first-use';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import type * as Nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfigService } from '../common/app-config.service';
import { Clock } from '../common/clock';
import { Transactions } from '../common/transactions';
import {
  LEASE_MARGIN_MS,
  LEASE_MS,
  MAX_ATTEMPTS,
  messageIdFor,
  nextAttempt,
  readFailure,
} from './delivery-rules';
import { MailAttachments } from './mail-attachments';
import { OutboxAttempt, type AttemptOutcome } from './outbox-attempt.entity';
import { OutboxMessage } from './outbox-message.entity';

const nodemailer = onFirstUse<typeof Nodemailer>('nodemailer');

/** Messages claimed at once by one sender. */
const BATCH = 10;
/** Messages one delivery round sends at most; the next tick goes on. */
const ROUND = 500;

/** What one delivery round did. */
export interface DeliveryOutcome {
  sent: number;
  failed: number;
}

/** A message the sender could not build: its attachment's bytes are missing. */
class MissingAttachment extends Error {}

interface Claimed {
  id: string;
  attempts: number;
  interrupted: boolean;
}

/**
 * Delivers the outbox through SMTP_URL. Each round claims due messages (pending and due, or
 * `sending` under a lease that has passed: a sender that stopped mid-way) in one short
 * transaction, `FOR UPDATE SKIP LOCKED` on PostgreSQL so several processes share the work
 * without sending a message twice; then sends them outside any transaction, and records each
 * attempt. A crash between the server's acceptance and the record leaves the message claimed:
 * when its lease passes it is sent again with the same Message-ID, so mail readers show it
 * once (at least once, and exactly once in normal operation). Without SMTP_URL nothing is
 * claimed: messages wait, pending, and nothing fails.
 */
@Injectable()
export class OutboxSender {
  private readonly logger = new Logger(OutboxSender.name);
  /** This process, as recorded on its claims and attempts. */
  readonly worker = `${hostname().slice(0, 50)}:${process.pid}`;
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly config: AppConfigService,
    private readonly attachments: MailAttachments,
  ) {}

  /** Whether an SMTP server is set: without one, messages wait in the outbox. */
  get enabled(): boolean {
    return Boolean(this.config.values.SMTP_URL);
  }

  /** Sends what is due, batch after batch, until nothing is due or the round is full. */
  async deliverDue(): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { sent: 0, failed: 0 };
    if (!this.enabled) return outcome;
    let handled = 0;
    while (handled < ROUND) {
      const leaseEnds = new Date(this.clock.now().getTime() + LEASE_MS);
      const claimed = await this.claim(Math.min(BATCH, ROUND - handled), leaseEnds);
      if (!claimed.length) break;
      for (const [k, message] of claimed.entries()) {
        if (this.clock.now().getTime() > leaseEnds.getTime() - LEASE_MARGIN_MS) {
          // The lease nearly over (a slow server): what is left goes back for the next round.
          await this.release(claimed.slice(k).map((c) => c.id));
          return outcome;
        }
        if (await this.deliver(message)) outcome.sent++;
        else outcome.failed++;
      }
      handled += claimed.length;
    }
    return outcome;
  }

  /** Closes the SMTP connections (at shutdown). */
  close(): void {
    this.transport?.close();
    this.transport = null;
  }

  /**
   * Marks up to `limit` due messages as this sender's until `leaseEnds`, in one short
   * transaction. A message found `sending` under a passed lease was interrupted: that is
   * recorded as an attempt, and it is sent again.
   */
  private claim(limit: number, leaseEnds: Date): Promise<Claimed[]> {
    const now = this.clock.now().toISOString();
    return this.tx.run(async (m) => {
      // PostgreSQL: rows another sender is claiming right now are skipped, not waited for.
      // SQLite: one writer at a time, and the Transactions queue serialises this process.
      const pg = this.tx.isPostgres;
      const rows: Array<{ id: string; status: string; attempts: number | string }> = await m.query(
        `SELECT id, status, attempts FROM outbox
           WHERE (status = 'pending' AND "nextAttemptAt" <= ${pg ? '$1' : '?'})
              OR (status = 'sending' AND "claimedUntil" <= ${pg ? '$2' : '?'})
           ORDER BY "nextAttemptAt", id
           LIMIT ${Number(limit)}${pg ? ' FOR UPDATE SKIP LOCKED' : ''}`,
        [now, now],
      );
      if (!rows.length) return [];
      const claimed: Claimed[] = [];
      for (const row of rows) {
        const interrupted = row.status === 'sending';
        let attempts = Number(row.attempts);
        if (interrupted) {
          attempts++;
          await this.record(m, row.id, attempts, 'interrupted', null);
        }
        claimed.push({ id: row.id, attempts, interrupted });
      }
      await m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: 'sending', claimedBy: this.worker, claimedUntil: leaseEnds })
        .whereInIds(claimed.map((c) => c.id))
        .execute();
      for (const c of claimed.filter((c) => c.interrupted)) {
        await m.update(OutboxMessage, { id: c.id }, { attempts: c.attempts });
      }
      return claimed;
    });
  }

  /** Gives claimed messages back, untouched, for the next round. */
  private async release(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: 'pending', claimedBy: null, claimedUntil: null })
        .whereInIds(ids)
        .andWhere('"claimedBy" = :me AND status = :sending', {
          me: this.worker,
          sending: 'sending',
        })
        .execute(),
    );
  }

  /** One attempt at one message; answers whether the server accepted it. */
  private async deliver(claimed: Claimed): Promise<boolean> {
    const message = await this.dataSource.manager.findOneBy(OutboxMessage, { id: claimed.id });
    if (!message) return false;
    const attempt = claimed.attempts + 1;
    try {
      const mail = await this.build(message);
      const info = (await this.smtp().sendMail(mail)) as { response?: string };
      await this.settle(message.id, attempt, 'sent', info.response ?? null);
      return true;
    } catch (error) {
      const reading =
        error instanceof MissingAttachment
          ? { permanent: false, detail: error.message }
          : readFailure(error);
      const next = nextAttempt(this.clock.now(), attempt, reading.permanent);
      this.logger.warn(
        `message ${message.id} to ${message.recipient}, attempt ${attempt}/${MAX_ATTEMPTS}: ${reading.detail}`,
      );
      await this.settle(message.id, attempt, next ? 'retry' : 'failed', reading.detail, next);
      return false;
    }
  }

  /** The message as nodemailer sends it, its attachments read from their owners now. */
  private async build(message: OutboxMessage): Promise<SendMailOptions> {
    const attachments: NonNullable<SendMailOptions['attachments']> = [];
    for (const a of message.attachments) {
      const bytes = await this.attachments.read(a.source, a.key, this.dataSource.manager);
      if (!bytes) {
        throw new MissingAttachment(
          `attachment ${a.filename} (${a.source} ${a.key}) could not be read: its file is missing`,
        );
      }
      attachments.push({ filename: a.filename, contentType: a.contentType, content: bytes });
    }
    return {
      messageId: messageIdFor(message.id, this.config.values.MAIL_FROM),
      from: this.config.values.MAIL_FROM,
      to: message.recipientName
        ? { name: message.recipientName, address: message.recipient }
        : message.recipient,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      headers: message.headers,
      attachments,
    };
  }

  /** Records the outcome of an attempt on the message (if this sender still owns it) and apart. */
  private async settle(
    id: string,
    attempt: number,
    outcome: Exclude<AttemptOutcome, 'interrupted'>,
    detail: string | null,
    next: Date | null = null,
  ): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      await this.record(m, id, attempt, outcome, detail);
      await m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({
          status: outcome === 'sent' ? 'sent' : outcome === 'retry' ? 'pending' : 'failed',
          attempts: attempt,
          sentAt: outcome === 'sent' ? now : null,
          lastError: outcome === 'sent' ? null : detail,
          nextAttemptAt: next ?? now,
          claimedBy: null,
          claimedUntil: null,
        })
        .where('id = :id AND status = :sending AND "claimedBy" = :me', {
          id,
          sending: 'sending',
          me: this.worker,
        })
        .execute();
    });
  }

  private async record(
    m: EntityManager,
    messageId: string,
    attempt: number,
    outcome: AttemptOutcome,
    detail: string | null,
  ): Promise<void> {
    const repo = m.getRepository(OutboxAttempt);
    await repo.save(
      repo.create({
        messageId,
        attempt,
        outcome,
        detail:
          outcome === 'interrupted'
            ? 'The sender stopped before recording the outcome; sent again with the same Message-ID.'
            : detail,
        worker: this.worker,
        at: this.clock.now(),
      }),
    );
  }

  private smtp(): Transporter {
    if (!this.transport) {
      // Settings in the address's query (?tls.rejectUnauthorized=false…) win over these.
      const options: SMTPPool.Options = {
        url: this.config.values.SMTP_URL,
        pool: true,
        maxConnections: 2,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      };
      this.transport = nodemailer().createTransport(options);
    }
    return this.transport;
  }
}
