import { Column, Entity, Index } from 'typeorm';
import type { AlertFigures } from './alert-rules';
import { Identified, InstantColumn } from '../common/columns';

export const ALERT_KINDS = ['usage_80', 'usage_100', 'contract_ending'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * Something the consultant and the client should know about a contract: most of its minutes
 * used, or its end coming. One row per contract, kind and period, so an acknowledged alert stays
 * acknowledged. Each side (the consultant's inbox, the client's portal) acknowledges its own copy.
 */
@Entity('alerts')
@Index(['contractId', 'kind', 'period'], { unique: true })
@Index(['clientId', 'createdAt'])
export class Alert extends Identified {
  @Column({ type: 'varchar', length: 36 })
  contractId!: string;

  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: AlertKind;

  /** The month 'YYYY-MM' of a retainer, 'prepaid-<minutes>' of a block, the end date of an ending. */
  @Column({ type: 'varchar', length: 30 })
  period!: string;

  @Column({ type: 'text' })
  message!: string;

  /** What the message states, as figures, for pages that word it in the reader's language. */
  @Column({ type: 'simple-json', nullable: true })
  figures!: AlertFigures | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  acknowledgedById!: string | null;

  @InstantColumn({ nullable: true })
  clientAcknowledgedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  clientAcknowledgedById!: string | null;
}
