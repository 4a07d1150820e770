import { Column, Entity, Index } from 'typeorm';
import { DayColumn, Identified, InstantColumn, JsonColumn } from '../common/columns';
import type { DocumentKind, InvoiceVatRegime, RateTotal } from './math';
import type { BuyerSnapshot, SellerSnapshot } from './snapshots';

/** Stored status: only draft or issued. Paid, overdue, cancelled… are derived on read. */
export type StoredInvoiceStatus = 'draft' | 'issued';

/**
 * An invoice or a credit note (avoir). Drafts are edited freely; issuing gives a number, dates,
 * snapshots of both parties and a hash chained to the previous issued document, and freezes
 * the row (database triggers refuse any later UPDATE or DELETE).
 */
@Entity('invoices')
@Index(['clientId', 'issueDate'])
@Index(['contractId', 'periodStart'])
@Index(['status', 'kind'])
export class Invoice extends Identified {
  @Column({ type: 'varchar', length: 12 })
  kind!: DocumentKind;

  @Column({ type: 'varchar', length: 10 })
  status!: StoredInvoiceStatus;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  number!: string | null;

  /** The counter the number was drawn from, e.g. 'F{YYYY}-{SEQ:5}#2026'. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  seriesKey!: string | null;

  @Column({ type: 'integer', nullable: true })
  seq!: number | null;

  /** Position in the one hash chain over every issued document. */
  @Index({ unique: true })
  @Column({ type: 'integer', nullable: true })
  chainSeq!: number | null;

  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  contractId!: string | null;

  @DayColumn()
  periodStart!: string;

  @DayColumn()
  periodEnd!: string;

  @DayColumn({ nullable: true })
  issueDate!: string | null;

  @DayColumn({ nullable: true })
  dueDate!: string | null;

  @Column({ type: 'integer', nullable: true })
  paymentTermsDays!: number | null;

  @Column({ type: 'varchar', length: 2 })
  locale!: 'fr' | 'en';

  @Column({ type: 'varchar', length: 20 })
  vatRegime!: InvoiceVatRegime;

  @JsonColumn({ nullable: true })
  seller!: SellerSnapshot | null;

  @JsonColumn({ nullable: true })
  buyer!: BuyerSnapshot | null;

  @Column({ type: 'integer', default: 0 })
  netCents!: number;

  @Column({ type: 'integer', default: 0 })
  vatCents!: number;

  @Column({ type: 'integer', default: 0 })
  grossCents!: number;

  @JsonColumn()
  byRate!: RateTotal[];

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** A credit note's invoice. */
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  creditedInvoiceId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  hash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  previousHash!: string | null;

  /**
   * SHA-256 (hex) of the PDF stored at issue (table invoice_documents), part of the hashed
   * content. Null on drafts and on documents issued before PDFs were stored.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  pdfSha256!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  issuedAt!: Date | null;
}
