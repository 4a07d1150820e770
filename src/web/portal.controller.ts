import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/validation';
import { CreateDeflectionDto } from '../knowledge/dto/deflection.dto';
import { RequestFileForm } from './console-forms';
import type { FormOutcome } from './console-pages';
import { CommentForm } from './request-desk-forms';
import { PortalService } from './portal.service';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';

export const NAV = [
  { href: '/portal', label: 'portal.nav.home' },
  { href: '/portal/requests', label: 'portal.nav.requests' },
  { href: '/portal/invoices', label: 'portal.nav.invoices' },
  { href: '/portal/kb', label: 'portal.nav.kb' },
];

/** The client portal: a client company's staff see their contracts, requests, invoices and articles. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('client')
@Controller('portal')
export class PortalController {
  constructor(
    private readonly pages: WebPages,
    private readonly portal: PortalService,
  ) {}

  @Get()
  async dashboard(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const page = await this.portal.dashboard(req.user!);
    return this.pages.render(req, reply, 'portal/dashboard', { nav: NAV, ...page });
  }

  @Post('alerts/:id/acknowledge')
  async acknowledge(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    await this.portal.acknowledge(req.user!, id);
    return this.pages.redirect(reply, '/portal');
  }

  @Get('requests')
  async requestList(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('status') status?: string,
  ): Promise<FastifyReply> {
    const page = await this.portal.requestList(req.user!, status);
    return this.pages.render(req, reply, 'portal/requests', { nav: NAV, ...page });
  }

  @Get('requests/new')
  async newRequest(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('contractId') contractId?: string,
    @Query('q') q?: string,
    @Query('solved') solved?: string,
  ): Promise<FastifyReply> {
    const page = await this.portal.requestForm(req.user!, {
      contractId,
      title: q ?? '',
      description: '',
      urgency: 'normal',
      solved: solved === '1',
    });
    return this.pages.render(req, reply, 'portal/request-new', { nav: NAV, ...page });
  }

  @Post('requests')
  async file(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: RequestFileForm,
  ): Promise<FastifyReply> {
    const outcome = await this.portal.file(req.user!, form);
    if ('refused' in outcome) {
      const page = { nav: NAV, ...outcome.refused };
      return this.pages.render(req, reply, 'portal/request-new', page, outcome.status);
    }
    return this.pages.redirect(reply, outcome.redirect);
  }

  /** A filed request's outcome, read back from what was stored: reloading it files nothing. */
  @Get('requests/:id/filed')
  async filed(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const page = await this.portal.filed(req.user!, id);
    return this.pages.render(req, reply, 'portal/request-filed', { nav: NAV, ...page });
  }

  @Get('requests/:id')
  async request(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Query('done') done?: string,
  ): Promise<FastifyReply> {
    const page = await this.portal.request(req.user!, id, { done });
    return this.pages.render(req, reply, 'portal/request', { nav: NAV, ...page });
  }

  @Post('requests/:id/comments')
  async comment(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: CommentForm,
  ): Promise<FastifyReply> {
    return this.answer(req, reply, await this.portal.comment(req.user!, id, form));
  }

  @Post('requests/:id/cancel')
  async cancel(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    return this.answer(req, reply, await this.portal.cancel(req.user!, id));
  }

  @Post('deflections')
  async solved(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() dto: CreateDeflectionDto,
  ): Promise<FastifyReply> {
    await this.portal.deflect(req.user!, dto);
    return this.pages.redirect(reply, `/portal/requests/new?contractId=${dto.contractId}&solved=1`);
  }

  @Get('invoices')
  async invoiceList(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const page = await this.portal.invoiceList(req.user!);
    return this.pages.render(req, reply, 'portal/invoices', { nav: NAV, ...page });
  }

  @Get('invoices/:id/pdf')
  async invoicePdf(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const pdf = await this.portal.invoicePdf(req.user!, id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${pdf.fileName}"`)
      .send(pdf.pdf);
  }

  @Get('kb')
  async kb(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('q') q?: string,
  ): Promise<FastifyReply> {
    const page = await this.portal.kb(req.user!, q);
    return this.pages.render(req, reply, 'portal/kb', { nav: NAV, ...page });
  }

  @Get('kb/:id')
  async article(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const page = await this.portal.article(req.user!, id);
    return this.pages.render(req, reply, 'portal/article', { nav: NAV, ...page });
  }

  /** A request's form done: back to its page (POST/redirect/GET); refused: the page, with why. */
  private answer(req: PageRequest, reply: FastifyReply, outcome: FormOutcome): FastifyReply {
    if ('redirect' in outcome) return this.pages.redirect(reply, outcome.redirect);
    const page = { nav: NAV, ...outcome.page };
    return this.pages.render(req, reply, 'portal/request', page, outcome.status);
  }
}
