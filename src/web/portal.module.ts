import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { CoachingModule } from '../coaching/coaching.module';
import { ContractsModule } from '../contracts/contracts.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { PracticeModule } from '../practice/practice.module';
import { RequestsModule } from '../requests/requests.module';
import { UsageModule } from '../usage/usage.module';
import { AutonomyPanel } from './autonomy-panel';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';
import { WebModule } from './web.module';

/** The client portal's pages; every figure comes from the feature services. */
@Module({
  imports: [
    WebModule,
    CoachingModule,
    ContractsModule,
    UsageModule,
    AlertsModule,
    RequestsModule,
    KnowledgeModule,
    InvoicingModule,
    PracticeModule,
  ],
  controllers: [PortalController],
  providers: [PortalService, AutonomyPanel],
})
export class PortalModule {}
