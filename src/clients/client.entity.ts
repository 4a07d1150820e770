import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn, JsonColumn } from '../common/columns';
import type { Locale, PostalAddress } from '../practice/practice.entity';

/** A client company of the practice: the tenant its staff users are confined to. */
@Entity('clients')
export class Client extends Identified {
  @Index()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 9, nullable: true })
  siren!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  vatNumber!: string | null;

  @JsonColumn()
  address!: PostalAddress;

  @Column({ type: 'varchar', length: 254 })
  billingEmail!: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  locale!: Locale | null;

  /**
   * The client's sub-account in the accounts (see account-code.ts): given at creation from the
   * name, changed only on purpose, copied into each invoice's buyer snapshot at issue.
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  accountCode!: string;

  @InstantColumn()
  createdAt!: Date;

  /** Set instead of deleting once invoices, contracts or users refer to the client. */
  @InstantColumn({ nullable: true })
  archivedAt!: Date | null;
}
