import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../common/domain-error';
import { databaseUnavailable, retryLater, statusOfKind } from '../common/error.filter';
import { PageRequest, WebPages } from './web-pages';

/** Errors on pages become pages: sign-in when signed out, else an error page with the status. */
@Injectable()
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebErrorFilter.name);

  constructor(private readonly pages: WebPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<PageRequest>();
    const reply = http.getResponse<FastifyReply>();
    const known = databaseUnavailable(exception) ?? exception;
    const status =
      known instanceof DomainError
        ? statusOfKind(known.kind)
        : known instanceof HttpException
          ? known.getStatus()
          : 500;
    if (status === 401) {
      void this.pages.redirect(reply, `/login?next=${encodeURIComponent(request.url)}`);
      return;
    }
    if (status === 503) {
      retryLater(reply);
      this.logger.warn({ err: exception }, 'page unavailable');
    } else if (status >= 500) this.logger.error({ err: exception }, 'page failed');
    const message = status >= 500 ? '' : exception instanceof Error ? exception.message : '';
    void this.pages.render(request, reply, 'error', { status, message }, status);
  }
}
