import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  businessIntervalsOn,
  dayBounds,
  isBusinessInstant,
  isoWeekBounds,
  localDate,
} from '../calendar';
import { AppConfigService } from '../common/app-config.service';
import type { CalendarSettings } from '../common/domain';
import { formatDate, formatMinutes } from '../common/format';
import { Transactions } from '../common/transactions';
import type { Locale } from '../i18n/catalogue';
import { isUniqueViolation, MailJobs } from '../mail/mail-jobs';
import { renderMail } from '../mail/mail-templates';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { Outbox } from '../mail/outbox.service';
import { Practice } from '../practice/practice.entity';
import { toCalendarSettings } from '../practice/practice.service';
import { MailPreferences } from '../users/mail-preferences';
import { User } from '../users/user.entity';
import type { DayPeriod } from './report-period';
import { WorkloadReportService, type WorkloadReportData } from './workload-report.service';

/**
 * The week's first business day, 'YYYY-MM-DD', within the ISO week starting on `monday`: Monday,
 * or the next day with business hours when Monday has none (Easter Monday). Null for a week
 * without any.
 */
export function firstBusinessDayOfWeek(monday: string, calendar: CalendarSettings): string | null {
  for (let k = 0; k < 7; k++) {
    const day = addDays(monday, k);
    if (businessIntervalsOn(day, calendar).length > 0) return day;
  }
  return null;
}

/**
 * When the weekly report is due at `now`: on the week's first business day once business hours
 * have opened (Monday at opening time), the report covers the week before, Monday to Sunday.
 * Null at any other moment: a Sunday, an evening, another day of the week.
 */
export function weeklyReportDueAt(
  now: Date,
  calendar: CalendarSettings,
): { week: string; period: DayPeriod } | null {
  if (!isBusinessInstant(now, calendar)) return null;
  const today = localDate(now, calendar.timezone);
  const monday = localDate(isoWeekBounds(now, calendar.timezone).start, calendar.timezone);
  if (firstBusinessDayOfWeek(monday, calendar) !== today) return null;
  const lastMonday = addDays(monday, -7);
  const reported = isoWeekBounds(dayBounds(lastMonday, calendar.timezone).start, calendar.timezone);
  return { week: reported.week, period: { from: lastMonday, to: addDays(monday, -1) } };
}

/**
 * The consultant's weekly workload report, a mail job: on Monday at opening time (the week's
 * first business day), to each active consultant who wants it, the risk level of the week
 * before and its reasons, in the words and from the one computation of the workload report.
 * Not essential: it carries its one-click unsubscribe link. Once per consultant and week
 * (dedupe key `weekly:<userId>:<ISO week reported>`).
 */
@Injectable()
export class WeeklyReportMail implements OnModuleInit {
  private readonly logger = new Logger(WeeklyReportMail.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly jobs: MailJobs,
    private readonly preferences: MailPreferences,
    private readonly workload: WorkloadReportService,
    private readonly config: AppConfigService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('reports.weekly-report', (now) => this.compose(now));
  }

  async compose(now: Date): Promise<void> {
    const m = this.dataSource.manager;
    const [practice] = await m.getRepository(Practice).find({ take: 1 });
    if (!practice) return;
    const due = weeklyReportDueAt(now, toCalendarSettings(practice));
    if (!due) return;
    const consultants = await m.getRepository(User).find({
      where: { role: 'consultant', active: true },
      order: { createdAt: 'ASC' },
    });
    for (const user of consultants) {
      const key = `weekly:${user.id}:${due.week}`;
      if (await m.getRepository(OutboxMessage).existsBy({ dedupeKey: key })) continue;
      if (!(await this.preferences.wants(m, user.id, 'weekly_report'))) continue;
      const locale = await this.preferences.localeOf(m, user.id);
      // The report is read before the transaction, which only writes the message.
      const report = await this.workload.report(user.id, due.period, locale);
      try {
        await this.transactions.run((tm) =>
          this.enqueue(tm, { user, practice, locale, report, due, key }),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        this.logger.debug(`${key}: composed elsewhere`);
      }
    }
  }

  private async enqueue(
    m: EntityManager,
    { user, practice, locale, report, due, key }: WeeklyMessage,
  ): Promise<void> {
    const base = this.config.values.publicUrl;
    const reportUrl = `${base}/console/reports?from=${due.period.from}&to=${due.period.to}`;
    const unsubscribeUrl = this.preferences.unsubscribeUrl(user.id, 'weekly_report');
    const content = renderMail('weekly-report', locale, 'mail-billing.weekly.subject', {
      practiceName: practice.name,
      level: report.riskText.level,
      levelCode: report.risk.level,
      reasons: report.riskText.reasons,
      from: formatDate(due.period.from, locale),
      to: formatDate(due.period.to, locale),
      worked: formatMinutes(report.indicators.totalWorkedMinutes),
      afterHours: formatMinutes(report.indicators.totalAfterHoursMinutes),
      workingDays: report.indicators.workingDays,
      reportUrl,
      unsubscribeUrl,
    });
    await this.outbox.enqueue(m, {
      kind: 'weekly_report',
      to: { address: user.email, name: user.displayName, userId: user.id, locale },
      content,
      essential: false,
      unsubscribeUrl,
      links: [{ labelKey: 'mail-billing.weekly.open', url: reportUrl }],
      dedupeKey: key,
    });
  }
}

interface WeeklyMessage {
  user: User;
  practice: Practice;
  locale: Locale;
  report: WorkloadReportData;
  due: { week: string; period: DayPeriod };
  key: string;
}
