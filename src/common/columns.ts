import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, ColumnOptions, PrimaryColumn, ValueTransformer } from 'typeorm';

/**
 * Instants are stored as fixed-width ISO-8601 UTC strings (YYYY-MM-DDTHH:mm:ss.sssZ): they sort
 * and compare as text identically on SQLite and PostgreSQL, with no driver time-zone surprises.
 */
export const instantTransformer: ValueTransformer = {
  to: (value: Date | string | null | undefined) =>
    value instanceof Date ? value.toISOString() : value,
  from: (value: string | null) => (value == null ? value : new Date(value)),
};

export function InstantColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 24, transformer: instantTransformer, ...options });
}

/** Calendar days as 'YYYY-MM-DD' text. */
export function DayColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 10, ...options });
}

/** JSON stored as text on both databases. */
export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'simple-json', ...options });
}

/** UUID primary key assigned by the application, so both databases behave the same. */
export abstract class Identified {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  assignId(): void {
    if (!this.id) this.id = randomUUID();
  }
}
