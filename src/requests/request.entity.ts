import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';
import type { Urgency } from '../common/domain';
import { outcomeColumn, type AsWritten } from '../common/outcome';
import type { PolicyReason } from './urgency-policy';

/** `cancelled`: withdrawn by whoever filed it while it was still open (its quota unit given back). */
export const REQUEST_STATUSES = ['open', 'in_progress', 'resolved', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type PolicyOutcome = 'accepted' | 'downgraded' | 'overage';

/** A support request filed by client staff (or the consultant) under a contract. */
@Entity('requests')
@Index(['contractId', 'createdAt'])
@Index(['clientId', 'status'])
export class SupportRequest extends Identified {
  @Column({ type: 'varchar', length: 36 })
  contractId!: string;

  /** Denormalised from the contract, so tenant scoping is one column. */
  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 10 })
  urgencyRequested!: Urgency;

  @Column({ type: 'varchar', length: 10 })
  urgencyApplied!: Urgency;

  @Column({ type: 'varchar', length: 12 })
  policyOutcome!: PolicyOutcome;

  /** Why the policy downgraded it or billed it as overage: a code and its figures (JSON). */
  @Column({ type: 'text', nullable: true, transformer: outcomeColumn('quota') })
  reason!: PolicyReason | AsWritten | null;

  @Column({ type: 'varchar', length: 12 })
  status!: RequestStatus;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  responseDueAt!: Date;

  /** First intervention or consultant comment: the response that the SLA measures. */
  @InstantColumn({ nullable: true })
  respondedAt!: Date | null;

  @InstantColumn({ nullable: true })
  resolvedAt!: Date | null;

  @InstantColumn({ nullable: true })
  closedAt!: Date | null;

  /** Set when the consultant downgraded the request: shown in reports, not billed. */
  @Column({ type: 'boolean', default: false })
  falseUrgency!: boolean;

  @Column({ type: 'varchar', length: 10, nullable: true })
  reclassifiedFrom!: Urgency | null;

  @Column({ type: 'text', nullable: true })
  reclassificationReason!: string | null;
}
