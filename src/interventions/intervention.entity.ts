import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';
import type { Location, Urgency } from '../common/domain';

/**
 * A piece of work for a client under a contract. A running timer is an intervention with no end.
 * Every derived figure (duration, after-hours, billable minutes, surcharges, amount) is computed
 * on save by the pure pricing rules and stored, so invoices and reports read them as they were.
 */
@Entity('interventions')
@Index(['consultantId', 'startedAt'])
@Index(['contractId', 'startedAt'])
@Index(['clientId', 'startedAt'])
export class Intervention extends Identified {
  @Column({ type: 'varchar', length: 36 })
  consultantId!: string;

  @Column({ type: 'varchar', length: 36 })
  contractId!: string;

  /** Denormalised from the contract for tenant scoping and reports. */
  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  activityId!: string;

  @InstantColumn()
  startedAt!: Date;

  /** null while the timer runs. */
  @InstantColumn({ nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 10 })
  urgency!: Urgency;

  @Column({ type: 'varchar', length: 10 })
  location!: Location;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'boolean', default: true })
  billable!: boolean;

  @Column({ type: 'integer', default: 0 })
  durationMinutes!: number;

  @Column({ type: 'integer', default: 0 })
  afterHoursMinutes!: number;

  @Column({ type: 'integer', default: 0 })
  billableMinutes!: number;

  @Column({ type: 'integer', default: 0 })
  afterHoursBillableMinutes!: number;

  /** The rate applied: the contract's activity rate, else the contract rate (cents per hour). */
  @Column({ type: 'integer', default: 0 })
  hourlyRateCents!: number;

  @Column({ type: 'integer', default: 0 })
  baseAmountCents!: number;

  @Column({ type: 'integer', default: 0 })
  urgencySurchargePercent!: number;

  @Column({ type: 'integer', default: 0 })
  urgencySurchargeCents!: number;

  @Column({ type: 'integer', default: 0 })
  afterHoursSurchargePercent!: number;

  @Column({ type: 'integer', default: 0 })
  afterHoursSurchargeCents!: number;

  @Column({ type: 'integer', default: 0 })
  amountCents!: number;

  /**
   * The billing claim holding it (`BillingClaims`), an id its biller chose: claimed work cannot
   * change. Named `invoiceId` in the schema and the API, since invoicing claims by invoice.
   */
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  invoiceId!: string | null;

  /** manual, timer, or import:<tool> */
  @Column({ type: 'varchar', length: 20, default: 'manual' })
  source!: string;

  /** A timer left running past 12 h was stopped at 12 h when next read. */
  @Column({ type: 'boolean', default: false })
  autoStopped!: boolean;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
