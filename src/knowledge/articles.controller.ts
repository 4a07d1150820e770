import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { ArticlesService } from './articles.service';
import {
  ArticlePage,
  ArticleQuery,
  ArticleView,
  CreateArticleDto,
  UpdateArticleDto,
} from './dto/article.dto';

@ApiTags('knowledge')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @ApiOperation({ summary: 'Write a knowledge-base article (Markdown, rendered safely)' })
  @ApiCreatedResponse({ type: ArticleView })
  create(@CurrentUser() author: AuthUser, @Body() dto: CreateArticleDto): Promise<ArticleView> {
    return this.articles.create(author, dto);
  }

  @Get()
  @Roles('consultant', 'client')
  @ApiOperation({
    summary: 'List articles (a client user sees the published ones meant for its company)',
  })
  @ApiOkResponse({ type: ArticlePage })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ArticleQuery): Promise<Page<ArticleView>> {
    return this.articles.list(viewer, query);
  }

  @Get(':id')
  @Roles('consultant', 'client')
  @ApiOperation({ summary: 'Read an article' })
  @ApiOkResponse({ type: ArticleView })
  get(@CurrentUser() viewer: AuthUser, @UuidParam() id: string): Promise<ArticleView> {
    return this.articles.get(viewer, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an article' })
  @ApiOkResponse({ type: ArticleView })
  update(
    @CurrentUser() editor: AuthUser,
    @UuidParam() id: string,
    @Body() dto: UpdateArticleDto,
  ): Promise<ArticleView> {
    return this.articles.update(editor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an article (its deflections stay counted)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@UuidParam() id: string): Promise<void> {
    return this.articles.remove(id);
  }
}
