import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import type { Page } from '../common/pagination';
import { AlertsService, type AlertView } from './alerts.service';
import { AlertQuery } from './dto/alert.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Roles('consultant', 'client')
  @ApiOperation({
    summary: "Usage (80 %, 100 %) and contract-ending alerts; a client user sees its own company's",
  })
  list(@CurrentUser() viewer: AuthUser, @Query() query: AlertQuery): Promise<Page<AlertView>> {
    return this.alerts.list(viewer, query);
  }

  @Post(':id/acknowledge')
  @Roles('consultant', 'client')
  @HttpCode(200)
  @ApiOperation({ summary: "Acknowledge an alert: it leaves the viewer's list for good" })
  acknowledge(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AlertView> {
    return this.alerts.acknowledge(viewer, id);
  }
}
