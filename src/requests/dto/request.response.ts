import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, URGENCY_LEVELS } from '../../common/domain';
import type { Urgency } from '../../common/domain';
import { ApiInstant, ApiUuid } from '../../common/openapi';
import { REQUEST_STATUSES } from '../request.entity';
import { SLA_STATUSES } from '../sla';

/** The urgency level's monthly quota after this request: units used, the quota (null = none). */
export class QuotaUseView {
  @ApiProperty({ enum: URGENCY_LEVELS }) level!: Urgency;
  @ApiProperty({ example: 2, description: 'this month, this request included' }) used!: number;
  @ApiProperty({ type: Number, nullable: true, example: 2 }) quota!: number | null;
}

/**
 * Why the urgency policy did not simply accept a request at its level: a code, its words in the
 * language of Accept-Language, and its figures.
 */
export class PolicyReasonView {
  @ApiProperty({
    enum: ['downgraded', 'overage', 'as_written'],
    description:
      "downgraded: the level's quota was used up, a lower level had room; overage: accepted over the quota with a fee; as_written: words stored before reasons had codes",
  })
  code!: string;
  @ApiProperty({
    example:
      'Quota Critique du mois épuisé (2 sur 2) : demande enregistrée au niveau Haute (1 sur 5)',
    description: 'in the language of Accept-Language (French by default)',
  })
  message?: string;
  @ApiPropertyOptional({ enum: URGENCY_LEVELS, description: 'the level asked for' })
  level?: Urgency;
  @ApiPropertyOptional({ description: "the requested level's units used this month" })
  used?: number;
  @ApiPropertyOptional({ description: "the requested level's monthly quota" }) quota?: number;
  @ApiPropertyOptional({ enum: URGENCY_LEVELS, description: 'downgraded: the level applied' })
  appliedLevel?: Urgency;
  @ApiPropertyOptional({ description: 'downgraded: units of that level used, this one included' })
  appliedUsed?: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "downgraded: that level's quota, null when unlimited",
  })
  appliedQuota?: number | null;
  @ApiPropertyOptional({ description: 'overage: the fee billed for it' })
  overageFeeCents?: number;
}

/** A request as the API answers it: what was filed, the policy's decision, its SLA status now. */
export class RequestView {
  @ApiUuid() id!: string;
  @ApiUuid() contractId!: string;
  @ApiUuid() clientId!: string;
  @ApiUuid() createdById!: string;
  @ApiProperty({ example: 'The accounting software no longer starts' }) title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: URGENCY_LEVELS }) urgencyRequested!: Urgency;
  @ApiProperty({ enum: URGENCY_LEVELS, description: "after the contract's urgency policy" })
  urgencyApplied!: Urgency;
  @ApiProperty({ enum: ['accepted', 'downgraded', 'overage'] }) policyOutcome!: string;
  @ApiProperty({
    type: PolicyReasonView,
    nullable: true,
    description: 'why it was downgraded or billed as overage; null when accepted as asked',
  })
  reason!: PolicyReasonView | null;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: string;
  @ApiInstant() createdAt!: Date;
  @ApiInstant({ description: 'the response deadline of the applied urgency' })
  responseDueAt!: Date;
  @ApiInstant({ nullable: true, description: 'first intervention or consultant comment' })
  respondedAt!: Date | null;
  @ApiInstant({ nullable: true }) resolvedAt!: Date | null;
  @ApiInstant({ nullable: true }) closedAt!: Date | null;
  @ApiProperty({ description: 'downgraded by the consultant: not billed as urgent' })
  falseUrgency!: boolean;
  @ApiProperty({ type: String, enum: URGENCY_LEVELS, nullable: true })
  reclassifiedFrom!: Urgency | null;
  @ApiProperty({ type: String, nullable: true }) reclassificationReason!: string | null;
  @ApiProperty({
    enum: SLA_STATUSES,
    description:
      'response deadline, now: met, missed, pending (not answered, not yet due); none when cancelled before any response (counted in no SLA figure)',
  })
  sla!: string;
}

/** POST /api/requests: the request filed, with the quota it used. */
export class FiledRequestView extends RequestView {
  @ApiProperty({ type: QuotaUseView }) quota!: QuotaUseView;
}

/** PATCH /api/requests/:id: the request changed; `quota` when a reclassification moved it. */
export class ChangedRequestView extends RequestView {
  @ApiPropertyOptional({ type: QuotaUseView }) quota?: QuotaUseView;
}

/** One piece of work logged against a request. */
export class LoggedWorkView {
  @ApiUuid() id!: string;
  @ApiInstant() startedAt!: string;
  @ApiInstant({ nullable: true, description: 'null while the timer runs' }) endedAt!: string | null;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty() billableMinutes!: number;
  @ApiProperty({ enum: URGENCY_LEVELS }) urgency!: Urgency;
  @ApiProperty() description!: string;
}

export class CommentView {
  @ApiUuid() id!: string;
  @ApiUuid() requestId!: string;
  @ApiUuid() authorId!: string;
  @ApiProperty({ enum: ROLES }) authorRole!: string;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty() body!: string;
  @ApiInstant() createdAt!: Date;
}

/** GET /api/requests/:id: the request with the work logged against it and its comments. */
export class RequestDetailView extends RequestView {
  @ApiProperty({ type: [LoggedWorkView] }) interventions!: LoggedWorkView[];
  @ApiProperty({ type: [CommentView] }) comments!: CommentView[];
}
