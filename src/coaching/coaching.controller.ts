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
import { ArticleView } from '../knowledge/dto/article.dto';
import { TopicArticleDto, TopicList, TopicQuery } from './dto/topic.dto';
import { TopicActionsService } from './topic-actions.service';
import { TopicsService } from './topics.service';

@ApiTags('coaching')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('coaching')
export class CoachingController {
  constructor(
    private readonly topics: TopicsService,
    private readonly actions: TopicActionsService,
  ) {}

  @Get('topics')
  @ApiOperation({
    summary:
      'Recurring topics of the period: the requests, their work and cost, the articles that answer them, and what to do (write or improve an article, offer a training)',
  })
  @ApiOkResponse({ type: TopicList })
  list(@CurrentUser() viewer: AuthUser, @Query() query: TopicQuery): Promise<TopicList> {
    return this.topics.list(viewer, query);
  }

  @Post('articles')
  @ApiOperation({
    summary:
      "A knowledge-base draft from a topic: staff's questions and the consultant's answers, unpublished",
  })
  @ApiCreatedResponse({ type: ArticleView })
  draft(@CurrentUser() viewer: AuthUser, @Body() dto: TopicArticleDto): Promise<ArticleView> {
    return this.actions.draftArticle(viewer, dto);
  }
}
