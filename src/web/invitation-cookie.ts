import type { FastifyReply } from 'fastify';
import type { Invitation } from './console-settings-users.service';
import type { PageRequest } from './web-pages';

/**
 * An invitation just made, carried from the form to the page that shows its link once
 * (POST/redirect/GET): never in an address, where its token would stay in the history and the
 * logs, but in a cookie that only the people page is sent (httpOnly, SameSite=Strict, Secure
 * behind HTTPS), which lives a few minutes and is cleared as soon as that page has read it.
 */
export const INVITED_COOKIE = 'gf_invited';
const PATH = '/console/users';
const SECONDS = 300;

export function keepInvitation(
  req: PageRequest,
  reply: FastifyReply,
  invitation: Invitation,
): void {
  void reply.setCookie(INVITED_COOKIE, JSON.stringify(invitation), {
    path: PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    maxAge: SECONDS,
  });
}

/** The invitation kept for this page, if any, and cleared: a reload no longer shows it. */
export function takeInvitation(req: PageRequest, reply: FastifyReply): Invitation | null {
  const kept = req.cookies?.[INVITED_COOKIE];
  if (kept === undefined) return null;
  void reply.clearCookie(INVITED_COOKIE, { path: PATH });
  return invitationOf(kept);
}

/** Only what an invitation holds is taken from the cookie: three strings, else nothing. */
function invitationOf(kept: string): Invitation | null {
  try {
    const { displayName, token, expiresAt } = JSON.parse(kept) as Record<string, unknown>;
    if (typeof displayName !== 'string' || typeof token !== 'string') return null;
    if (typeof expiresAt !== 'string') return null;
    return { displayName, token, expiresAt };
  } catch {
    return null;
  }
}
