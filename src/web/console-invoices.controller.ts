import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { DraftForm, InvoiceListQuery, PaymentForm, SendPeriodForm } from './console-forms';
import {
  CreditNoteForm,
  DraftLineForm,
  DraftLineQuery,
  DraftLineRemoveForm,
} from './console-corrections-forms';
import { ConsoleInvoices } from './console-invoices.service';
import { localeOf } from './i18n';
import { ConsolePages } from './console-pages';
import { attempt, type FormProblem } from './form-problems';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';
import { UuidParam } from '../common/validation';

const Id = () => UuidParam('id');

/** The invoice page's forms as first shown: empty, without problems. */
const DETAIL_FORMS = {
  paymentForm: {},
  creditForm: {},
  lineForm: { unit: 'unit' },
  problems: [],
};

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
  list(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: InvoiceListQuery) {
    const { sent, ...period } = query;
    return this.showList(req, reply, period, sent === undefined ? {} : { sent: Number(sent) });
  }

  /** Mails the period's unsent documents; the list of the period then says how many left. */
  @Post('send')
  async sendPeriod(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: SendPeriodForm,
  ): Promise<FastifyReply> {
    const outcome = await attempt(() => this.invoices.sendPeriod(req.user!, form));
    if ('sent' in outcome && outcome.sent) {
      const { from, to, sent } = outcome.sent;
      const query = new URLSearchParams({ from, to, sent: String(sent.length) });
      return this.pages.redirect(reply, `/console/invoices?${query.toString()}#send-h`);
    }
    const data = { sendForm: form, sendProblems: outcome.problems };
    return this.showList(req, reply, {}, data, outcome.status);
  }

  @Post('drafts')
  async createDraft(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: DraftForm,
  ): Promise<FastifyReply> {
    const outcome = await attempt(() => this.invoices.createDraft(form));
    if ('draft' in outcome && outcome.draft) {
      return this.pages.redirect(reply, `/console/invoices/${outcome.draft.id}`);
    }
    const data = { draftForm: form, problems: outcome.problems };
    return this.showList(req, reply, {}, data, outcome.status);
  }

  @Get(':id')
  async show(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Id() id: string,
    @Query() query: DraftLineQuery,
  ) {
    const data = await this.invoices.draftDetail(req.user!, id, query.line, localeOf(req));
    return this.pages.render(req, reply, 'console/invoice', { ...DETAIL_FORMS, ...data });
  }

  @Post(':id/lines')
  async saveLine(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Id() id: string,
    @Body() form: DraftLineForm,
  ): Promise<FastifyReply> {
    const outcome = await this.invoices.saveLine(req.user!, id, form);
    if (outcome.problems.length === 0) {
      return this.pages.redirect(reply, `/console/invoices/${id}#lines-h`);
    }
    const data = { lineForm: form, lineProblems: outcome.problems };
    return this.showDetail(req, reply, id, data, outcome.status);
  }

  @Post(':id/lines/delete')
  async removeLine(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Id() id: string,
    @Body() form: DraftLineRemoveForm,
  ): Promise<FastifyReply> {
    const outcome = await attempt(async () => {
      await this.invoices.removeLine(req.user!, id, form.line);
      return { problems: [] };
    });
    if (outcome.problems.length === 0) {
      return this.pages.redirect(reply, `/console/invoices/${id}#lines-h`);
    }
    return this.showDetail(req, reply, id, { problems: outcome.problems }, outcome.status);
  }

  @Get(':id/pdf')
  async pdf(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.pages.download(reply, await this.invoices.pdf(req.user!, id));
  }

  @Post(':id/issue')
  issue(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.act(req, reply, id, () => this.invoices.issue(id));
  }

  @Post(':id/send')
  send(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.act(req, reply, id, () => this.invoices.send(req.user!, id));
  }

  @Post(':id/reminders/stop')
  stopReminders(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.act(req, reply, id, () => this.invoices.stopReminders(req.user!, id));
  }

  @Post(':id/rebuild')
  rebuild(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    return this.act(req, reply, id, () => this.invoices.rebuild(id));
  }

  @Post(':id/delete')
  async remove(@Req() req: PageRequest, @Res() reply: FastifyReply, @Id() id: string) {
    const outcome = await attempt(async () => {
      await this.invoices.removeDraft(id);
      return { problems: [] };
    });
    if (outcome.problems.length === 0) return this.pages.redirect(reply, '/console/invoices');
    return this.showDetail(req, reply, id, { problems: outcome.problems }, outcome.status);
  }

  @Post(':id/payments')
  pay(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Id() id: string,
    @Body() form: PaymentForm,
  ) {
    return this.act(req, reply, id, () => this.invoices.pay(id, form), form);
  }

  @Post(':id/credit')
  async credit(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Id() id: string,
    @Body() form: CreditNoteForm,
  ): Promise<FastifyReply> {
    const outcome = await this.invoices.credit(req.user!, id, form);
    if ('note' in outcome && outcome.note) {
      return this.pages.redirect(reply, `/console/invoices/${outcome.note.id}`);
    }
    const data = { creditForm: form, creditProblems: outcome.problems };
    return this.showDetail(req, reply, id, data, outcome.status);
  }

  /**
   * Runs an action on the document, then shows it again: the refusals beside the payment form
   * when it was posted, else above the document (issuing, rebuilding).
   */
  private async act(
    req: PageRequest,
    reply: FastifyReply,
    id: string,
    action: () => Promise<{ problems?: FormProblem[] } | object>,
    paymentForm?: PaymentForm,
  ): Promise<FastifyReply> {
    const outcome = await attempt(async () => ({
      problems: ((await action()) as { problems?: FormProblem[] }).problems ?? [],
    }));
    if (outcome.problems.length === 0) return this.pages.redirect(reply, `/console/invoices/${id}`);
    const data = paymentForm
      ? { paymentForm, paymentProblems: outcome.problems }
      : { problems: outcome.problems };
    return this.showDetail(req, reply, id, data, outcome.status);
  }

  private async showList(
    req: PageRequest,
    reply: FastifyReply,
    period: { from?: string; to?: string },
    extra: Record<string, unknown>,
    status = 200,
  ): Promise<FastifyReply> {
    const data = await this.invoices.list(req.user!, period);
    const page = { ...data, draftForm: {}, problems: [], sendForm: period, ...extra };
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
    const page = { ...DETAIL_FORMS, ...data, ...extra };
    return this.pages.render(req, reply, 'console/invoice', page, status);
  }
}
