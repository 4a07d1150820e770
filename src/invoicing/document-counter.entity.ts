import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number drawn from a series ('F{YYYY}-{SEQ:5}#2026' → 41). */
@Entity('document_counters')
export class DocumentCounter {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  seriesKey!: string;

  @Column({ type: 'integer' })
  lastSeq!: number;
}
