import { Injectable } from '@nestjs/common';
import { localDate } from '../calendar';
import { Clock } from '../common/clock';
import { PracticeService } from '../practice/practice.service';
import type { Viewer } from '../common/tenant';
import { clientReportCsv } from './client-report-rows';
import { ClientReportService } from './client-report.service';
import type { ClientReportQuery, WorkloadQuery } from './dto/report-query.dto';
import { renderClientReportPdf } from './pdf/client-report-pdf';
import { renderWorkloadPdf } from './pdf/workload-pdf';
import { CSV_TYPE, fileSlug, PDF_TYPE, type ReportOutput } from './report-output';
import { loadReportTemplate } from './report-template';
import { WorkloadReportService } from './workload-report.service';
import { workloadCsv } from './workload-rows';

/** Each report in the format asked for: JSON as computed, CSV for spreadsheets, PDF to print. */
@Injectable()
export class ReportFilesService {
  constructor(
    private readonly workload: WorkloadReportService,
    private readonly client: ClientReportService,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  async workloadReport(consultantId: string, query: WorkloadQuery): Promise<ReportOutput> {
    const practice = await this.practice.get();
    const locale = query.locale ?? practice.locale;
    const data = await this.workload.report(consultantId, query, locale);
    if (query.format === 'json') return { kind: 'json', body: data };
    const { texts } = loadReportTemplate(locale);
    const fileName = `${texts.workload.fileName}-${query.from}-${query.to}.${query.format}`;
    if (query.format === 'csv') {
      const csv = workloadCsv(data, texts, locale);
      return { kind: 'file', contentType: CSV_TYPE, fileName, body: Buffer.from(csv, 'utf8') };
    }
    const today = localDate(this.clock.now(), practice.timezone);
    const pdf = await renderWorkloadPdf(data, { locale, practiceName: practice.name, today });
    return { kind: 'file', contentType: PDF_TYPE, fileName, body: pdf };
  }

  async clientReport(
    viewer: Viewer,
    clientId: string,
    query: ClientReportQuery,
  ): Promise<ReportOutput> {
    const data = await this.client.report(viewer, clientId, query);
    if (query.format === 'json') return { kind: 'json', body: data };
    const practice = await this.practice.get();
    const locale = query.locale ?? practice.locale;
    const { texts } = loadReportTemplate(locale);
    const fileName = `${texts.client.fileName}-${fileSlug(data.clientName)}-${query.from}-${query.to}.${query.format}`;
    if (query.format === 'csv') {
      const csv = clientReportCsv(data, texts, locale);
      return { kind: 'file', contentType: CSV_TYPE, fileName, body: Buffer.from(csv, 'utf8') };
    }
    const today = localDate(this.clock.now(), practice.timezone);
    const pdf = await renderClientReportPdf(data, { locale, practiceName: practice.name, today });
    return { kind: 'file', contentType: PDF_TYPE, fileName, body: pdf };
  }
}
