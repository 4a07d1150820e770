import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Activity } from '../activities/activity.entity';
import { Client } from '../clients/client.entity';
import { AllowanceModule } from '../allowance/allowance.module';
import { ContractsModule } from '../contracts/contracts.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { PracticeModule } from '../practice/practice.module';
import { RequestsModule } from '../requests/requests.module';
import { BillableWork } from './billable-work.service';
import { ChainService } from './chain.service';
import { CreditNotesService } from './credit-notes.service';
import { DocumentCounter } from './document-counter.entity';
import { DraftLines } from './draft-lines.service';
import { DraftsService } from './drafts.service';
import { FacturxService } from './facturx/facturx.service';
import { InvoiceClaims } from './invoice-claims';
import { InvoiceDocuments } from './invoice-documents';
import { InvoiceLine } from './invoice-line.entity';
import { InvoiceMail } from './invoice-mail.service';
import { InvoiceReminderStop } from './invoice-reminder-stop.entity';
import { InvoiceSend } from './invoice-send.entity';
import { InvoicePdfService } from './invoice-pdf.service';
import { Invoice } from './invoice.entity';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { IssuingService } from './issuing.service';
import { Payment } from './payment.entity';
import { PaymentReminders } from './payment-reminders.service';
import { PaymentsService } from './payments.service';

/** Invoices, credit notes and payments: drafts from the work done, issued and frozen. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Invoice,
      InvoiceLine,
      Payment,
      DocumentCounter,
      Client,
      Activity,
      InvoiceSend,
      InvoiceReminderStop,
    ]),
    PracticeModule,
    AllowanceModule,
    ContractsModule,
    RequestsModule,
    InterventionsModule,
  ],
  controllers: [InvoicesController],
  providers: [
    BillableWork,
    DraftLines,
    DraftsService,
    IssuingService,
    PaymentsService,
    CreditNotesService,
    InvoicePdfService,
    FacturxService,
    InvoiceDocuments,
    InvoiceClaims,
    ChainService,
    InvoicesService,
    InvoiceMail,
    PaymentReminders,
  ],
  exports: [
    InvoicesService,
    ChainService,
    InvoicePdfService,
    DraftsService,
    IssuingService,
    PaymentsService,
    CreditNotesService,
    InvoiceMail,
    TypeOrmModule,
  ],
})
export class InvoicingModule {}
