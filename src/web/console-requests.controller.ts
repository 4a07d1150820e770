import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/validation';
import { ConsolePages } from './console-pages';
import { ConsoleRequests } from './console-requests.service';
import {
  CommentForm,
  DeskDoneQuery,
  DeskTimerForm,
  ReclassifyForm,
  StatusForm,
} from './request-desk-forms';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';

const PAGE = 'console/request';

/** A request's desk: read it, answer, move it along, reclassify it, time the work on it. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/requests')
export class ConsoleRequestsController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly desk: ConsoleRequests,
  ) {}

  @Get(':id')
  async show(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Query() query: DeskDoneQuery,
  ): Promise<FastifyReply> {
    const page = await this.desk.page(req.user!, id, { done: query.done });
    return this.pages.render(req, reply, PAGE, page);
  }

  @Post(':id/comments')
  async reply(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: CommentForm,
  ): Promise<FastifyReply> {
    return this.pages.answer(req, reply, PAGE, await this.desk.reply(req.user!, id, form));
  }

  @Post(':id/status')
  async move(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: StatusForm,
  ): Promise<FastifyReply> {
    return this.pages.answer(req, reply, PAGE, await this.desk.move(req.user!, id, form));
  }

  @Post(':id/urgency')
  async reclassify(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: ReclassifyForm,
  ): Promise<FastifyReply> {
    return this.pages.answer(req, reply, PAGE, await this.desk.reclassify(req.user!, id, form));
  }

  @Post(':id/timer')
  async startTimer(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: DeskTimerForm,
  ): Promise<FastifyReply> {
    return this.pages.answer(req, reply, PAGE, await this.desk.startTimer(req.user!, id, form));
  }

  @Post(':id/article')
  async draftArticle(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    return this.pages.answer(req, reply, PAGE, await this.desk.draftArticle(req.user!, id));
  }
}
