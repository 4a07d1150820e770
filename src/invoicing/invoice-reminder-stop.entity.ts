import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns';

/** The payment reminders of an invoice, stopped by hand: none is sent after `stoppedAt`. */
@Entity('invoice_reminder_stops')
export class InvoiceReminderStop {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  invoiceId!: string;

  @InstantColumn()
  stoppedAt!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  stoppedBy!: string | null;
}
