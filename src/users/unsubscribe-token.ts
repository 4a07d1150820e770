import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MailKind } from '../mail/outbox-message.entity';

/**
 * One-click unsubscribe tokens: `<userId>.<kind>.<signature>`, the signature an HMAC-SHA256 of
 * the user and the kind under a key drawn from the server's secret. Nothing is stored: the
 * token proves the link came from a message sent to that user, and does one thing only (turn
 * that kind off), so it need not expire.
 */
export function unsubscribeKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('gardefou unsubscribe links v1').digest();
}

function signature(key: Buffer, userId: string, kind: string): string {
  return createHmac('sha256', key).update(`${userId}\n${kind}`).digest('base64url');
}

export function unsubscribeToken(key: Buffer, userId: string, kind: MailKind): string {
  return `${userId}.${kind}.${signature(key, userId, kind)}`;
}

/** The user and kind a token names, or null when it was not signed with this key. */
export function readUnsubscribeToken(
  key: Buffer,
  token: string,
): { userId: string; kind: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId, kind, given] = parts;
  if (!/^[0-9a-f-]{36}$/i.test(userId) || !/^[a-z_]{1,40}$/.test(kind)) return null;
  const expected = Buffer.from(signature(key, userId, kind));
  const received = Buffer.from(given);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return null;
  return { userId, kind };
}
