import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../common/domain';
import { DomainError } from '../common/domain-error';
import { isApiRequest } from '../common/request-path';
import { AuthUser, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';

export const SESSION_COOKIE = 'gf_session';

/**
 * The one gate of every route: public routes pass; every other route needs a valid token of an
 * active user (bearer header for the API, session cookie for web pages) and a role listed by
 * @Roles. A private route without @Roles is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  /** Each route's decorators by controller and handler, read once: fixed at start. */
  private readonly access = new WeakMap<object, WeakMap<object, RouteAccess>>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, roles } = this.routeAccess(context);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const token = tokenOf(request);
    const user = token ? await this.auth.authenticate(token) : null;
    if (!user)
      throw new DomainError(
        'unauthenticated.token',
        'Sign in first (missing, expired or revoked token)',
      );
    request.user = user;
    if (!roles?.includes(user.role)) {
      const message = `This action is not allowed for the ${user.role} role`;
      throw new DomainError('forbidden.role', message, [{ message, role: user.role }]);
    }
    return true;
  }

  private routeAccess(context: ExecutionContext): RouteAccess {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let routes = this.access.get(controller);
    if (!routes) {
      routes = new WeakMap<object, RouteAccess>();
      this.access.set(controller, routes);
    }
    let access = routes.get(handler);
    if (!access) {
      const targets = [handler, controller];
      access = {
        isPublic: Boolean(this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)),
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets),
      };
      routes.set(handler, access);
    }
    return access;
  }
}

interface RouteAccess {
  isPublic: boolean;
  roles: Role[] | undefined;
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  // The session cookie serves web pages only (their forms carry CSRF tokens); the API takes bearer tokens.
  if (isApiRequest(request)) return null;
  return sessionCookieOf(request);
}

/** The access token a web page's session cookie holds, if any. */
export function sessionCookieOf(request: FastifyRequest): string | null {
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  return cookies?.[SESSION_COOKIE] ?? null;
}
