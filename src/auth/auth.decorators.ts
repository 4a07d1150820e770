import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../common/domain';
import type { Viewer } from '../common/tenant';

export const IS_PUBLIC = 'gardefou:public';
export const ROLES = 'gardefou:roles';

/** Who is calling: resolved from the access token (API) or the session cookie (web pages). */
export interface AuthUser extends Viewer {
  email: string;
  role: Role;
  /** Set for client users only: the one client company they belong to. */
  clientId: string | null;
  displayName: string;
}

/** Opts a route out of authentication. Every other route is private. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The roles allowed on a route. A private route without @Roles is refused (fail closed). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser =>
    ctx.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
