import { Column, Entity } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';
import type { ActivityKind } from '../common/domain';

/** What the consultant does (support, consulting, training…), with its default hourly rate. */
@Entity('activities')
export class Activity extends Identified {
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ActivityKind;

  /** cents per hour */
  @Column({ type: 'integer' })
  defaultRateCents!: number;

  @Column({ type: 'boolean', default: true })
  billable!: boolean;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  archivedAt!: Date | null;
}
