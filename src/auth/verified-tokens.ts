import type { KeyObject } from 'node:crypto';

/** Tokens remembered at most; the oldest is forgotten first. */
const CAPACITY = 5_000;

/**
 * The claims of access tokens whose signature was already checked with the current key, so that
 * a client sending the same token request after request is not verified again each time (an
 * HMAC and two JSON parses). What a remembered token still needs is checked at every use: its
 * expiry, on the same clock and by the same rule as the JWT library's (expired from its `exp`
 * second on), and, by the caller, the user's current token version in the database, so a
 * revocation holds at once as before. A new key forgets every token checked with the old one;
 * a token that fails verification is never remembered.
 */
export class VerifiedTokens<Claims extends { exp?: number }> {
  private key?: KeyObject;
  private readonly tokens = new Map<string, Claims>();

  /** The token's claims, or null when it does not verify or has expired. */
  async claims(
    token: string,
    key: KeyObject,
    verify: () => Promise<Claims>,
  ): Promise<Claims | null> {
    if (key !== this.key) {
      this.tokens.clear();
      this.key = key;
    }
    const known = this.tokens.get(token);
    if (known) {
      if (!expired(known)) return known;
      this.tokens.delete(token);
      return null;
    }
    let claims: Claims;
    try {
      claims = await verify();
    } catch {
      return null;
    }
    if (key === this.key) {
      if (this.tokens.size >= CAPACITY) this.tokens.delete(this.tokens.keys().next().value!);
      this.tokens.set(token, claims);
    }
    return claims;
  }
}

/** jsonwebtoken's rule: a token is expired from the second of its `exp` (wall clock). */
const expired = (claims: { exp?: number }): boolean =>
  typeof claims.exp === 'number' && Math.floor(Date.now() / 1000) >= claims.exp;
