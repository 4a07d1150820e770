import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { AppConfigService } from '../common/app-config.service';
import { UuidParam } from '../common/validation';
import { outboxView } from '../mail/dto/outbox.dto';
import { OutboxAdmin } from '../mail/outbox-admin.service';
import { OUTBOX_STATUSES, type OutboxStatus } from '../mail/outbox-message.entity';
import { ConsolePages } from './console-pages';
import { formFailure } from './form-problems';
import { translator } from './i18n';
import { WebErrorFilter } from './web-error.filter';
import { WebPages, type PageRequest } from './web-pages';

/** Messages a page of the outbox shows. */
const PER_PAGE = 50;

interface OutboxPageQuery {
  status?: string;
  page?: string;
}

/** A refused action on one message (it changed meanwhile), shown on its row. */
interface Refused {
  id: string;
  message: string;
}

/**
 * The outbox on the console: every message with its recipient, subject, state and last error;
 * the links a message carries while it has not left (an invitation can be copied from here when
 * no SMTP server is set); a message given up retried, one still waiting cancelled.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/outbox')
export class ConsoleOutboxController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly web: WebPages,
    private readonly outbox: OutboxAdmin,
    private readonly config: AppConfigService,
  ) {}

  @Get()
  async list(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: OutboxPageQuery) {
    return this.pages.render(req, reply, 'console/outbox', await this.page(req, query));
  }

  @Post(':id/retry')
  retry(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    return this.act(req, reply, id, () => this.outbox.retry(id));
  }

  @Post(':id/cancel')
  cancel(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    return this.act(req, reply, id, () => this.outbox.cancel(id));
  }

  private async act(
    req: PageRequest,
    reply: FastifyReply,
    id: string,
    action: () => Promise<unknown>,
  ) {
    try {
      await action();
      return this.pages.redirect(reply, `/console/outbox#message-${id}`);
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status === 404) throw error;
      const t = translator(this.web.locale(req));
      const first = failure.problems[0] ?? {};
      const code = [first.errorCode, first.code].find((c) => typeof c === 'string') as string;
      const refused: Refused = { id, message: t(`error.${code}`) };
      const page = await this.page(req, {}, refused);
      return this.pages.render(req, reply, 'console/outbox', page, failure.status);
    }
  }

  private async page(req: PageRequest, query: OutboxPageQuery, refused: Refused | null = null) {
    const status = OUTBOX_STATUSES.includes(query.status as OutboxStatus)
      ? (query.status as OutboxStatus)
      : undefined;
    const pageNumber = /^\d{1,6}$/.test(query.page ?? '') ? Math.max(1, Number(query.page)) : 1;
    const [list, counts] = await Promise.all([
      this.outbox.list({ status, limit: PER_PAGE, offset: (pageNumber - 1) * PER_PAGE }),
      this.outbox.counts(),
    ]);
    const t = translator(this.web.locale(req));
    return {
      smtp: Boolean(this.config.values.SMTP_URL),
      status: status ?? null,
      statuses: OUTBOX_STATUSES,
      counts,
      total: list.total,
      pageNumber,
      pages: Math.max(1, Math.ceil(list.total / PER_PAGE)),
      refused,
      messages: list.items.map((m) => outboxView(m, t)),
    };
  }
}
