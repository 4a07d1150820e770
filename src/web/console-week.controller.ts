import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { WeekQuery } from './console-forms';
import { ConsolePages } from './console-pages';
import { ConsoleWeek } from './console-week.service';
import { barChartSvg, gaugeSvg } from './svg-charts';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';

/** The week view: work per day, the limits as gauges, the guardrail warnings. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/week')
export class ConsoleWeekController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly web: WebPages,
    private readonly week: ConsoleWeek,
  ) {}

  @Get()
  async show(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: WeekQuery) {
    const data = await this.week.page(req.user!, query.date, this.web.locale(req));
    const charts = { gauge: gaugeSvg, bars: barChartSvg };
    return this.pages.render(req, reply, 'console/week', { ...data, charts });
  }
}
