import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { addDays, localDate } from '../calendar';
import { Clock } from '../common/clock';
import { PracticeService } from '../practice/practice.service';
import { WorkloadReportService } from '../reports/workload-report.service';
import { PeriodQuery } from './console-forms';
import { ConsolePages } from './console-pages';
import { weekOf } from './console-view';
import { barChartSvg, mixFill, mixSvg } from './svg-charts';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';

/** Weeks shown when no period is asked for: this one and the four before it. */
const DEFAULT_WEEKS = 5;

/** The workload report as a page: charts drawn on the server, the risk level and its reasons. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/reports')
export class ConsoleReportsController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly web: WebPages,
    private readonly reports: WorkloadReportService,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async workload(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() q: PeriodQuery) {
    const period = await this.period(q);
    const report = await this.reports.report(req.user!.id, period, this.web.locale(req));
    const charts = { bars: barChartSvg, mix: mixSvg, fill: mixFill };
    return this.pages.render(req, reply, 'console/reports', { report, period, charts });
  }

  /** The period asked for, either end filled in from the default weeks when left out. */
  private async period(q: PeriodQuery): Promise<{ from: string; to: string }> {
    const { timezone } = await this.practice.get();
    const week = weekOf(localDate(this.clock.now(), timezone));
    const to = q.to ?? (q.from && q.from > week.sunday ? q.from : week.sunday);
    const from = q.from ?? weekOf(addDays(to, -7 * (DEFAULT_WEEKS - 1))).monday;
    return { from, to };
  }
}
