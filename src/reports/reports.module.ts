import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { CoachingModule } from '../coaching/coaching.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { PracticeModule } from '../practice/practice.module';
import { UsageModule } from '../usage/usage.module';
import { ClientReportService } from './client-report.service';
import { ReportFilesService } from './report-files.service';
import { ReportsController } from './reports.controller';
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
  ],
  controllers: [ReportsController],
  providers: [WorkloadReportService, ClientReportService, ReportFilesService],
  exports: [WorkloadReportService, ClientReportService],
})
export class ReportsModule {}
