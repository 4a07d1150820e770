import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import type { FieldProblem } from '../common/validation';
import { CreditForm, DraftForm, PaymentForm, PeriodQuery } from './console-forms';
import { ConsoleInvoices } from './console-invoices.service';
import { ConsolePages, formFailure } from './console-pages';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';
import { UuidParam } from '../common/validation';

const Id = () => UuidParam('id');

/** Invoices in the console: build a draft, review it, issue it, record payments, credit it. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/invoices')
export class ConsoleInvoicesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly invoices: ConsoleInvoices,
  ) {}

  @Get()
  list(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() period: PeriodQuery) {
    return this.showList(req, reply, period, {});
  }

  @Post('drafts')
  async createDraft(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: DraftForm,
  ): Promise<FastifyReply> {
    try {
      const outcome = await this.invoices.createDraft(form);
      if (outcome.draft) return this.pages.redirect(reply, `/console/invoices/${outcome.draft.id}`);
      return this.showList(req, reply, {}, { draftForm: form, problems: outcome.problems }, 400);
    } catch (error) {
      const failed = formFailure(error);
      const data = { draftForm: form, problems: failed.problems };
      return this.showList(req, reply, {}, data, failed.status);
    }
  }

  @Get(':id')
  show(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.showDetail(req, reply, id, {});
  }

  @Get(':id/pdf')
  async pdf(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.pages.download(reply, await this.invoices.pdf(req.user!, id));
  }

  @Post(':id/issue')
  issue(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.act(req, reply, id, () => this.invoices.issue(id));
  }

  @Post(':id/rebuild')
  rebuild(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.act(req, reply, id, () => this.invoices.rebuild(id));
  }

  @Post(':id/delete')
  async remove(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    try {
      await this.invoices.removeDraft(id);
      return this.pages.redirect(reply, '/console/invoices');
    } catch (error) {
      const failed = formFailure(error);
      return this.showDetail(req, reply, id, { problems: failed.problems }, failed.status);
    }
  }

  @Post(':id/payments')
  pay(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Id() id: string,
    @Body() form: PaymentForm,
  ) {
    return this.act(req, reply, id, () => this.invoices.pay(id, form), { paymentForm: form });
  }

  @Post(':id/credit')
  async credit(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Id() id: string,
    @Body() form: CreditForm,
  ): Promise<FastifyReply> {
    try {
      const note = await this.invoices.credit(id, form);
      return this.pages.redirect(reply, `/console/invoices/${note.id}`);
    } catch (error) {
      const failed = formFailure(error);
      return this.showDetail(req, reply, id, { problems: failed.problems }, failed.status);
    }
  }

  /** Runs an action on the document, then shows it again: refusals beside its forms. */
  private async act(
    req: PageRequest,
    reply: FastifyReply,
    id: string,
    action: () => Promise<unknown>,
    form: Record<string, unknown> = {},
  ): Promise<FastifyReply> {
    let problems: FieldProblem[] = [];
    let status = 400;
    try {
      const outcome = await action();
      problems = (outcome as { problems?: FieldProblem[] } | undefined)?.problems ?? [];
    } catch (error) {
      ({ problems, status } = formFailure(error));
    }
    if (problems.length === 0) return this.pages.redirect(reply, `/console/invoices/${id}`);
    return this.showDetail(req, reply, id, { ...form, problems }, status);
  }

  private async showList(
    req: PageRequest,
    reply: FastifyReply,
    period: PeriodQuery,
    extra: Record<string, unknown>,
    status = 200,
  ): Promise<FastifyReply> {
    const data = await this.invoices.list(req.user!, period);
    const page = { ...data, draftForm: {}, problems: [], ...extra };
    return this.pages.render(req, reply, 'console/invoices', page, status);
  }

  private async showDetail(
    req: PageRequest,
    reply: FastifyReply,
    id: string,
    extra: Record<string, unknown>,
    status = 200,
  ): Promise<FastifyReply> {
    const data = await this.invoices.detail(req.user!, id);
    const page = { ...data, paymentForm: {}, problems: [], ...extra };
    return this.pages.render(req, reply, 'console/invoice', page, status);
  }
}
