import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { PeriodQuery } from './console-forms';
import { ConsolePages } from './console-pages';
import { ConsoleReports } from './console-reports.service';
import { barChartSvg, mixFill, mixSvg } from './svg-charts';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';

/** The workload report as a page: charts drawn on the server, the risk level and its reasons. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/reports')
export class ConsoleReportsController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly web: WebPages,
    private readonly reports: ConsoleReports,
  ) {}

  @Get()
  async workload(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() q: PeriodQuery) {
    const page = await this.reports.page(req.user!, q, this.web.locale(req));
    const charts = { bars: barChartSvg, mix: mixSvg, fill: mixFill };
    return this.pages.render(req, reply, 'console/reports', { ...page, charts });
  }
}
