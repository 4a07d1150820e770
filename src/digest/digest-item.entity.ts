import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn, JsonColumn } from '../common/columns';

/** What a digest gathers: a request filed, a client's comment, an alert. */
export const DIGEST_ITEM_KINDS = ['request', 'comment', 'alert'] as const;
export type DigestItemKind = (typeof DIGEST_ITEM_KINDS)[number];

/**
 * What a line of the digest states, as figures: its words are the catalogue's, in the
 * consultant's language when the digest is composed. Instants as ISO strings.
 */
export interface DigestFigures {
  /** The line's message code: `mail-requests.digest.item.<code>`, or an alert's kind. */
  code: string;
  clientName: string;
  /** The page the line links to, under the public address. */
  path: string;
  [figure: string]: string | number | boolean | null;
}

/**
 * One line waiting for a consultant's digest, written in the transaction of its event; the
 * digest that carries it marks it (`digestedAt`), in the transaction that writes the message.
 */
@Entity('mail_digest_items')
@Index(['userId', 'ref'], { unique: true })
@Index(['digestedAt', 'dueAt'])
export class DigestItem extends Identified {
  /** The consultant it waits for. */
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: DigestItemKind;

  /** What it is about (`request:<id>`, `comment:<id>`, `alert:<contract>:<kind>:<period>`): once per consultant. */
  @Column({ type: 'varchar', length: 200 })
  ref!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  clientId!: string | null;

  @JsonColumn()
  figures!: DigestFigures;

  @InstantColumn()
  createdAt!: Date;

  /** The digest that gathers it (see `nextDigestAt`). */
  @InstantColumn()
  dueAt!: Date;

  @InstantColumn({ nullable: true })
  digestedAt!: Date | null;
}
