import { Column, Entity, Index } from 'typeorm';
import { Identified, InstantColumn, JsonColumn } from '../common/columns';
import type { Locale } from '../i18n/catalogue';
import type { Role } from '../common/domain';
import type { MailPreferencesValue } from './notification-topics';

@Entity('users')
export class User extends Identified {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 36, nullable: true })
  clientId!: string | null;

  /** argon2id; null until an invited user sets a password. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** SHA-256 of the one-time invite token; cleared once used. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  inviteTokenHash!: string | null;

  @InstantColumn({ nullable: true })
  inviteExpiresAt!: Date | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  deactivatedAt!: Date | null;

  /**
   * Carried in every access token; a token whose version is not the current one is refused.
   * Signing out, a new password and a deactivation move it on, ending every earlier token.
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  /** The language this person reads their mail in; null: the practice's language. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  locale!: Locale | null;

  /** The notifications this person turned off; null: every notification their role gets. */
  @JsonColumn({ nullable: true })
  mailPreferences!: MailPreferencesValue | null;

  /** SHA-256 of the one-time password reset token; cleared once used. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  resetTokenHash!: string | null;

  @InstantColumn({ nullable: true })
  resetExpiresAt!: Date | null;
}

/** The update that ends every token issued so far (see `tokenVersion`), atomic in SQL. */
export const NEXT_TOKEN_VERSION = { tokenVersion: (): string => '"tokenVersion" + 1' };

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  clientId: string | null;
  active: boolean;
  /** False while an invited user has not chosen a password yet. */
  passwordSet: boolean;
  createdAt: string;
}

export function toPublicUser(u: User): PublicUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    clientId: u.clientId,
    active: u.active,
    passwordSet: u.passwordHash !== null,
    createdAt: u.createdAt.toISOString(),
  };
}
