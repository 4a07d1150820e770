import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { negotiateLocale } from '../i18n';
import { withOutcomeTexts } from './outcome-text';
import { isApiRequest } from './request-path';
import { validationException } from './validation';

/**
 * Whether the handler reads a JSON body: with `@Body()` (validated by its DTO), or from the whole
 * request (`@Req()`, as the import does, which takes a file, CSV text or JSON).
 */
function takesBody(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(
    ROUTE_ARGS_METADATA,
    context.getClass(),
    context.getHandler().name,
  ) ?? {}) as Record<string, unknown>;
  const readers = [String(RouteParamtypes.BODY), String(RouteParamtypes.REQUEST)];
  return Object.keys(args).some((key) => readers.includes(key.split(':')[0]));
}

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 0;

/** A JSON body, other than `{}`, sent to an operation that reads none. */
function unreadBody(request: FastifyRequest, context: ExecutionContext): boolean {
  const body = request.body;
  return (
    body !== undefined &&
    body !== null &&
    String(request.headers['content-type'] ?? '').startsWith('application/json') &&
    !isEmptyObject(body) &&
    !takesBody(context)
  );
}

/**
 * What the API does around every operation, in one interceptor (Nest wraps each global
 * interceptor in an observable and an async-context binding of its own on every request):
 *
 * - an operation that takes no JSON body refuses one (400 naming `body`) instead of ignoring
 *   it: what a caller sends is either read and validated, or refused. An empty object is let
 *   through, as clients often send `{}` with a POST;
 * - outcomes (warnings, alerts, the urgency policy's reasons, workload risks) are answered with
 *   their code, their figures and a `message` in the language of Accept-Language, French by
 *   default, as the error filter answers errors. Pages word them in their own language.
 */
@Injectable()
export class ApiInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!isApiRequest(request)) return next.handle();
    if (unreadBody(request, context)) {
      throw validationException([
        { field: 'body', code: 'noBody', message: 'This operation takes no body' },
      ]);
    }
    const locale = negotiateLocale(request.headers['accept-language']);
    return next.handle().pipe(map((body: unknown) => withOutcomeTexts(body, locale)));
  }
}
