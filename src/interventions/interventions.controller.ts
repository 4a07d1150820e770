import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
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

@ApiTags('interventions')
@ApiBearerAuth()
@Roles('consultant')
@Controller('interventions')
export class InterventionsController {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly writer: InterventionWriter,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Log an intervention: derived figures, guardrail warnings, quota use' })
  @ApiOkResponse({ type: SavedInterventionResponse })
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
  get(@Param('id', ParseUUIDPipe) id: string): Promise<InterventionResponse> {
    return this.interventions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Correct an intervention (409 once invoiced)' })
  @ApiOkResponse({ type: SavedInterventionResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateInterventionDto,
  ): Promise<SavedInterventionResponse> {
    return this.writer.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an intervention (409 once invoiced); gives its quota unit back',
  })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.writer.remove(id);
  }
}
