import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses, ApiReportResponse } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { ClientReportQuery, WorkloadQuery } from './dto/report-query.dto';
import { ClientReportView, WorkloadReportView } from './dto/report.response';
import { ReportFilesService } from './report-files.service';
import { sendReport } from './report-output';

@ApiTags('reports')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportFilesService) {}

  @Get('workload')
  @Roles('consultant')
  @ApiReportResponse(WorkloadReportView, 'text/csv', 'application/pdf')
  @ApiOperation({
    summary:
      "The signed-in consultant's workload per day and week against the limits, breakdowns, indicators and risk level",
  })
  async workload(
    @CurrentUser() user: AuthUser,
    @Query() query: WorkloadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object | Buffer> {
    return sendReport(reply, await this.reports.workloadReport(user.id, query));
  }

  @Get('clients/:clientId')
  @Roles('consultant', 'client')
  @ApiReportResponse(ClientReportView, 'text/csv', 'application/pdf')
  @ApiOperation({
    summary:
      "A client's months: consumption against included or prepaid hours, quotas, response times, false urgencies, deflections, invoices (a client user: its own company only)",
  })
  async client(
    @CurrentUser() user: AuthUser,
    @UuidParam('clientId') clientId: string,
    @Query() query: ClientReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object | Buffer> {
    return sendReport(reply, await this.reports.clientReport(user, clientId, query));
  }
}
