import { Column, Entity, Index } from 'typeorm';
import { DayColumn, Identified, InstantColumn, JsonColumn } from '../common/columns';
import type { BillingMode, UrgencyPolicy } from '../common/domain';

export interface ActivityRate {
  activityId: string;
  hourlyRateCents: number;
}

/** How a contract bills: the billing block of API.md. Money in cents, rates in cents per hour. */
/** When a retainer's monthly fee is billed: after its month (à terme échu) or before it (à échoir). */
export const FEE_TIMINGS = ['arrears', 'advance'] as const;
export type FeeTiming = (typeof FEE_TIMINGS)[number];

export interface BillingTerms {
  mode: BillingMode;
  /** Retainer: 'arrears' (default) bills a month's fee with its work; 'advance' bills it ahead. */
  feeTiming?: FeeTiming;
  monthlyFeeCents?: number | null;
  includedMinutesPerMonth?: number | null;
  prepaidMinutes?: number | null;
  hourlyRateCents: number;
  overageRateCents?: number | null;
  activityRates?: ActivityRate[];
  roundingMinutes: number;
  minimumBillableMinutes: number;
  rolloverMonths: number;
}

/** The agreement between the practice and one client: billing, urgency policy, terms. */
@Entity('contracts')
export class Contract extends Identified {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60 })
  reference!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @DayColumn()
  startDate!: string;

  @DayColumn({ nullable: true })
  endDate!: string | null;

  @JsonColumn()
  billing!: BillingTerms;

  @JsonColumn()
  urgencyPolicy!: UrgencyPolicy;

  /** Overrides the practice's payment terms; at most 60 days. */
  @Column({ type: 'integer', nullable: true })
  paymentTermsDays!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  archivedAt!: Date | null;
}
