import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { UsageQuery } from './dto/usage.dto';
import { UsageService, type ContractUsage } from './usage.service';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get(':id/usage')
  @Roles('consultant', 'client')
  @ApiOperation({
    summary: "A contract's month: minutes used and left, roll-over, urgency quotas, SLA results",
  })
  get(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: UsageQuery,
  ): Promise<ContractUsage> {
    return this.usage.usage(viewer, id, query.month);
  }
}
