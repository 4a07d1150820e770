import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
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

/**
 * An API operation that takes no JSON body refuses one (400 naming `body`) instead of ignoring
 * it: what a caller sends is either read and validated, or refused. An empty object is let
 * through, as clients often send `{}` with a POST.
 */
@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      const json = String(request.headers['content-type'] ?? '').startsWith('application/json');
      const body = request.body;
      if (
        json &&
        isApiRequest(request) &&
        body !== undefined &&
        body !== null &&
        !isEmptyObject(body) &&
        !takesBody(context)
      ) {
        throw validationException([
          { field: 'body', code: 'noBody', message: 'This operation takes no body' },
        ]);
      }
    }
    return next.handle();
  }
}
