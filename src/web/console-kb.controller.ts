import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ArticleForm, SearchQuery } from './console-forms';
import { ConsoleKnowledge } from './console-kb.service';
import { ConsolePages } from './console-pages';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';
import { UuidParam } from '../common/validation';

/** The knowledge base editor: list, write in Markdown, preview, publish. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/kb')
export class ConsoleKnowledgeController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly kb: ConsoleKnowledge,
  ) {}

  @Get()
  async list(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: SearchQuery) {
    const page = await this.kb.list(req.user!, query.q);
    return this.pages.render(req, reply, 'console/kb', { ...page, q: query.q ?? '' });
  }

  @Get('new')
  async create(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    const page = await this.kb.editorPage(req.user!, null);
    return this.pages.render(req, reply, 'console/kb-edit', page);
  }

  @Post()
  async saveNew(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: ArticleForm) {
    const outcome = await this.kb.submit(req.user!, null, form);
    return this.pages.answer(req, reply, 'console/kb-edit', outcome);
  }

  @Get(':id')
  async edit(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const page = await this.kb.editPage(req.user!, id, savedJustNow(req));
    return this.pages.render(req, reply, 'console/kb-edit', page);
  }

  @Post(':id')
  async save(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: ArticleForm,
  ) {
    const outcome = await this.kb.submit(req.user!, id, form);
    return this.pages.answer(req, reply, 'console/kb-edit', outcome);
  }

  @Post(':id/delete')
  async remove(@Res() reply: FastifyReply, @UuidParam() id: string) {
    await this.kb.remove(id);
    return this.pages.redirect(reply, '/console/kb');
  }
}

/** The page after a save says so (?saved=1). */
function savedJustNow(req: PageRequest): boolean {
  return (req.query as { saved?: string } | undefined)?.saved === '1';
}
