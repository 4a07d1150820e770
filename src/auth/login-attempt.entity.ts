import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn } from '../common/columns';

/** A failed sign-in, kept in the database so the lock-out holds across server processes. */
@Entity('login_failures')
@Index(['email', 'at'])
export class LoginFailure extends Identified {
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @InstantColumn()
  at!: Date;
}
