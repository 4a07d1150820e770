import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { UsageQuery } from './dto/usage.dto';
import { UsageView } from './dto/usage.response';
import { UsageService, type ContractUsage } from './usage.service';

@ApiTags('contracts')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('contracts')
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get(':id/usage')
  @Roles('consultant', 'client')
  @ApiOperation({
    summary: "A contract's month: minutes used and left, roll-over, urgency quotas, SLA results",
  })
  @ApiOkResponse({ type: UsageView })
  get(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Query() query: UsageQuery,
  ): Promise<ContractUsage> {
    return this.usage.usage(viewer, id, query.month);
  }
}
