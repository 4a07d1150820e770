import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Activity } from '../activities/activity.entity';
import { ActivitiesModule } from '../activities/activities.module';
import { AlertsModule } from '../alerts/alerts.module';
import { Client } from '../clients/client.entity';
import { ClientsModule } from '../clients/clients.module';
import { CoachingModule } from '../coaching/coaching.module';
import { Contract } from '../contracts/contract.entity';
import { ContractsModule } from '../contracts/contracts.module';
import { Intervention } from '../interventions/intervention.entity';
import { InterventionsModule } from '../interventions/interventions.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { PracticeModule } from '../practice/practice.module';
import { ReportsModule } from '../reports/reports.module';
import { RequestsModule } from '../requests/requests.module';
import { UsageModule } from '../usage/usage.module';
import { UsersModule } from '../users/users.module';
import { User } from '../users/user.entity';
import { AutonomyPanel } from './autonomy-panel';
import { ConsoleCoachingController } from './console-coaching.controller';
import { ConsoleCoaching } from './console-coaching.service';
import { ConsoleDeskController } from './console-desk.controller';
import { ConsoleDirectoryController } from './console-directory.controller';
import { ConsoleDirectory } from './console-directory.service';
import { ConsoleDesk } from './console-desk.service';
import { ConsoleImportController } from './console-import.controller';
import { ConsoleImport } from './console-import.service';
import { ConsoleInvoicesController } from './console-invoices.controller';
import { ConsoleInvoices } from './console-invoices.service';
import { ConsoleKnowledgeController } from './console-kb.controller';
import { ConsoleKnowledge } from './console-kb.service';
import { ConsoleOutboxController } from './console-outbox.controller';
import { ConsolePages } from './console-pages';
import { ConsoleReportsController } from './console-reports.controller';
import { ConsoleActivities } from './console-settings-activities.service';
import { ConsoleSettingsPeopleController } from './console-settings-people.controller';
import { ConsoleSettingsController } from './console-settings.controller';
import { ConsoleSettings } from './console-settings.service';
import { ConsoleUsers } from './console-settings-users.service';
import { ConsoleRequestsController } from './console-requests.controller';
import { ConsoleRequests } from './console-requests.service';
import { ConsoleReports } from './console-reports.service';
import { ConsoleWeekController } from './console-week.controller';
import { ConsoleWeek } from './console-week.service';
import { ConsoleWeekEntries } from './console-week-entries.service';
import { FirstRunChecklist } from './first-run-checklist.service';
import { HeaderTimerInterceptor } from './header-timer';
import { WebModule } from './web.module';

/** The consultant's console: pages over the feature services. */
@Module({
  imports: [
    WebModule,
    ActivitiesModule,
    AlertsModule,
    ClientsModule,
    CoachingModule,
    ContractsModule,
    InterventionsModule,
    InvoicingModule,
    KnowledgeModule,
    PracticeModule,
    ReportsModule,
    RequestsModule,
    UsageModule,
    UsersModule,
    // Counted, read only, by the first-run checklist.
    TypeOrmModule.forFeature([Activity, Client, Contract, User, Intervention]),
  ],
  controllers: [
    ConsoleCoachingController,
    ConsoleDeskController,
    ConsoleDirectoryController,
    ConsoleImportController,
    ConsoleInvoicesController,
    ConsoleKnowledgeController,
    ConsoleOutboxController,
    ConsoleReportsController,
    ConsoleSettingsController,
    ConsoleSettingsPeopleController,
    ConsoleRequestsController,
    ConsoleWeekController,
  ],
  providers: [
    AutonomyPanel,
    ConsoleCoaching,
    ConsolePages,
    ConsoleDesk,
    ConsoleImport,
    ConsoleInvoices,
    ConsoleWeek,
    ConsoleWeekEntries,
    ConsoleDirectory,
    ConsoleKnowledge,
    ConsoleReports,
    ConsoleRequests,
    FirstRunChecklist,
    ConsoleSettings,
    ConsoleActivities,
    ConsoleUsers,
    // The running timer in the header of every page of a consultant.
    { provide: APP_INTERCEPTOR, useClass: HeaderTimerInterceptor },
  ],
})
export class ConsoleModule {}
