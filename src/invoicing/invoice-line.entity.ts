import { Column, Entity, Index } from 'typeorm';
import { Identified, JsonColumn } from '../common/columns';
import type { LineKind, LineUnit, Supply, VatExemption } from './math';

/**
 * One line of an invoice or credit note. The quantity is stored in hundredths (1.5 h → 150) so
 * no float ever reaches the database; amounts are integer cents.
 */
@Entity('invoice_lines')
@Index(['invoiceId', 'position'], { unique: true })
export class InvoiceLine extends Identified {
  @Column({ type: 'varchar', length: 36 })
  invoiceId!: string;

  /** 0-based reading order; a credit note names invoice lines by it. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 30 })
  kind!: LineKind;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'integer' })
  quantityHundredths!: number;

  @Column({ type: 'varchar', length: 10 })
  unit!: LineUnit;

  @Column({ type: 'integer' })
  unitPriceCents!: number;

  @Column({ type: 'integer' })
  vatRateBp!: number;

  @Column({ type: 'integer' })
  amountCents!: number;

  @JsonColumn()
  interventionIds!: string[];

  /** The interventions behind the line, one printed line each (date, times, description, hours). */
  @JsonColumn()
  details!: string[];

  /** On a credit note: the position of the invoice line it credits. */
  @Column({ type: 'integer', nullable: true })
  creditedPosition!: number | null;

  /** What the line sells: services (prestations) or goods (livraison de biens). */
  @Column({ type: 'varchar', length: 10, default: 'services' })
  supply!: Supply;

  /** Why a 0 % line of an invoice with VAT bears none (see math/vat-exemptions.ts). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  vatExemption!: VatExemption | null;
}
