import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.decorators';
import { ApiErrorResponses, ErrorBody } from '../common/openapi';
import { ImportJsonDto, ImportQuery } from './dto/import.dto';
import { ImportReportResponse } from './dto/intervention.response';
import { ImportService } from './import.service';
import { CSV_BODY, readImportUpload } from './import-upload';
import { IMPORT_LIMITS_TEXT } from './import/limits';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('interventions/import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @RouteConfig(CSV_BODY)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import a Toggl Track, Clockify, Kimai, solidtime or Harvest CSV export, in whatever encoding and separator it was saved: a report of rows accepted and refused, of how the file was read, and of the guardrail warnings of the weeks it fills; written only when all are valid or skipInvalid=true (dryRun defaults to true)',
  })
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({
    type: ImportJsonDto,
    description: 'JSON form; or the raw CSV; or multipart with "file", "mapping" (JSON)',
  })
  @ApiOkResponse({ type: ImportReportResponse })
  @ApiPayloadTooLargeResponse({
    description: `The file holds more than ${IMPORT_LIMITS_TEXT.rows} or ${IMPORT_LIMITS_TEXT.bytes} (too_large.file, or too_large.csv in the JSON form): nothing is read further, nothing written`,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
  })
  async import(
    @CurrentUser() user: AuthUser,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
  ): Promise<ImportReportResponse> {
    return this.imports.run(user, query, await readImportUpload(request));
  }
}
