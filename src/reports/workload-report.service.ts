import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dayBounds } from '../calendar';
import type { GuardrailLimits } from '../common/domain';
import type { FormatLocale } from '../common/format';
import { judgeStoredDays, storedReading } from '../interventions/guardrail-check.service';
import { storedWorkDays } from '../interventions/work-days';
import { PracticeService, toCalendarSettings } from '../practice/practice.service';
import { assertDayPeriod, type DayOff, type DayPeriod, daysOffIn } from './report-period';
import { riskText, type RiskText } from './risk-wording';
import {
  type ClientPressure,
  rankPressureClients,
  type WorkloadReport,
  workloadIndicators,
} from './workload-indicators';
import { pressureByClient, workGroups, workloadDays, type WorkloadScope } from './workload-queries';

/** Everything the workload report shows: JSON as is, and the source of the CSV, PDF and web page. */
export interface WorkloadReportData extends WorkloadReport {
  consultantId: string;
  from: string;
  to: string;
  timezone: string;
  limits: GuardrailLimits;
  /** Public holidays and closure days within the period. */
  daysOff: DayOff[];
  breakdown: NonNullable<WorkloadReport['breakdown']>;
  /** The clients who cause the pressure, highest score first. */
  pressureClients: ClientPressure[];
  /** The risk in the reader's language (`locale`). */
  riskText: RiskText;
}

/**
 * The consultant's workload over a period: the days stored with the work (work_days) over the
 * guardrails' reading window, which give both the report's days and the guardrails' warnings
 * (the one judge of the live warnings, fed each day's figures and stretches), the sums stored by
 * day, client and activity (work_groups) and the period's requests by client, then the pure
 * rules (workloadIndicators, rankPressureClients) on top.
 */
@Injectable()
export class WorkloadReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly practice: PracticeService,
  ) {}

  async report(
    consultantId: string,
    period: DayPeriod,
    locale?: FormatLocale,
  ): Promise<WorkloadReportData> {
    assertDayPeriod(period);
    const practice = await this.practice.get();
    const calendar = toCalendarSettings(practice);
    const scope: WorkloadScope = { consultantId, ...period };
    const instants = {
      start: dayBounds(period.from, calendar.timezone).start,
      end: dayBounds(period.to, calendar.timezone).end,
    };
    const settings = { timezone: calendar.timezone, limits: practice.limits };
    const reading = storedReading(period, practice.limits);
    const [{ activities, clients, pressure }, stored] = await Promise.all([
      workGroups(this.dataSource, scope).then(async (groups) => ({
        ...groups,
        pressure: await pressureByClient(this.dataSource, instants, groups.pressure),
      })),
      storedWorkDays(this.dataSource, consultantId, reading.from, reading.to),
    ]);
    const warnings = judgeStoredDays(stored, period, settings);
    const days = workloadDays(stored, period);
    const daysOff = daysOffIn(period, calendar);
    const report = workloadIndicators({
      ...period,
      limits: practice.limits,
      warnings,
      holidays: daysOff.map((day) => day.date),
      days,
      urgentMinutes: stored.reduce(
        (sum, { day, pieces }) =>
          pieces && day >= period.from && day <= period.to ? sum + pieces.urgentMinutes : sum,
        0,
      ),
      breakdown: { activities, clients },
    });
    const readerLocale = locale ?? practice.locale;
    return {
      consultantId,
      ...period,
      timezone: calendar.timezone,
      limits: practice.limits,
      daysOff,
      ...report,
      breakdown: report.breakdown!,
      pressureClients: rankPressureClients(pressure),
      riskText: riskText(report.risk, readerLocale),
    };
  }
}
