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
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { ActivitiesService } from './activities.service';
import { Activity } from './activity.entity';
import { ActivityQuery, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';

@ApiTags('activities')
@ApiBearerAuth()
@Roles('consultant')
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  @ApiOperation({ summary: 'Create an activity' })
  create(@Body() dto: CreateActivityDto): Promise<Activity> {
    return this.activities.create(dto);
  }

  @Get()
  @Roles('consultant', 'accountant')
  @ApiOperation({ summary: 'List activities' })
  list(@Query() query: ActivityQuery): Promise<Page<Activity>> {
    return this.activities.list(query);
  }

  @Get(':id')
  @Roles('consultant', 'accountant')
  @ApiOperation({ summary: 'Read an activity' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Activity> {
    return this.activities.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an activity' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateActivityDto,
  ): Promise<Activity> {
    return this.activities.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an activity (archived when in use)' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.activities.remove(id);
  }
}
