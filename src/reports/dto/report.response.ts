import { AutonomyView } from '../../coaching/dto/autonomy.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, BILLING_MODES } from '../../common/domain';
import { ApiDay, ApiInstant, ApiUuid } from '../../common/openapi';
import { INVOICE_STATUSES } from '../../invoicing/math';
import { LimitsView } from '../../practice/dto/practice.response';

/** One local day with work, flagged against the limits. */
export class WorkloadDayView {
  @ApiDay() date!: string;
  @ApiProperty() workedMinutes!: number;
  @ApiProperty() afterHoursMinutes!: number;
  @ApiProperty({ description: 'high and critical interventions' }) urgentInterruptions!: number;
  @ApiProperty({ description: 'distinct clients worked for' }) clients!: number;
  @ApiInstant({ description: "the first start of the day's pieces, cut at midnight" })
  firstStart!: string;
  @ApiInstant({ description: "the last end of the day's pieces, cut at midnight" })
  lastEnd!: string;
  @ApiInstant({
    required: false,
    description: "when the day's work really ended: after midnight for work running past it",
  })
  workEnd?: string;
  @ApiInstant({
    required: false,
    nullable: true,
    description: "the first start of work begun this day; null when it only continues the night's",
  })
  newWorkStart?: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "rest until the next day's first start; null when it has no work",
  })
  restBeforeNextMinutes!: number | null;
  @ApiProperty() weekend!: boolean;
  @ApiProperty() holiday!: boolean;
  @ApiProperty() shortRest!: boolean;
  @ApiProperty() overDailyMax!: boolean;
  @ApiProperty() overUrgentLimit!: boolean;
}

/** One ISO week of the period against the weekly limits. */
export class WorkloadWeekView {
  @ApiProperty({ example: '2026-W48' }) week!: string;
  @ApiDay({ description: 'its Monday' }) start!: string;
  @ApiProperty() workedMinutes!: number;
  @ApiProperty() afterHoursMinutes!: number;
  @ApiProperty({ description: "days inside the period: under 7 at the period's edges" })
  daysInRange!: number;
  @ApiProperty() partial!: boolean;
  @ApiProperty() daysOff!: number;
  @ApiProperty({ description: 'over the alert threshold, weeks over the limit included' })
  overAlert!: boolean;
  @ApiProperty() overMax!: boolean;
  @ApiProperty() overAfterHoursLimit!: boolean;
  @ApiProperty({ description: 'fewer days off than the minimum; judged on full weeks only' })
  tooFewDaysOff!: boolean;
}

export class WorkloadIndicatorsView {
  @ApiProperty() totalWorkedMinutes!: number;
  @ApiProperty() totalAfterHoursMinutes!: number;
  @ApiProperty() workingDays!: number;
  @ApiProperty() weeksOverLimit!: number;
  @ApiProperty() weeksOverAlert!: number;
  @ApiProperty() weeksOverAfterHoursLimit!: number;
  @ApiProperty() weeksShortOfDaysOff!: number;
  @ApiProperty() shortRestDays!: number;
  @ApiProperty() weekendDaysWorked!: number;
  @ApiProperty() holidayDaysWorked!: number;
  @ApiProperty() longestRunOfWorkingDays!: number;
  @ApiProperty() daysOverDailyMax!: number;
  @ApiProperty() daysOverUrgentLimit!: number;
  @ApiProperty({ example: 0.12, description: '0..1' }) afterHoursShare!: number;
  @ApiProperty() urgentInterruptions!: number;
  @ApiProperty() urgentPerWorkingDay!: number;
  @ApiPropertyOptional({ example: 0.2, description: 'urgent minutes / worked minutes, 0..1' })
  urgentShare?: number;
}

/**
 * One reason for the risk level: a code, its words in the language of Accept-Language, and its
 * figures. A guardrail broken has the code and figures of its warning.
 */
export class RiskReasonView {
  @ApiProperty({
    example: 'daily_limit',
    description:
      'a guardrail broken (weekly_limit, weekly_alert, daily_limit, daily_rest, weekly_days_off, after_hours_limit, urgent_interruptions), or short_rests, working_run_fortnight, after_hours_share, weekend_or_holiday_days, within_limits',
  })
  code!: string;
  @ApiProperty({
    example: '11 h le 02/11/2026, limite 10 h',
    description: 'in the language of Accept-Language (French by default)',
  })
  message?: string;
  @ApiPropertyOptional({ example: '2026-11-02' }) date?: string;
  @ApiPropertyOptional({ example: '2026-W45' }) week?: string;
  @ApiPropertyOptional() workedMinutes?: number;
  @ApiPropertyOptional() restMinutes?: number;
  @ApiPropertyOptional() afterHoursMinutes?: number;
  @ApiPropertyOptional({ description: 'the limit, in minutes' }) limitMinutes?: number;
  @ApiPropertyOptional() daysOff?: number;
  @ApiPropertyOptional() interruptions?: number;
  @ApiPropertyOptional({ description: 'the limit, as a count' }) limit?: number;
  @ApiPropertyOptional({ description: 'days counted: short rests, a run, weekend or holiday' })
  days?: number;
  @ApiPropertyOptional({ description: "a run's first day" }) firstDate?: string;
  @ApiPropertyOptional({ description: "a run's last day" }) lastDate?: string;
  @ApiPropertyOptional({ enum: ['red', 'amber'], description: 'after_hours_share' })
  severity?: string;
  @ApiPropertyOptional({ example: 0.125, description: '0..1' }) afterHoursShare?: number;
  @ApiPropertyOptional({ example: 0.1, description: 'the share it is above, 0..1' })
  thresholdShare?: number;
}

export class RiskView {
  @ApiProperty({ enum: ['green', 'amber', 'red'] }) level!: string;
  @ApiProperty({ type: [RiskReasonView], description: 'every trigger, red ones first' })
  reasons!: RiskReasonView[];
}

export class RiskTextView {
  @ApiProperty({ enum: ['fr', 'en'] }) locale!: string;
  @ApiProperty({ example: 'orange' }) level!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class ActivityShareView {
  @ApiProperty({ enum: ACTIVITY_KINDS }) activity!: string;
  @ApiProperty() workedMinutes!: number;
  @ApiProperty({ example: 0.5, description: '0..1' }) share!: number;
}

export class ClientShareView {
  @ApiUuid() clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty() workedMinutes!: number;
  @ApiProperty({ example: 0.5, description: '0..1' }) share!: number;
}

export class WorkloadBreakdownView {
  @ApiProperty({ type: [ActivityShareView] }) activities!: ActivityShareView[];
  @ApiProperty({ type: [ClientShareView] }) clients!: ClientShareView[];
}

export class DayOffView {
  @ApiDay() date!: string;
  @ApiProperty({ example: 'Armistice', description: 'the holiday, or "closure"' }) name!: string;
  @ApiProperty({ enum: ['holiday', 'closure'] }) kind!: string;
}

/** A client that causes pressure: urgent requests, false urgencies, after-hours work. */
export class PressureClientView {
  @ApiUuid() clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty() urgentRequests!: number;
  @ApiProperty() falseUrgencies!: number;
  @ApiProperty() afterHoursMinutes!: number;
  @ApiProperty() urgentInterventions!: number;
  @ApiProperty({ example: 7.5 }) score!: number;
}

/** The output asked for, repeated from the query. */
class ReportQueryEcho {
  @ApiPropertyOptional({ enum: ['json'] }) format?: string;
  @ApiPropertyOptional({ enum: ['fr', 'en'] }) locale?: string;
}

/** GET /api/reports/workload (format=json). */
export class WorkloadReportView extends ReportQueryEcho {
  @ApiUuid() consultantId!: string;
  @ApiDay() from!: string;
  @ApiDay() to!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ type: LimitsView }) limits!: LimitsView;
  @ApiProperty({ type: [DayOffView] }) daysOff!: DayOffView[];
  @ApiProperty({ type: [WorkloadDayView], description: 'the days with work' })
  days!: WorkloadDayView[];
  @ApiProperty({ type: [WorkloadWeekView] }) weeks!: WorkloadWeekView[];
  @ApiProperty({ type: WorkloadIndicatorsView }) indicators!: WorkloadIndicatorsView;
  @ApiProperty({ type: RiskView }) risk!: RiskView;
  @ApiProperty({ type: RiskTextView, description: "the risk in the reader's language" })
  riskText!: RiskTextView;
  @ApiProperty({ type: WorkloadBreakdownView }) breakdown!: WorkloadBreakdownView;
  @ApiProperty({ type: [PressureClientView], description: 'highest score first' })
  pressureClients!: PressureClientView[];
}

export class SlaResultsView {
  @ApiProperty() met!: number;
  @ApiProperty() missed!: number;
  @ApiProperty() pending!: number;
}

export class ConsumptionView {
  @ApiProperty() includedMinutes!: number;
  @ApiProperty() usedMinutes!: number;
  @ApiProperty() remainingMinutes!: number;
  @ApiProperty() rolloverMinutes!: number;
  @ApiProperty() overageMinutes!: number;
  @ApiPropertyOptional() prepaidRemainingMinutes?: number;
}

export class LevelQuotaView {
  @ApiProperty() used!: number;
  @ApiProperty({ description: 'requests over the quota billed as overage' }) overage!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null = unlimited' })
  quota!: number | null;
}

export class LevelQuotasView {
  @ApiProperty({ type: LevelQuotaView }) low!: LevelQuotaView;
  @ApiProperty({ type: LevelQuotaView }) normal!: LevelQuotaView;
  @ApiProperty({ type: LevelQuotaView }) high!: LevelQuotaView;
  @ApiProperty({ type: LevelQuotaView }) critical!: LevelQuotaView;
}

export class ClientReportMonthView {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() urgentRequests!: number;
  @ApiProperty() falseUrgencies!: number;
  @ApiProperty({ type: SlaResultsView }) sla!: SlaResultsView;
  @ApiProperty({ type: ConsumptionView }) consumption!: ConsumptionView;
  @ApiProperty({ type: LevelQuotasView }) quotas!: LevelQuotasView;
  @ApiProperty({ description: 'requests the knowledge base answered' }) deflections!: number;
}

export class ClientReportContractView {
  @ApiUuid() id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: BILLING_MODES }) mode!: string;
  @ApiDay() startDate!: string;
  @ApiDay({ nullable: true }) endDate!: string | null;
  @ApiProperty({ type: [ClientReportMonthView], description: "the report's months it ran" })
  months!: ClientReportMonthView[];
}

export class ClientReportTotalsView {
  @ApiProperty() requests!: number;
  @ApiProperty() urgentRequests!: number;
  @ApiProperty() falseUrgencies!: number;
  @ApiProperty({ type: SlaResultsView }) sla!: SlaResultsView;
  @ApiProperty() usedMinutes!: number;
  @ApiProperty() deflections!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.95,
    description: 'responses on time among those due, 0..1; null when none is due yet',
  })
  slaCompliance!: number | null;
}

export class ClientReportInvoiceView {
  @ApiUuid() id!: string;
  @ApiProperty({ type: String, nullable: true }) number!: string | null;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind!: string;
  @ApiDay({ nullable: true }) issueDate!: string | null;
  @ApiDay({ nullable: true }) dueDate!: string | null;
  @ApiProperty() grossCents!: number;
  @ApiProperty() paidCents!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null on a credit note' })
  balanceCents!: number | null;
  @ApiProperty({ enum: INVOICE_STATUSES }) status!: string;
}

/** GET /api/reports/clients/:clientId (format=json). */
export class ClientReportView extends ReportQueryEcho {
  @ApiUuid() clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ example: '2026-01', description: 'first month, included' }) from!: string;
  @ApiProperty({ example: '2026-03', description: 'last month, included' }) to!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ type: [ClientReportContractView] }) contracts!: ClientReportContractView[];
  @ApiProperty({ type: ClientReportTotalsView }) totals!: ClientReportTotalsView;
  @ApiProperty({ type: [ClientReportInvoiceView] }) invoices!: ClientReportInvoiceView[];
  @ApiProperty({
    type: AutonomyView,
    description: "The client's autonomy, as GET /api/clients/{id}/autonomy",
  })
  autonomy!: AutonomyView;
  @ApiProperty({ description: 'still owed on the invoices of the period' }) balanceCents!: number;
}
