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
import { DeflectionsService } from './deflections.service';
import { CreateDeflectionDto, DeflectionView } from './dto/deflection.dto';
import { SuggestionList, SuggestionQuery } from './dto/suggestion.dto';
import { SuggestionsService } from './suggestions.service';

/**
 * The knowledge base's part of filing a request: articles first, and "this solved it".
 * Static paths, so they win over the requests controller's `:id` routes.
 */
@ApiTags('requests')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('client', 'consultant')
@Controller('requests')
export class SuggestionsController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly deflections: DeflectionsService,
  ) {}

  @Get('suggestions')
  @ApiOperation({ summary: 'Published articles that may answer a request, best first (top 5)' })
  @ApiOkResponse({ type: SuggestionList })
  suggest(
    @CurrentUser() viewer: AuthUser,
    @Query() query: SuggestionQuery,
  ): Promise<SuggestionList> {
    return this.suggestions.suggest(viewer, query.q);
  }

  @Post('deflections')
  @ApiOperation({ summary: 'Record that an article solved it, instead of filing a request' })
  @ApiCreatedResponse({ type: DeflectionView })
  deflect(
    @CurrentUser() viewer: AuthUser,
    @Body() dto: CreateDeflectionDto,
  ): Promise<DeflectionView> {
    return this.deflections.record(viewer, dto);
  }
}
