import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';
import type { Role } from '../common/domain';

/** A message on a request, from the consultant or the client's staff. */
@Entity('request_comments')
@Index(['requestId', 'createdAt'])
export class RequestComment extends Identified {
  @Column({ type: 'varchar', length: 36 })
  requestId!: string;

  /** Denormalised from the request, so tenant scoping is one column. */
  @Column({ type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'varchar', length: 20 })
  authorRole!: Role;

  @Column({ type: 'text' })
  body!: string;

  @InstantColumn()
  createdAt!: Date;
}
