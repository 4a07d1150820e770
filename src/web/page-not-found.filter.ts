import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ErrorFilter } from '../common/error.filter';
import { WebErrorFilter } from './web-error.filter';
import { isPageRequest } from './web-setup';

/**
 * An address that no route serves: outside /api, a page in the site's layout (404); under /api
 * and for static files, the API's JSON error as before. Page routes that find nothing answer
 * through their own WebErrorFilter and never reach this one.
 */
@Injectable()
@Catch(NotFoundException)
export class PageNotFoundFilter implements ExceptionFilter {
  private readonly api = new ErrorFilter();

  constructor(private readonly pages: WebErrorFilter) {}

  catch(exception: NotFoundException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (host.getType() === 'http' && isPageRequest(request)) this.pages.catch(exception, host);
    else this.api.catch(exception, host);
  }
}
