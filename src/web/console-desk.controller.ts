import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ConsoleDesk, type DeskForms } from './console-desk.service';
import { InboxQuery, InterventionForm, ReturnForm, TimerStartForm } from './console-forms';
import { ConsolePages } from './console-pages';
import { attempt } from './form-problems';
import { stoppedTimer } from './header-timer';
import { returnPath } from './return-path';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';
import { UuidParam } from '../common/validation';

/** The consultant's desk: the inbox by deadline, the timer and the quick log. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console')
export class ConsoleDeskController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly desk: ConsoleDesk,
  ) {}

  @Get()
  home(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: InboxQuery) {
    return this.show(req, reply, { timerForm: { requestId: query.request } });
  }

  @Get('inbox')
  inbox(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: InboxQuery) {
    return this.show(req, reply, { timerForm: { requestId: query.request } });
  }

  @Post('timer/start')
  async startTimer(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: TimerStartForm,
  ): Promise<FastifyReply> {
    const failed = await attempt(() => this.desk.startTimer(req.user!, form));
    if (failed.problems.length === 0) return this.pages.redirect(reply, '/console#timer');
    const timerForm = { ...form, billable: form.billable ?? 'off' };
    return this.show(req, reply, { timerForm, timerProblems: failed.problems }, failed.status);
  }

  /** Stopped from the header: back to the page it was on; from the desk: the work saved. */
  @Post('timer/stop')
  async stopTimer(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ReturnForm,
  ): Promise<FastifyReply> {
    const stopped = await this.desk.stopTimer(req.user!);
    if (form.back !== undefined)
      return this.pages.redirect(reply, returnPath(form.back, '/console'));
    req.headerTimer = stoppedTimer(req.headerTimer);
    return this.pages.render(req, reply, 'console/saved', { ...stopped, fromTimer: true });
  }

  /** A new timer on the same work as a past entry; a refusal shows on the desk's timer form. */
  @Post('interventions/:id/restart')
  async restartTimer(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: ReturnForm,
  ): Promise<FastifyReply> {
    const timerForm = await this.desk.restartForm(req.user!, id);
    const failed = await attempt(() => this.desk.startTimer(req.user!, timerForm));
    if (failed.problems.length === 0) {
      return this.pages.redirect(reply, returnPath(form.back, '/console/week'));
    }
    const refused = { timerForm: { ...timerForm }, timerProblems: failed.problems };
    return this.show(req, reply, refused, failed.status);
  }

  @Post('interventions')
  async log(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: InterventionForm,
  ): Promise<FastifyReply> {
    const outcome = await attempt(() => this.desk.log(req.user!, form));
    if ('saved' in outcome && outcome.saved) {
      return this.pages.render(req, reply, 'console/saved', outcome);
    }
    const logForm = { ...form, billable: form.billable ?? 'off' };
    return this.show(req, reply, { logForm, logProblems: outcome.problems }, outcome.status);
  }

  @Post('alerts/:id/acknowledge')
  async acknowledge(
    @Res() reply: FastifyReply,
    @Req() req: PageRequest,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    await this.desk.acknowledge(req.user!, id);
    return this.pages.redirect(reply, '/console');
  }

  private async show(
    req: PageRequest,
    reply: FastifyReply,
    forms: DeskForms,
    status = 200,
  ): Promise<FastifyReply> {
    const page = await this.desk.page(req.user!, forms);
    return this.pages.render(req, reply, 'console/inbox', page, status);
  }
}
