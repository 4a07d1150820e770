import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dayBounds } from '../calendar';
import type { GuardrailLimits } from '../common/domain';
import type { FormatLocale } from '../common/format';
import { GuardrailCheck } from '../interventions/guardrail-check.service';
import { PracticeService, toCalendarSettings } from '../practice/practice.service';
import { assertDayPeriod, type DayOff, type DayPeriod, daysOffIn } from './report-period';
import { riskText, type RiskText } from './risk-wording';
import {
  type ClientPressure,
  rankPressureClients,
  type WorkloadReport,
  workloadIndicators,
} from './workload-indicators';
import { pressureByClient, workloadRows, type WorkloadScope } from './workload-queries';

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
 * The consultant's workload over a period: one grouped scan of the local-day pieces of the
 * interventions (by day, and by client and activity) and the period's requests by client, the
 * guardrails' warnings over the period (the rules of the live warnings, fed the work in order
 * of start), then the pure rules (workloadIndicators, rankPressureClients) on top.
 */
@Injectable()
export class WorkloadReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly practice: PracticeService,
    private readonly guardrails: GuardrailCheck,
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
    const [{ days, activities, clients, pressure }, warnings] = await Promise.all([
      workloadRows(this.dataSource, scope).then(async ({ days, groups }) => ({
        days,
        ...groups,
        pressure: await pressureByClient(this.dataSource, instants, groups.pressure),
      })),
      this.guardrails.over(consultantId, period, {
        timezone: calendar.timezone,
        limits: practice.limits,
      }),
    ]);
    const daysOff = daysOffIn(period, calendar);
    const report = workloadIndicators({
      ...period,
      limits: practice.limits,
      warnings,
      holidays: daysOff.map((day) => day.date),
      days: days.map(({ urgentMinutes: _urgentMinutes, ...day }) => day),
      urgentMinutes: days.reduce((sum, day) => sum + day.urgentMinutes, 0),
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
