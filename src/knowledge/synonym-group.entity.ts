import { Entity } from 'typeorm';
import { Identified, InstantColumn, JsonColumn } from '../common/columns';

/** Expressions the consultant declares equivalent: "wifi", "wi-fi", "réseau sans fil". */
@Entity('synonym_groups')
export class SynonymGroup extends Identified {
  /** As written; the first is what the others read as. */
  @JsonColumn()
  expressions!: string[];

  @InstantColumn()
  createdAt!: Date;
}
