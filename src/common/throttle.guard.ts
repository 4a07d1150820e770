import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import {
  normalizeIp,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
} from '@nestjs/throttler';
import type { AppConfig } from './config';
import { DomainError } from './domain-error';

const MINUTE = 60_000;

/** The steps of signing in; each has its own budget per address (SIGN_IN_ATTEMPTS_PER_MINUTE). */
export type SignInStep = 'setup' | 'login' | 'invite' | 'password' | 'reset';
const SIGN_IN_STEP = 'gardefou:sign-in-step';

/**
 * Puts a route under the per-address limit of a sign-in step. The API route and the page of
 * one step share one count, so the sign-in form is no way around the API's limit.
 */
export const SignInStep = (step: SignInStep): MethodDecorator => SetMetadata(SIGN_IN_STEP, step);

const stepOf = (context: ExecutionContext): SignInStep | undefined =>
  Reflect.getMetadata(SIGN_IN_STEP, context.getHandler()) as SignInStep | undefined;

type TrackedRequest = Record<string, unknown> & { user?: { id?: string }; ip?: string };

const signedIn = (req: TrackedRequest): boolean => Boolean(req.user?.id);
/** An IPv6 address counts with its /64: one machine is given a whole subnet. */
const addressOf = (req: TrackedRequest): string => `ip:${normalizeIp(String(req.ip))}`;

/**
 * Two limits, both counted over a minute. `default`: per signed-in user and route with
 * RATE_LIMIT_PER_MINUTE (the access guard runs first), else per address over every route with
 * ANONYMOUS_REQUESTS_PER_MINUTE.
 * `sign-in`: per address and sign-in step, SIGN_IN_ATTEMPTS_PER_MINUTE.
 */
export function throttlers(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'default',
        ttl: MINUTE,
        limit: (context) =>
          signedIn(context.switchToHttp().getRequest<TrackedRequest>())
            ? config.RATE_LIMIT_PER_MINUTE
            : config.ANONYMOUS_REQUESTS_PER_MINUTE,
      },
      {
        name: 'sign-in',
        ttl: MINUTE,
        limit: config.SIGN_IN_ATTEMPTS_PER_MINUTE,
        skipIf: (context) => !stepOf(context),
        getTracker: (req: TrackedRequest) => addressOf(req),
        generateKey: (context, tracker, name) => `${name}:${stepOf(context)}:${tracker}`,
      },
    ],
  };
}

/** Counts per signed-in user when known, else per address; refuses with a coded 429. */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: TrackedRequest): Promise<string> {
    return Promise.resolve(signedIn(req) ? `user:${req.user!.id}` : addressOf(req));
  }

  /**
   * Anonymous requests share one count per address; a signed-in user's count per route, keyed
   * by the route's controller and handler as written (the library hashes the same text with
   * SHA-256 on every request, for a key that never leaves the process).
   */
  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    return tracker.startsWith('ip:')
      ? `${name}:${tracker}`
      : `${name}:${context.getClass().name}.${context.getHandler().name}:${tracker}`;
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The library names it Retry-After-<throttler> for a limit other than `default`.
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', detail.timeToBlockExpire);
    const wait = `try again in ${detail.timeToBlockExpire} seconds`;
    const figures = { limit: detail.limit, waitSeconds: detail.timeToBlockExpire };
    if (detail.key.startsWith('sign-in:')) {
      const message = `More than ${detail.limit} attempts a minute from this address; ${wait}`;
      throw new DomainError('too_many.sign_in', message, [{ message, ...figures }]);
    }
    const message = `More than ${detail.limit} requests a minute; ${wait}`;
    throw new DomainError('too_many.requests', message, [{ message, ...figures }]);
  }
}
