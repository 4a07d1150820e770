import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { negotiateLocale } from '../i18n';
import { withOutcomeTexts } from './outcome-text';
import { isApiRequest } from './request-path';

/**
 * The API answers outcomes (warnings, alerts, the urgency policy's reasons, workload risks) with
 * their code, their figures and a `message` in the language of Accept-Language, French by
 * default, as the error filter answers errors. Pages word them in their own language.
 */
@Injectable()
export class OutcomeTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!isApiRequest(request)) return next.handle();
    const locale = negotiateLocale(request.headers['accept-language']);
    return next.handle().pipe(map((body: unknown) => withOutcomeTexts(body, locale)));
  }
}
