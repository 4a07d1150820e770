import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiConflict, ApiErrorResponses, ApiRuleRefusal, PageOf } from '../common/openapi';
import type { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { CommentDto, FileRequestDto, RequestQuery, UpdateRequestDto } from './dto/request.dto';
import {
  ChangedRequestView,
  CommentView as CommentResponse,
  FiledRequestView,
  RequestDetailView,
  RequestView as RequestResponse,
} from './dto/request.response';
import { RequestCancellation } from './request-cancellation.service';
import { RequestChangesService, type ChangedRequest } from './request-changes.service';
import { RequestFilingService, type FiledRequest } from './request-filing.service';
import type { RequestView } from './request-view';
import { RequestsService, type CommentView, type RequestDetail } from './requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly filing: RequestFilingService,
    private readonly changes: RequestChangesService,
    private readonly cancellation: RequestCancellation,
  ) {}

  @Post()
  @Roles('consultant', 'client')
  @ApiOperation({
    summary:
      "File a request; the contract's urgency policy accepts, downgrades, bills or refuses it (422)",
  })
  @ApiCreatedResponse({ type: FiledRequestView })
  @ApiRuleRefusal(
    "The urgency's monthly quota is used up and the policy rejects more (details name urgency, used, quota, resetsOn), or the contract is not in force",
  )
  file(@CurrentUser() viewer: AuthUser, @Body() dto: FileRequestDto): Promise<FiledRequest> {
    return this.filing.file(viewer, dto);
  }

  @Get()
  @Roles('consultant', 'client')
  @ApiOperation({ summary: "List requests (a client user sees only its own company's)" })
  @ApiOkResponse({ type: PageOf(RequestResponse) })
  list(@CurrentUser() viewer: AuthUser, @Query() query: RequestQuery): Promise<Page<RequestView>> {
    return this.requests.list(viewer, query);
  }

  @Get(':id')
  @Roles('consultant', 'client')
  @ApiOperation({ summary: 'Read a request with the work logged against it and its comments' })
  @ApiOkResponse({ type: RequestDetailView })
  get(@CurrentUser() viewer: AuthUser, @UuidParam() id: string): Promise<RequestDetail> {
    return this.requests.detail(viewer, id);
  }

  @Patch(':id')
  @Roles('consultant')
  @ApiOperation({
    summary: 'Move a request along its statuses, or reclassify its urgency with a reason',
  })
  @ApiOkResponse({ type: ChangedRequestView })
  @ApiConflict('The request cannot move to that status from its current one')
  update(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Body() dto: UpdateRequestDto,
  ): Promise<ChangedRequest> {
    return this.changes.update(viewer, id, dto);
  }

  @Post(':id/comments')
  @Roles('consultant', 'client')
  @ApiOperation({
    summary: "Comment on a request; the consultant's first comment is the SLA response",
  })
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiConflict('The request is closed')
  comment(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Body() dto: CommentDto,
  ): Promise<CommentView> {
    return this.changes.comment(viewer, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('consultant', 'client')
  @ApiOperation({
    summary:
      'Cancel a request while it is open (nobody answered or worked on it yet); its quota unit is given back',
  })
  @ApiOkResponse({ type: RequestResponse })
  @ApiConflict('The request is no longer open (details name its status)')
  cancel(@CurrentUser() viewer: AuthUser, @UuidParam() id: string): Promise<RequestView> {
    return this.cancellation.cancel(viewer, id);
  }
}
