import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiConflict, ApiErrorResponses, ApiFileResponse, ApiRuleRefusal } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { ChainService, type ChainReport } from './chain.service';
import { CreditNotesService } from './credit-notes.service';
import { FacturxService } from './facturx/facturx.service';
import { DraftsService } from './drafts.service';
import {
  CreateDraftDto,
  CreditNoteDto,
  InvoiceQuery,
  PaymentDto,
  SendPeriodDto,
  UpdateDraftDto,
} from './dto/invoice.dto';
import {
  ChainVerification,
  InvoiceDetailView,
  InvoicePageView,
  PaymentView as PaymentResponse,
  PeriodSendView,
} from './dto/invoice.response';
import { InvoiceMail, type PeriodSend } from './invoice-mail.service';
import type { InvoiceDetail } from './invoice-detail';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoicesService, type InvoicePage } from './invoices.service';
import { IssuingService } from './issuing.service';
import { PaymentsService, type PaymentView } from './payments.service';

const Id = () => UuidParam('id');
const ISSUED = 'The invoice is issued: credit it instead';
const NOT_A_DRAFT = `${ISSUED}; or another draft or invoice already bills a month of the period`;
const OUTSIDE_CONTRACT = 'The period is outside the contract';
const STORED_PDF_ALTERED = 'The PDF stored at issue is missing or no longer matches its digest';

@ApiTags('invoices')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly drafts: DraftsService,
    private readonly issuing: IssuingService,
    private readonly payments: PaymentsService,
    private readonly creditNotes: CreditNotesService,
    private readonly pdfs: InvoicePdfService,
    private readonly chain: ChainService,
    private readonly facturxFiles: FacturxService,
    private readonly mail: InvoiceMail,
  ) {}

  @Post('drafts')
  @Roles('consultant')
  @ApiOperation({ summary: "Build a draft from a contract's uninvoiced work in a period" })
  @ApiCreatedResponse({ type: InvoiceDetailView })
  @ApiConflict('A draft already covers the contract, or the period is already invoiced')
  @ApiRuleRefusal(OUTSIDE_CONTRACT)
  createDraft(@Body() dto: CreateDraftDto): Promise<InvoiceDetail> {
    return this.drafts.create(dto);
  }

  @Get()
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({ summary: 'List invoices and credit notes (a client user: its issued ones)' })
  @ApiOkResponse({ type: InvoicePageView })
  list(@CurrentUser() viewer: AuthUser, @Query() query: InvoiceQuery): Promise<InvoicePage> {
    return this.invoices.list(viewer, query);
  }

  @Post('send')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Mail every issued invoice and credit note of the period (by issue day) not sent yet, each to its client's billing address with its stored PDF",
  })
  @ApiOkResponse({ type: PeriodSendView })
  @ApiConflict('A client of the period has no billing address (conflict.no_billing_email)')
  sendPeriod(@CurrentUser() viewer: AuthUser, @Body() dto: SendPeriodDto): Promise<PeriodSend> {
    return this.mail.sendPeriod(viewer, dto);
  }

  @Get('verify-chain')
  @Roles('consultant', 'accountant')
  @ApiOperation({ summary: "Recompute every issued document's hash and check the chain" })
  @ApiOkResponse({ type: ChainVerification })
  verifyChain(): Promise<ChainReport> {
    return this.chain.verify();
  }

  @Get(':id')
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({ summary: 'Read an invoice or credit note with its lines, status and balance' })
  @ApiOkResponse({ type: InvoiceDetailView })
  get(@CurrentUser() viewer: AuthUser, @Id() id: string): Promise<InvoiceDetail> {
    return this.invoices.get(viewer, id);
  }

  @Patch(':id')
  @Roles('consultant')
  @ApiOperation({ summary: 'Change a draft: manual lines, notes, period (409 once issued)' })
  @ApiOkResponse({ type: InvoiceDetailView })
  @ApiConflict(NOT_A_DRAFT)
  @ApiRuleRefusal(OUTSIDE_CONTRACT)
  update(@Id() id: string, @Body() dto: UpdateDraftDto): Promise<InvoiceDetail> {
    return this.drafts.update(id, dto);
  }

  @Post(':id/rebuild')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({
    summary: "Rebuild a draft's generated lines from its period, keeping manual lines",
  })
  @ApiOkResponse({ type: InvoiceDetailView })
  @ApiConflict(NOT_A_DRAFT)
  @ApiRuleRefusal(OUTSIDE_CONTRACT)
  rebuild(@Id() id: string): Promise<InvoiceDetail> {
    return this.drafts.rebuild(id);
  }

  @Delete(':id')
  @Roles('consultant')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft and free its interventions (409 once issued)' })
  @ApiNoContentResponse({ description: 'Deleted; its interventions can be invoiced again' })
  @ApiConflict(ISSUED)
  remove(@Id() id: string): Promise<void> {
    return this.drafts.remove(id);
  }

  @Post(':id/issue')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a draft: next number, dates, snapshots, hash; then frozen' })
  @ApiOkResponse({ type: InvoiceDetailView })
  @ApiConflict(
    'Not a draft, the VAT regime changed since it was built (rebuild it), or its number format gives a number already used',
  )
  @ApiRuleRefusal(
    'It cannot be issued as it is: no line, no seller VAT number where one is needed, payment terms over the legal limit',
  )
  issue(@Id() id: string): Promise<InvoiceDetail> {
    return this.issuing.issue(id);
  }

  @Post(':id/payments')
  @Roles('consultant')
  @ApiOperation({ summary: 'Record a payment (partial allowed, overpayment refused)' })
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiConflict('Not an issued invoice that can be paid')
  @ApiRuleRefusal('Dated in the future, or more than the balance')
  pay(@Id() id: string, @Body() dto: PaymentDto): Promise<PaymentView> {
    return this.payments.record(id, dto);
  }

  @Get(':id/payments')
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({ summary: 'Payments received against an invoice' })
  @ApiOkResponse({ type: [PaymentResponse] })
  listPayments(@CurrentUser() viewer: AuthUser, @Id() id: string): Promise<PaymentView[]> {
    return this.payments.list(viewer, id);
  }

  @Post(':id/credit-notes')
  @Roles('consultant')
  @ApiOperation({ summary: 'Issue a credit note for an invoice, full or by lines' })
  @ApiCreatedResponse({ type: InvoiceDetailView, description: 'The issued credit note' })
  @ApiConflict('Not an issued invoice, or nothing left to credit')
  @ApiRuleRefusal('The lines asked for cannot be credited (details name them)')
  credit(@Id() id: string, @Body() dto: CreditNoteDto): Promise<InvoiceDetail> {
    return this.creditNotes.create(id, dto);
  }

  @Post(':id/send')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Mail an issued invoice or credit note to its client's billing address, in the client's language, with the PDF stored at issue; sending again is allowed, each send recorded",
  })
  @ApiOkResponse({ type: InvoiceDetailView })
  @ApiConflict(
    'A draft is not sent (conflict.not_sendable), or the client has no billing address (conflict.no_billing_email)',
  )
  send(@CurrentUser() viewer: AuthUser, @Id() id: string): Promise<InvoiceDetail> {
    return this.mail.send(viewer, id);
  }

  @Post(':id/reminders/stop')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stop the payment reminders of an issued invoice: those waiting are withdrawn',
  })
  @ApiOkResponse({ type: InvoiceDetailView })
  @ApiConflict('Not an issued invoice (conflict.no_reminders)')
  stopReminders(@CurrentUser() viewer: AuthUser, @Id() id: string): Promise<InvoiceDetail> {
    return this.mail.stopReminders(viewer, id);
  }

  @Get(':id/pdf')
  @Roles('consultant', 'accountant', 'client')
  @ApiFileResponse('<number>.pdf, or a draft marked BROUILLON', 'application/pdf')
  @ApiConflict(STORED_PDF_ALTERED)
  @ApiOperation({ summary: 'The PDF of an invoice or credit note (a draft is marked BROUILLON)' })
  async pdf(
    @CurrentUser() viewer: AuthUser,
    @Id() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.pdfs.render(viewer, id);
    void reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return new StreamableFile(pdf, { type: 'application/pdf' });
  }

  @Get(':id/facturx.xml')
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({
    summary:
      'The Factur-X XML (UN/CEFACT CII, EN 16931 profile) of an issued invoice or credit note: the factur-x.xml its PDF carries',
  })
  @ApiFileResponse("<number>.xml, the same bytes as the PDF's factur-x.xml", 'application/xml')
  @ApiConflict('A draft has no Factur-X XML: issue it first')
  async facturx(
    @CurrentUser() viewer: AuthUser,
    @Id() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { fileName, xml } = await this.facturxFiles.xml(viewer, id);
    void reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return new StreamableFile(Buffer.from(xml, 'utf8'), { type: 'application/xml' });
  }
}
