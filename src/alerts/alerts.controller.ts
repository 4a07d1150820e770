import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses, PageOf } from '../common/openapi';
import type { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { AlertsService, type AlertView } from './alerts.service';
import { AlertQuery } from './dto/alert.dto';
import { AlertView as AlertResponse } from './dto/alert.response';

@ApiTags('alerts')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Roles('consultant', 'client')
  @ApiOperation({
    summary: "Usage (80 %, 100 %) and contract-ending alerts; a client user sees its own company's",
  })
  @ApiOkResponse({ type: PageOf(AlertResponse) })
  list(@CurrentUser() viewer: AuthUser, @Query() query: AlertQuery): Promise<Page<AlertView>> {
    return this.alerts.list(viewer, query);
  }

  @Post(':id/acknowledge')
  @Roles('consultant', 'client')
  @HttpCode(200)
  @ApiOperation({ summary: "Acknowledge an alert: it leaves the viewer's list for good" })
  @ApiOkResponse({ type: AlertResponse })
  acknowledge(@CurrentUser() viewer: AuthUser, @UuidParam() id: string): Promise<AlertView> {
    return this.alerts.acknowledge(viewer, id);
  }
}
