import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth.decorators';
import { localeOf, translator, WebLocale } from './i18n';
import * as format from './web-format';
import { outcomeText } from '../common/outcome-text';
import type { Coded } from '../common/outcome';
import { formView, type FormProblem } from './form-problems';
import { PAGE_FORMS, type PageFormName } from './page-forms';
import type { HeaderTimer } from './header-timer';

/** A page's request: its user, and for a consultant the timer its header shows. */
export type PageRequest = FastifyRequest & { user?: AuthUser; headerTimer?: HeaderTimer };

/**
 * Renders a page with what every template needs: texts, user, CSRF token, formatters, and what
 * to show of a form's problems (`formView('<form>', values, problems)`).
 */
@Injectable()
export class WebPages {
  locale(request: FastifyRequest): WebLocale {
    return localeOf(request);
  }

  render(
    request: PageRequest,
    reply: FastifyReply,
    template: string,
    data: Record<string, unknown> = {},
    status = 200,
  ): FastifyReply {
    const locale = localeOf(request);
    const t = translator(locale);
    const csrf = reply.generateCsrf();
    const fmt = format.formatters(locale);
    return reply
      .status(status)
      .header('cache-control', 'no-store')
      .view(template, {
        t,
        locale,
        user: request.user ?? null,
        csrf,
        path: request.url,
        headerTimer: request.headerTimer ?? null,
        fmt,
        outcomeText: (outcome: Coded | null | undefined) => outcomeText(locale, outcome),
        formView: (
          name: PageFormName,
          values?: Record<string, unknown>,
          problems?: readonly FormProblem[],
          texts?: Record<string, string>,
        ) => formView(PAGE_FORMS[name], locale, values, problems, texts),
        ...data,
      });
  }

  redirect(reply: FastifyReply, to: string): FastifyReply {
    return reply.status(303).redirect(to);
  }
}
