import { Column, Entity, Index } from 'typeorm';
import { DayColumn, Identified, InstantColumn } from '../common/columns';

export const PAYMENT_METHODS = ['transfer', 'card', 'cheque', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money received against an issued invoice; the invoice's status is derived from these. */
@Entity('payments')
@Index(['invoiceId'])
export class Payment extends Identified {
  @Column({ type: 'varchar', length: 36 })
  invoiceId!: string;

  @Column({ type: 'integer' })
  amountCents!: number;

  @DayColumn()
  paidOn!: string;

  @Column({ type: 'varchar', length: 10 })
  method!: PaymentMethod;

  @InstantColumn()
  createdAt!: Date;
}
