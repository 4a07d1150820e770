import { Module } from '@nestjs/common';
import { PracticeModule } from '../practice/practice.module';
import { ReportFilesService } from './report-files.service';
import { ReportsController } from './reports.controller';
import { WorkloadReportService } from './workload-report.service';

/** Workload and client reports: SQL aggregates, the pure rules on top, JSON, CSV and PDF. */
@Module({
  imports: [PracticeModule],
  controllers: [ReportsController],
  providers: [WorkloadReportService, ReportFilesService],
  exports: [WorkloadReportService],
})
export class ReportsModule {}
