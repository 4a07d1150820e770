import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { addDays, localDate } from '../calendar';
import { Clock } from '../common/clock';
import { PracticeService } from '../practice/practice.service';
import { WorkloadReportService } from '../reports/workload-report.service';
import type { PeriodQuery } from './console-forms';
import { weekOf } from './console-view';
import type { WebLocale } from './i18n';

/** Weeks shown when no period is asked for: this one and the four before it. */
const DEFAULT_WEEKS = 5;

/** The workload report for the console: the period asked for, or the last weeks. */
@Injectable()
export class ConsoleReports {
  constructor(
    private readonly reports: WorkloadReportService,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  async page(viewer: AuthUser, q: PeriodQuery, locale: WebLocale) {
    const period = await this.period(q);
    const report = await this.reports.report(viewer.id, period, locale);
    return { report, period };
  }

  /** The period asked for, either end filled in from the default weeks when left out. */
  private async period(q: PeriodQuery): Promise<{ from: string; to: string }> {
    const { timezone } = await this.practice.get();
    const week = weekOf(localDate(this.clock.now(), timezone));
    const to = q.to ?? (q.from && q.from > week.sunday ? q.from : week.sunday);
    const from = q.from ?? weekOf(addDays(to, -7 * (DEFAULT_WEEKS - 1))).monday;
    return { from, to };
  }
}
