import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Urgency } from '../common/domain';

/**
 * The part of an intervention that falls on one local day of the practice's zone, written with
 * the intervention. Reports group these rows by day in SQL, the same way on SQLite and
 * PostgreSQL, and every minute lands on its true local day (midnight and DST included).
 */
@Entity('intervention_days')
@Index(['consultantId', 'day'])
@Index(['clientId', 'day'])
export class InterventionDay {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  interventionId!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'varchar', length: 36 })
  consultantId!: string;

  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 36 })
  contractId!: string;

  @Column({ type: 'varchar', length: 36 })
  activityId!: string;

  @Column({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'integer' })
  afterHoursMinutes!: number;

  @Column({ type: 'varchar', length: 10 })
  urgency!: Urgency;

  /** True on the day the intervention started: an urgent one counts as one interruption there. */
  @Column({ type: 'boolean' })
  isStartDay!: boolean;

  /** First start and last end of the piece, ISO UTC. */
  @Column({ type: 'varchar', length: 24 })
  pieceStart!: string;

  @Column({ type: 'varchar', length: 24 })
  pieceEnd!: string;
}
