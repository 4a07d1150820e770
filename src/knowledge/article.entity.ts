import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn, JsonColumn } from '../common/columns';

/** A knowledge-base article: Markdown written by the consultant, shown to clients as safe HTML. */
@Entity('articles')
export class Article extends Identified {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  bodyMarkdown!: string;

  /** Rendered and sanitised on every save, so no reader ever gets the author's raw HTML. */
  @Column({ type: 'text' })
  bodyHtml!: string;

  /** The body as plain text: for excerpts and ranking. */
  @Column({ type: 'text' })
  bodyText!: string;

  /** Lower case, trimmed, each once. */
  @JsonColumn()
  tags!: string[];

  @Index()
  @Column({ type: 'boolean', default: false })
  published!: boolean;

  /** The client companies that may read it; empty means every client. */
  @JsonColumn()
  clientIds!: string[];

  /** Folded title, tags and body, padded with spaces: the SQL prefilter of searches. */
  @Column({ type: 'text' })
  searchText!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;
}
