import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ExportsModule } from '../exports/exports.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { PracticeModule } from '../practice/practice.module';
import { AccountingController } from './accounting.controller';
import { WebErrorFilter } from './web-error.filter';
import { WebPages } from './web-pages';

/** The accountant's page; WebPages is provided here too, as in the console's module. */
@Module({
  imports: [ClientsModule, ExportsModule, InvoicingModule, PracticeModule],
  controllers: [AccountingController],
  providers: [WebPages, WebErrorFilter],
})
export class AccountingModule {}
