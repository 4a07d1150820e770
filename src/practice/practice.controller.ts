import { Body, Controller, Delete, Get, Patch, Put, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { UpdatePracticeDto } from './dto/practice.dto';
import { PracticeView } from './dto/practice.response';
import { Practice } from './practice.entity';
import { PracticeService } from './practice.service';
import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS } from './logo-image';
import { readLogoUpload } from './logo-upload';
import { PracticeLogo } from './practice-logo.service';

@ApiTags('practice')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('practice')
export class PracticeController {
  constructor(
    private readonly practice: PracticeService,
    private readonly logos: PracticeLogo,
  ) {}

  @Get()
  @Roles('consultant', 'accountant')
  @ApiOperation({ summary: "The practice's identity, calendar, invoicing settings and limits" })
  @ApiOkResponse({ type: PracticeView })
  get(): Promise<Practice> {
    return this.practice.get();
  }

  @Patch()
  @Roles('consultant')
  @ApiOperation({ summary: 'Change practice settings (any subset of fields)' })
  @ApiOkResponse({ type: PracticeView })
  update(@Body() dto: UpdatePracticeDto): Promise<Practice> {
    return this.practice.update(dto);
  }

  @Put('logo')
  @Roles('consultant')
  @ApiOperation({
    summary: "Upload the practice's logo, printed on the invoices issued from now on",
    description: `A PNG or JPEG (told by its bytes, not its name), at most ${LOGO_MAX_BYTES / 1024} kB and ${LOGO_MAX_PIXELS} pixels a side, as multipart/form-data field "logo". It replaces the previous logo.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['logo'],
      properties: { logo: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: PracticeView })
  async setLogo(@Req() request: FastifyRequest): Promise<Practice> {
    return this.logos.set(await readLogoUpload(request));
  }

  @Delete('logo')
  @Roles('consultant')
  @ApiOperation({ summary: "Remove the practice's logo: invoices issued from now on have none" })
  @ApiOkResponse({ type: PracticeView })
  removeLogo(): Promise<Practice> {
    return this.logos.remove();
  }
}
