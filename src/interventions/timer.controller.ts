import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.decorators';
import { ApiConflict, ApiErrorResponses, ApiRuleRefusal } from '../common/openapi';
import { StartTimerDto } from './dto/intervention.dto';
import { SavedInterventionResponse, TimerResponse } from './dto/intervention.response';
import { TimerService } from './timer.service';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('interventions/timer')
export class TimerController {
  constructor(private readonly timer: TimerService) {}

  @Get()
  @ApiOperation({ summary: 'The running timer: { running: null } when none runs' })
  @ApiOkResponse({ type: TimerResponse })
  current(@CurrentUser() user: AuthUser): Promise<TimerResponse> {
    return this.timer.current(user);
  }

  @Post('start')
  @ApiOperation({ summary: 'Start the timer (409 when one already runs)' })
  @ApiCreatedResponse({ type: TimerResponse })
  @ApiConflict('A timer already runs, or the start overlaps an intervention')
  @ApiRuleRefusal('The contract is not in force today, or offers no after-hours work')
  start(@CurrentUser() user: AuthUser, @Body() dto: StartTimerDto): Promise<TimerResponse> {
    return this.timer.start(user, dto);
  }

  @Post('stop')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop the timer: the finished intervention, priced, with warnings' })
  @ApiOkResponse({ type: SavedInterventionResponse })
  @ApiConflict('No timer is running')
  stop(@CurrentUser() user: AuthUser): Promise<SavedInterventionResponse> {
    return this.timer.stop(user);
  }
}
