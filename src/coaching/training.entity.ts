import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn, JsonColumn } from '../common/columns';

/** A training session given to a client on a recurring topic; its work is an intervention. */
@Entity('trainings')
@Index(['clientId', 'startedAt'])
export class Training extends Identified {
  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 36 })
  contractId!: string;

  /** The training work, billed like any other; null if that work was deleted. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  interventionId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  topicKey!: string;

  @Column({ type: 'varchar', length: 200 })
  topic!: string;

  /** The topic's words, which its requests are measured by. */
  @JsonColumn()
  terms!: string[];

  @JsonColumn()
  attendeeIds!: string[];

  @InstantColumn()
  startedAt!: Date;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @InstantColumn()
  createdAt!: Date;
}
