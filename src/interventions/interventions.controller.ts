import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.decorators';
import { ApiConflict, ApiErrorResponses, ApiRuleRefusal } from '../common/openapi';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import {
  CreateInterventionDto,
  InterventionQuery,
  UpdateInterventionDto,
} from './dto/intervention.dto';
import {
  InterventionPageResponse,
  InterventionResponse,
  SavedInterventionResponse,
} from './dto/intervention.response';
import { InterventionWriter } from './intervention-writer.service';
import { InterventionsService } from './interventions.service';

const OUTSIDE_TERMS =
  'Work outside the contract period, or after hours on a contract that offers none';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('interventions')
export class InterventionsController {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly writer: InterventionWriter,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Log an intervention: derived figures, guardrail warnings, quota use' })
  @ApiCreatedResponse({ type: SavedInterventionResponse })
  @ApiConflict('Overlaps another intervention of the consultant')
  @ApiRuleRefusal(OUTSIDE_TERMS)
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateInterventionDto,
  ): Promise<SavedInterventionResponse> {
    return this.writer.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List interventions, newest first' })
  @ApiOkResponse({ type: InterventionPageResponse })
  list(@Query() query: InterventionQuery): Promise<Page<InterventionResponse>> {
    return this.interventions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read an intervention' })
  @ApiOkResponse({ type: InterventionResponse })
  get(@UuidParam() id: string): Promise<InterventionResponse> {
    return this.interventions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Correct an intervention (409 once invoiced)' })
  @ApiOkResponse({ type: SavedInterventionResponse })
  @ApiConflict(
    'Already invoiced, still running, overlapping another intervention, or changed meanwhile',
  )
  @ApiRuleRefusal(OUTSIDE_TERMS)
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateInterventionDto,
  ): Promise<SavedInterventionResponse> {
    return this.writer.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an intervention (409 once invoiced); gives its quota unit back',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflict('Already invoiced')
  remove(@UuidParam() id: string): Promise<void> {
    return this.writer.remove(id);
  }
}
