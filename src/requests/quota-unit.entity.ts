import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';
import type { Urgency } from '../common/domain';

/**
 * One unit of a contract's monthly urgency quota, taken by a request or by an urgent intervention
 * without a request (a phone call). Usage of a level in a month is the count of its units that
 * are not released; over-quota units flagged `overage` carry the fee to bill.
 */
@Entity('quota_units')
@Index(['contractId', 'month', 'level'])
export class QuotaUnit extends Identified {
  @Column({ type: 'varchar', length: 36 })
  contractId!: string;

  /** Practice-zone month 'YYYY-MM' of the request's creation or the intervention's start. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: Urgency;

  @Column({ type: 'varchar', length: 36, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  interventionId!: string | null;

  /** Taken beyond the quota under an `overage` policy (or by work logged past the quota). */
  @Column({ type: 'boolean', default: false })
  overage!: boolean;

  @Column({ type: 'integer', default: 0 })
  feeCents!: number;

  /** Given back (a false urgency, a deleted intervention); no longer counts. */
  @Column({ type: 'boolean', default: false })
  released!: boolean;

  /** The billing claim holding this unit's overage fee (`BillingClaims`; invoicing's invoice id). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  invoiceId!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
