import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import type { Page } from '../common/pagination';
import { CreateTrainingDto, TrainingPage, TrainingQuery, TrainingView } from './dto/training.dto';
import { TrainingsService } from './trainings.service';

@ApiTags('coaching')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('trainings')
export class TrainingsController {
  constructor(private readonly trainings: TrainingsService) {}

  @Post()
  @Roles('consultant')
  @ApiOperation({
    summary:
      'A training session given to a client on a topic: logged as billable work of the training activity ("Formation : <topic>")',
  })
  @ApiCreatedResponse({ type: TrainingView })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTrainingDto): Promise<TrainingView> {
    return this.trainings.create(user, dto);
  }

  @Get()
  @Roles('consultant', 'client')
  @ApiOperation({
    summary:
      "Training sessions, newest first, each with the topic's requests per 30 days before and since (a client user: its own company's)",
  })
  @ApiOkResponse({ type: TrainingPage })
  list(
    @CurrentUser() viewer: AuthUser,
    @Query() query: TrainingQuery,
  ): Promise<Page<TrainingView>> {
    return this.trainings.list(viewer, query);
  }
}
