import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../auth/access.guard';
import type { SessionView } from '../auth/dto/auth.dto';
import type { Role } from '../common/domain';
import type { PageRequest } from './web-pages';

/** Where each role lands once signed in. */
export const HOME: Readonly<Record<string, string>> & Record<Role, string> = {
  consultant: '/console',
  client: '/portal',
  accountant: '/accounting',
};

/**
 * Opens a page session: the access token in an httpOnly, SameSite=Lax cookie (Secure behind
 * HTTPS) that lasts as long as the token.
 */
export function openSession(req: PageRequest, reply: FastifyReply, session: SessionView): void {
  void reply.setCookie(SESSION_COOKIE, session.accessToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: session.expiresIn,
  });
}
