import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AlertsService } from '../alerts/alerts.service';
import { Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { InvoicesService } from '../invoicing/invoices.service';
import { InvoicePdfService } from '../invoicing/invoice-pdf.service';
import { CreateDeflectionDto } from '../knowledge/dto/deflection.dto';
import { ArticlesService } from '../knowledge/articles.service';
import { DeflectionsService } from '../knowledge/deflections.service';
import { SuggestionsService } from '../knowledge/suggestions.service';
import { FileRequestDto } from '../requests/dto/request.dto';
import { RequestFilingService } from '../requests/request-filing.service';
import { RequestsService } from '../requests/requests.service';
import { PortalService } from './portal.service';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';
import { UuidParam } from '../common/validation';

const NAV = [
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
    private readonly requests: RequestsService,
    private readonly filing: RequestFilingService,
    private readonly suggestions: SuggestionsService,
    private readonly deflections: DeflectionsService,
    private readonly articles: ArticlesService,
    private readonly invoices: InvoicesService,
    private readonly pdfs: InvoicePdfService,
    private readonly alerts: AlertsService,
  ) {}

  @Get()
  async dashboard(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const viewer = req.user!;
    const offers = await this.portal.offers(viewer);
    const alerts = (await this.alerts.list(viewer, { limit: 20, offset: 0 })).items;
    return this.pages.render(req, reply, 'portal/dashboard', { nav: NAV, offers, alerts });
  }

  @Post('alerts/:id/acknowledge')
  async acknowledge(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    await this.alerts.acknowledge(req.user!, id);
    return this.pages.redirect(reply, '/portal');
  }

  @Get('requests')
  async requestList(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('status') status?: string,
  ): Promise<FastifyReply> {
    const page = await this.requests.list(req.user!, {
      limit: 100,
      offset: 0,
      ...(isStatus(status) ? { status } : {}),
    });
    return this.pages.render(req, reply, 'portal/requests', {
      nav: NAV,
      requests: page.items,
      total: page.total,
      status,
    });
  }

  @Get('requests/new')
  async newRequest(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('contractId') contractId?: string,
    @Query('q') q?: string,
    @Query('solved') solved?: string,
  ): Promise<FastifyReply> {
    return this.renderForm(req, reply, {
      contractId,
      title: q ?? '',
      description: '',
      urgency: 'normal',
      solved: solved === '1',
    });
  }

  @Post('requests')
  async file(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() dto: FileRequestDto,
  ): Promise<FastifyReply> {
    try {
      const filed = await this.filing.file(req.user!, dto);
      return this.pages.render(req, reply, 'portal/request-filed', { nav: NAV, filed }, 201);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'rule') throw error;
      return this.renderForm(
        req,
        reply,
        { ...dto, refusal: { message: error.message, details: error.details } },
        422,
      );
    }
  }

  @Get('requests/:id')
  async request(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const request = await this.requests.detail(req.user!, id);
    return this.pages.render(req, reply, 'portal/request', { nav: NAV, request });
  }

  @Post('deflections')
  async solved(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() dto: CreateDeflectionDto,
  ): Promise<FastifyReply> {
    await this.deflections.record(req.user!, dto);
    return this.pages.redirect(reply, `/portal/requests/new?contractId=${dto.contractId}&solved=1`);
  }

  @Get('invoices')
  async invoiceList(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const page = await this.invoices.list(req.user!, { limit: 200, offset: 0 });
    return this.pages.render(req, reply, 'portal/invoices', { nav: NAV, invoices: page.items });
  }

  @Get('invoices/:id/pdf')
  async invoicePdf(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const pdf = await this.pdfs.render(req.user!, id);
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
    const page = await this.articles.list(req.user!, {
      limit: 100,
      offset: 0,
      ...(q ? { q } : {}),
    });
    return this.pages.render(req, reply, 'portal/kb', {
      nav: NAV,
      articles: page.items,
      q: q ?? '',
    });
  }

  @Get('kb/:id')
  async article(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const article = await this.articles.get(req.user!, id);
    return this.pages.render(req, reply, 'portal/article', { nav: NAV, article });
  }

  private async renderForm(
    req: PageRequest,
    reply: FastifyReply,
    form: Record<string, unknown>,
    status = 200,
  ): Promise<FastifyReply> {
    const viewer = req.user!;
    const offers = await this.portal.offers(viewer);
    const contractId = (form.contractId as string | undefined) ?? offers[0]?.contract.id;
    const offer = offers.find((o) => o.contract.id === contractId) ?? offers[0];
    const query = typeof form.title === 'string' ? form.title.trim() : '';
    const suggestions =
      query.length >= 2 ? (await this.suggestions.suggest(viewer, query)).items : [];
    return this.pages.render(
      req,
      reply,
      'portal/request-new',
      { nav: NAV, offers, offer, form, query, suggestions },
      status,
    );
  }
}

function isStatus(s: string | undefined): s is 'open' | 'in_progress' | 'resolved' | 'closed' {
  return s === 'open' || s === 'in_progress' || s === 'resolved' || s === 'closed';
}
