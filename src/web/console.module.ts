import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { AlertsModule } from '../alerts/alerts.module';
import { ClientsModule } from '../clients/clients.module';
import { ContractsModule } from '../contracts/contracts.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { PracticeModule } from '../practice/practice.module';
import { ReportsModule } from '../reports/reports.module';
import { RequestsModule } from '../requests/requests.module';
import { UsageModule } from '../usage/usage.module';
import { ConsoleDeskController } from './console-desk.controller';
import { ConsoleDirectoryController } from './console-directory.controller';
import { ConsoleDirectory } from './console-directory.service';
import { ConsoleDesk } from './console-desk.service';
import { ConsoleInvoicesController } from './console-invoices.controller';
import { ConsoleInvoices } from './console-invoices.service';
import { ConsoleKnowledgeController } from './console-kb.controller';
import { ConsoleKnowledge } from './console-kb.service';
import { ConsolePages } from './console-pages';
import { ConsoleReportsController } from './console-reports.controller';
import { ConsoleServices } from './console-services';
import { ConsoleWeekController } from './console-week.controller';
import { ConsoleWeek } from './console-week.service';
import { WebErrorFilter } from './web-error.filter';
import { WebPages } from './web-pages';

/**
 * The consultant's console: pages over the feature services. WebPages and its error filter are
 * provided here too (they hold no state), so the web module can list this one among its imports.
 */
@Module({
  imports: [
    ActivitiesModule,
    AlertsModule,
    ClientsModule,
    ContractsModule,
    InterventionsModule,
    InvoicingModule,
    KnowledgeModule,
    PracticeModule,
    ReportsModule,
    RequestsModule,
    UsageModule,
  ],
  controllers: [
    ConsoleDeskController,
    ConsoleDirectoryController,
    ConsoleInvoicesController,
    ConsoleKnowledgeController,
    ConsoleReportsController,
    ConsoleWeekController,
  ],
  providers: [
    WebPages,
    WebErrorFilter,
    ConsolePages,
    ConsoleServices,
    ConsoleDesk,
    ConsoleInvoices,
    ConsoleWeek,
    ConsoleDirectory,
    ConsoleKnowledge,
  ],
})
export class ConsoleModule {}
