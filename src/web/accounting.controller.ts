import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ExportPeriodQuery } from '../exports/dto/export-query.dto';
import { ExportsService } from '../exports/exports.service';
import { InvoicePdfService } from '../invoicing/invoice-pdf.service';
import { AccountingPage } from './accounting-page.service';
import { PeriodQuery } from './console-forms';
import { sendFile } from './console-pages';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';
import { UuidParam } from '../common/validation';

/** The accountant's page: the period's invoices and credit notes, their totals, the exports. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('accountant', 'consultant')
@Controller('accounting')
export class AccountingController {
  constructor(
    private readonly pages: WebPages,
    private readonly accounting: AccountingPage,
    private readonly exports: ExportsService,
    private readonly pdfs: InvoicePdfService,
  ) {}

  @Get()
  async period(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() q: PeriodQuery) {
    const page = await this.accounting.period(req.user!, q);
    return this.pages.render(req, reply, 'accounting/index', page, page.status);
  }

  @Get('chain')
  async chain(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    const page = await this.accounting.chainCheck(req.user!);
    return this.pages.render(req, reply, 'accounting/chain', page);
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
}
