import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** argon2id with the library's memory-hard defaults (64 MiB, t=3, p=4). */
export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

/** A hash to verify against when the email is unknown, so timing does not reveal accounts. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> =>
  (decoy ??= hashPassword(randomBytes(16).toString('hex')));

export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

/** Invite tokens are stored as SHA-256: they are long random values, not passwords. */
export const tokenDigest = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
