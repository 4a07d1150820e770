import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrorResponses, PageOf } from '../common/openapi';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { ActivitiesService } from './activities.service';
import { Activity } from './activity.entity';
import { ActivityQuery, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { ActivityView } from './dto/activity.response';

@ApiTags('activities')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  @ApiOperation({ summary: 'Create an activity' })
  @ApiCreatedResponse({ type: ActivityView })
  create(@Body() dto: CreateActivityDto): Promise<Activity> {
    return this.activities.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List activities' })
  @ApiOkResponse({ type: PageOf(ActivityView) })
  list(@Query() query: ActivityQuery): Promise<Page<Activity>> {
    return this.activities.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read an activity' })
  @ApiOkResponse({ type: ActivityView })
  get(@UuidParam() id: string): Promise<Activity> {
    return this.activities.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an activity' })
  @ApiOkResponse({ type: ActivityView })
  update(@UuidParam() id: string, @Body() dto: UpdateActivityDto): Promise<Activity> {
    return this.activities.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an activity (archived when in use)' })
  @ApiNoContentResponse({ description: 'Deleted, or archived' })
  remove(@UuidParam() id: string): Promise<void> {
    return this.activities.remove(id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived activity back' })
  @ApiOkResponse({ type: ActivityView })
  restore(@UuidParam() id: string): Promise<Activity> {
    return this.activities.restore(id);
  }
}
