import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ConsoleImport } from './console-import.service';
import { ImportDoneQuery, ImportPageForm } from './console-import-forms';
import { ConsolePages } from './console-pages';
import { localeOf } from './i18n';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';

/** Time tracked elsewhere (Toggl, Clockify, Kimai): checked, then imported. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/import')
export class ConsoleImportController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly imports: ConsoleImport,
  ) {}

  @Get()
  async show(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: ImportDoneQuery) {
    const created = query.created === undefined ? null : Number(query.created);
    const page = await this.imports.page({}, [], null, created);
    return this.pages.render(req, reply, 'console/import', page);
  }

  /** The upload (multipart): checked, nothing written. */
  @Post()
  async check(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const outcome = await this.imports.check(req.user!, req, localeOf(req));
    return this.pages.answer(req, reply, 'console/import', outcome);
  }

  @Post('confirm')
  async confirm(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ImportPageForm,
  ): Promise<FastifyReply> {
    const outcome = await this.imports.confirm(req.user!, form, localeOf(req));
    return this.pages.answer(req, reply, 'console/import', outcome);
  }
}
