import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/validation';
import { InterventionForm } from './console-forms';
import { ConsolePages } from './console-pages';
import { ConsoleWeekEntries } from './console-week-entries.service';
import { WeekMoveForm, WeekPageQuery } from './console-week-forms';
import { ConsoleWeek } from './console-week.service';
import { barChartSvg, gaugeSvg } from './svg-charts';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';

/** The week view: work per day, the limits as gauges, the guardrail warnings; its corrections. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/week')
export class ConsoleWeekController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly web: WebPages,
    private readonly week: ConsoleWeek,
    private readonly entries: ConsoleWeekEntries,
  ) {}

  @Get()
  async show(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: WeekPageQuery) {
    const data = await this.week.page(req.user!, query.date, this.web.locale(req));
    const charts = { gauge: gaugeSvg, bars: barChartSvg };
    return this.pages.render(req, reply, 'console/week', { ...data, charts, done: query.done });
  }

  /** One entry of the week, to change, move or delete. */
  @Get('interventions/:id')
  async entry(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const page = await this.entries.page(req.user!, id);
    return this.pages.render(req, reply, 'console/week-entry', page);
  }

  @Post('interventions/:id')
  async edit(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: InterventionForm,
  ): Promise<FastifyReply> {
    const outcome = await this.entries.edit(req.user!, id, form);
    return this.pages.answer(req, reply, 'console/week-entry', outcome);
  }

  @Post('interventions/:id/move')
  async move(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: WeekMoveForm,
  ): Promise<FastifyReply> {
    const outcome = await this.entries.move(req.user!, id, form);
    return this.pages.answer(req, reply, 'console/week-entry', outcome);
  }

  /** The deletion's confirmation: what will be deleted, and the button that does it. */
  @Get('interventions/:id/delete')
  async confirmDelete(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ) {
    const page = await this.entries.page(req.user!, id);
    return this.pages.render(req, reply, 'console/week-delete', page);
  }

  @Post('interventions/:id/delete')
  async remove(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const outcome = await this.entries.remove(req.user!, id);
    return this.pages.answer(req, reply, 'console/week-delete', outcome);
  }
}
