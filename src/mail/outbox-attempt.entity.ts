import { Column, Entity } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';

/**
 * What became of one attempt: sent (the server accepted it), retry (refused for now or not
 * reached: tried again later), failed (given up: a permanent refusal or the last attempt),
 * interrupted (the sender stopped before it could record the outcome; the message is sent again
 * with the same Message-ID).
 */
export type AttemptOutcome = 'sent' | 'retry' | 'failed' | 'interrupted';

/** One delivery attempt of an outbox message, with the SMTP server's answer or the error. */
@Entity('outbox_attempts')
export class OutboxAttempt extends Identified {
  @Column({ type: 'varchar', length: 36 })
  messageId!: string;

  /** 1 for the first attempt. */
  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'varchar', length: 12 })
  outcome!: AttemptOutcome;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  /** The process that made it. */
  @Column({ type: 'varchar', length: 80 })
  worker!: string;

  @InstantColumn()
  at!: Date;
}
