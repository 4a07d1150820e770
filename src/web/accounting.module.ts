import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ExportsModule } from '../exports/exports.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { PracticeModule } from '../practice/practice.module';
import { AccountingController } from './accounting.controller';
import { AccountingPage } from './accounting-page.service';
import { WebModule } from './web.module';

/** The accountant's page: issued documents by period and the exports. */
@Module({
  imports: [WebModule, ClientsModule, ExportsModule, InvoicingModule, PracticeModule],
  controllers: [AccountingController],
  providers: [AccountingPage],
})
export class AccountingModule {}
