import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { addDays, firstDayOfNextMonth, localMonth } from '../calendar';
import { Clock } from '../common/clock';
import { ExportPeriodQuery } from '../exports/dto/export-query.dto';
import { ExportsService } from '../exports/exports.service';
import { InvoicePdfService } from '../invoicing/invoice-pdf.service';
import { InvoicesService } from '../invoicing/invoices.service';
import { PracticeService } from '../practice/practice.service';
import { ClientsService } from '../clients/clients.service';
import { issuedOnly, periodTotals } from './accounting-view';
import { PeriodQuery } from './console-forms';
import { CONSOLE_NAV, sendFile } from './console-pages';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';
import { UuidParam } from '../common/validation';

const ACCOUNTANT_NAV = [{ href: '/accounting', label: 'accounting.nav.title' }];
const ALL = { limit: 500, offset: 0 };
/** The service reads the whole period before paging: the page lists and sums all of it. */
const WHOLE_PERIOD = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };

/** The accountant's page: the period's invoices and credit notes, their totals, the exports. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('accountant', 'consultant')
@Controller('accounting')
export class AccountingController {
  constructor(
    private readonly pages: WebPages,
    private readonly invoices: InvoicesService,
    private readonly clients: ClientsService,
    private readonly exports: ExportsService,
    private readonly pdfs: InvoicePdfService,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async period(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() q: PeriodQuery) {
    const period = await this.periodOrThisMonth(q);
    // Clients with invoices are archived, not deleted: their names are read too.
    const [page, active, archived] = await Promise.all([
      this.invoices.list(req.user!, { ...WHOLE_PERIOD, ...period }),
      this.clients.list(req.user!, ALL),
      this.clients.list(req.user!, { ...ALL, archived: true }),
    ]);
    const clients = [...active.items, ...archived.items];
    const docs = issuedOnly(page.items);
    return this.pages.render(req, reply, 'accounting/index', {
      nav: req.user!.role === 'consultant' ? CONSOLE_NAV : ACCOUNTANT_NAV,
      period,
      docs,
      totals: periodTotals(docs),
      clientNames: Object.fromEntries(clients.map((c) => [c.id, c.name])),
      exportQuery: new URLSearchParams(period).toString(),
    });
  }

  @Get('exports/invoices.csv')
  async journal(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query() q: ExportPeriodQuery,
  ) {
    return sendFile(reply, await this.exports.journalCsv(q, this.pages.locale(req)));
  }

  @Get('exports/fec')
  async fec(@Res() reply: FastifyReply, @Query() q: ExportPeriodQuery) {
    return sendFile(reply, await this.exports.fec(q));
  }

  @Get('exports/invoices.zip')
  async zip(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() q: ExportPeriodQuery) {
    return sendFile(reply, await this.exports.pdfZip(req.user!, q));
  }

  @Get('invoices/:id/pdf')
  async pdf(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const { fileName, pdf } = await this.pdfs.render(req.user!, id);
    return sendFile(reply, { fileName, contentType: 'application/pdf', body: pdf });
  }

  /** The period asked for; by default the practice's current month. */
  private async periodOrThisMonth(q: PeriodQuery): Promise<{ from: string; to: string }> {
    const { timezone } = await this.practice.get();
    const month = localMonth(this.clock.now(), timezone);
    return {
      from: q.from ?? `${month}-01`,
      to: q.to ?? addDays(firstDayOfNextMonth(month), -1),
    };
  }
}
