import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';

/** A request that was never filed: the client found its answer in an article. */
@Entity('deflections')
@Index(['clientId', 'createdAt'])
export class Deflection extends Identified {
  @Column({ type: 'varchar', length: 36 })
  contractId!: string;

  /** Denormalised from the contract, so reports and tenant scoping need one column. */
  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  /** Null once the article is deleted: the deflection still counts. */
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  articleId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  /** What the client typed before the article answered it. */
  @Column({ type: 'varchar', length: 300 })
  query!: string;

  @InstantColumn()
  createdAt!: Date;
}
