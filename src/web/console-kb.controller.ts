import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import type { FieldProblem } from '../common/validation';
import { ArticleForm, SearchQuery } from './console-forms';
import { ArticleDraft, ConsoleKnowledge, draftFromForm, draftOf } from './console-kb.service';
import { ConsolePages, formFailure } from './console-pages';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';
import { UuidParam } from '../common/validation';

const EMPTY: ArticleDraft = {
  title: '',
  bodyMarkdown: '',
  tags: '',
  published: false,
  clientIds: [],
};

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
  create(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    return this.editor(req, reply, null, EMPTY, {});
  }

  @Post()
  saveNew(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: ArticleForm) {
    return this.submit(req, reply, null, form);
  }

  @Get(':id')
  async edit(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const article = await this.kb.get(req.user!, id);
    return this.editor(req, reply, id, draftOf(article), { preview: article.bodyHtml });
  }

  @Post(':id')
  save(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: ArticleForm,
  ) {
    return this.submit(req, reply, id, form);
  }

  @Post(':id/delete')
  async remove(@Res() reply: FastifyReply, @UuidParam() id: string) {
    await this.kb.remove(id);
    return this.pages.redirect(reply, '/console/kb');
  }

  /** "Preview" shows the rendered Markdown and keeps editing; "Save" writes it. */
  private async submit(
    req: PageRequest,
    reply: FastifyReply,
    id: string | null,
    form: ArticleForm,
  ): Promise<FastifyReply> {
    const draft = draftFromForm(form);
    if (form.action === 'preview') {
      return this.editor(req, reply, id, draft, { preview: this.kb.preview(draft) });
    }
    let problems: FieldProblem[];
    let status = 400;
    try {
      const saved = await this.kb.save(req.user!, id, draft);
      if (saved.article)
        return this.pages.redirect(reply, `/console/kb/${saved.article.id}?saved=1`);
      problems = saved.problems;
    } catch (error) {
      ({ problems, status } = formFailure(error));
    }
    return this.editor(req, reply, id, draft, { problems }, status);
  }

  private async editor(
    req: PageRequest,
    reply: FastifyReply,
    id: string | null,
    draft: ArticleDraft,
    extra: { preview?: string; problems?: FieldProblem[] },
    status = 200,
  ): Promise<FastifyReply> {
    const clients = await this.kb.clientChoices(req.user!);
    const saved = (req.query as { saved?: string } | undefined)?.saved === '1';
    const data = { id, draft, clients, saved, preview: null, problems: [], ...extra };
    return this.pages.render(req, reply, 'console/kb-edit', data, status);
  }
}
