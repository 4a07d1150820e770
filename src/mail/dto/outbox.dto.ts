import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Omittable } from '../../common/validation';
import type { Translate } from '../../i18n/catalogue';
import type { OutboxAttempt } from '../outbox-attempt.entity';
import { OUTBOX_STATUSES, type OutboxMessage, type OutboxStatus } from '../outbox-message.entity';

export class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @Omittable()
  @IsIn(OUTBOX_STATUSES)
  readonly status?: OutboxStatus;
}

export class OutboxLinkView {
  @ApiProperty({ description: 'What the link is for, in the language of Accept-Language' })
  label!: string;
  @ApiProperty() url!: string;
}

export class OutboxMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'invitation' }) kind!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty({ type: String, nullable: true }) recipientName!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty({ description: 'Delivery attempts so far' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: "The SMTP server's last refusal" })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it is (next) due' })
  nextAttemptAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({
    type: [OutboxLinkView],
    description: 'The links it carries, while it has not left (empty once sent or cancelled)',
  })
  links!: OutboxLinkView[];
}

export class OutboxAttemptView {
  @ApiProperty() attempt!: number;
  @ApiProperty({ enum: ['sent', 'retry', 'failed', 'interrupted'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, description: "The SMTP server's answer" })
  detail!: string | null;
  @ApiProperty({ description: 'The server process that made it' }) worker!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OutboxMessageDetail extends OutboxMessageView {
  @ApiProperty({ type: [OutboxAttemptView] }) attemptLog!: OutboxAttemptView[];
}

/** Links show while the message has not left: an invitation can be copied from the console. */
const showsLinks = (status: OutboxStatus): boolean =>
  status === 'pending' || status === 'sending' || status === 'failed';

/** One message of the outbox as the API answers it and the console's outbox page lists it. */
export function outboxView(m: OutboxMessage, t: Translate): OutboxMessageView {
  return {
    id: m.id,
    kind: m.kind,
    recipient: m.recipient,
    recipientName: m.recipientName,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    sentAt: m.sentAt ? m.sentAt.toISOString() : null,
    links: showsLinks(m.status) ? m.links.map((l) => ({ label: t(l.labelKey), url: l.url })) : [],
  };
}

export function attemptView(a: OutboxAttempt): OutboxAttemptView {
  return {
    attempt: a.attempt,
    outcome: a.outcome,
    detail: a.detail,
    worker: a.worker,
    at: a.at.toISOString(),
  };
}
