import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { databaseUnavailable, errorBody, retryLater } from '../common/error.filter';
import { errorText } from '../common/error-text';
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
    const body = errorBody(databaseUnavailable(exception) ?? exception);
    const status = body.statusCode;
    if (status === 401) {
      void this.pages.redirect(reply, `/login?next=${encodeURIComponent(request.url)}`);
      return;
    }
    if (status === 503) {
      retryLater(reply);
      this.logger.warn({ err: exception }, 'page unavailable');
    } else if (status >= 500) this.logger.error({ err: exception }, 'page failed');
    // The same words as the API's answer, in the page's language.
    const locale = this.pages.locale(request);
    const message =
      status >= 500 ? '' : errorText(locale, body.code, body.message, body.details).message;
    void this.pages.render(request, reply, 'error', { status, message }, status);
  }
}
