import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns';

/** A secret the server generated for itself, shared by every process on the database. */
@Entity('server_secrets')
export class ServerSecret {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'text' })
  value!: string;

  @InstantColumn()
  createdAt!: Date;
}
