import { Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiConflict, ApiErrorResponses, PageOf } from '../common/openapi';
import type { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { catalogue, negotiateLocale, type Translate } from '../i18n/catalogue';
import {
  attemptView,
  OutboxMessageDetail,
  OutboxMessageView,
  outboxView,
  OutboxQuery,
} from './dto/outbox.dto';
import { OutboxAdmin } from './outbox-admin.service';

const translate = (acceptLanguage: string | undefined): Translate =>
  catalogue().translator(negotiateLocale(acceptLanguage));

@ApiTags('outbox')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxAdmin) {}

  @Get()
  @ApiOperation({
    summary:
      'List the messages of the outbox, newest first: waiting, sent, given up or cancelled, with their links while they wait',
  })
  @ApiOkResponse({ type: PageOf(OutboxMessageView) })
  async list(
    @Query() query: OutboxQuery,
    @Headers('accept-language') lang?: string,
  ): Promise<Page<OutboxMessageView>> {
    const page = await this.outbox.list(query);
    const t = translate(lang);
    return { items: page.items.map((m) => outboxView(m, t)), total: page.total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message of the outbox, with every delivery attempt' })
  @ApiOkResponse({ type: OutboxMessageDetail })
  async get(
    @UuidParam() id: string,
    @Headers('accept-language') lang?: string,
  ): Promise<OutboxMessageDetail> {
    const { message, attempts } = await this.outbox.get(id);
    return { ...outboxView(message, translate(lang)), attemptLog: attempts.map(attemptView) };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send again a message given up: it is due at once' })
  @ApiOkResponse({ type: OutboxMessageView })
  @ApiConflict('The message has not failed (conflict.outbox_not_failed)')
  async retry(
    @UuidParam() id: string,
    @Headers('accept-language') lang?: string,
  ): Promise<OutboxMessageView> {
    return outboxView(await this.outbox.retry(id), translate(lang));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a message still waiting: it will not be sent' })
  @ApiOkResponse({ type: OutboxMessageView })
  @ApiConflict('The message is no longer waiting (conflict.outbox_not_pending)')
  async cancel(
    @UuidParam() id: string,
    @Headers('accept-language') lang?: string,
  ): Promise<OutboxMessageView> {
    return outboxView(await this.outbox.cancel(id), translate(lang));
  }
}
