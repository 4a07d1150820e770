import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';

/**
 * An issued invoice or credit note sent by mail: to whom and when, and the outbox message that
 * carries it. One row per send (a document may be sent again); the document itself stays frozen.
 */
@Entity('invoice_sends')
@Index('IDX_invoice_sends_invoice', ['invoiceId', 'sentAt'])
export class InvoiceSend extends Identified {
  @Column({ type: 'varchar', length: 36 })
  invoiceId!: string;

  @Column({ type: 'varchar', length: 254 })
  sentTo!: string;

  @InstantColumn()
  sentAt!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  outboxId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  sentBy!: string | null;
}
