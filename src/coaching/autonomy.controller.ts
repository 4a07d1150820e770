import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { AutonomyService } from './autonomy.service';
import { AutonomyQuery, AutonomyView } from './dto/autonomy.dto';

@ApiTags('coaching')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant', 'client')
@Controller('clients')
export class AutonomyController {
  constructor(private readonly autonomy: AutonomyService) {}

  @Get(':id/autonomy')
  @ApiOperation({
    summary:
      "A client's autonomy month by month: requests, deflections and their rate, false urgencies, repeat requests, time saved (a client user: its own company only)",
  })
  @ApiOkResponse({ type: AutonomyView })
  trend(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Query() query: AutonomyQuery,
  ): Promise<AutonomyView> {
    return this.autonomy.trend(viewer, id, query);
  }
}
