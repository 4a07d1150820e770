import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { CoachingModule } from '../coaching/coaching.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { PracticeModule } from '../practice/practice.module';
import { UsageModule } from '../usage/usage.module';
import { UsersModule } from '../users/users.module';
import { ClientReportService } from './client-report.service';
import { ReportFilesService } from './report-files.service';
import { ReportsController } from './reports.controller';
import { WeeklyReportMail } from './weekly-report-mail.service';
import { WorkloadReportService } from './workload-report.service';

/** Workload and client reports: SQL aggregates, the pure rules on top, JSON, CSV and PDF. */
@Module({
  imports: [
    PracticeModule,
    ClientsModule,
    CoachingModule,
    UsageModule,
    InvoicingModule,
    InterventionsModule,
    UsersModule,
  ],
  controllers: [ReportsController],
  providers: [WorkloadReportService, ClientReportService, ReportFilesService, WeeklyReportMail],
  exports: [WorkloadReportService, ClientReportService],
})
export class ReportsModule {}
