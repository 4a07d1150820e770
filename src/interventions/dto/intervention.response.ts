import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCATIONS, URGENCY_LEVELS } from '../../common/domain';
import type { Location, Urgency } from '../../common/domain';
import type { QuotaStanding } from '../quota-accounting.service';
import type { DateOrder } from '../import/import-row';
import { CSV_SEPARATORS, type CsvSeparator } from '../import/csv-table';
import { TEXT_ENCODINGS, type TextEncoding } from '../import/text-encoding';

/** An intervention as the API shows it: what was logged and every figure derived on save. */
export class InterventionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) consultantId!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: Date;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null while running',
  })
  endedAt!: Date | null;
  @ApiProperty({ enum: URGENCY_LEVELS }) urgency!: Urgency;
  @ApiProperty({ enum: LOCATIONS }) location!: Location;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'false for work on a non-billable activity too' }) billable!: boolean;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty() afterHoursMinutes!: number;
  @ApiProperty({
    description: 'rounded up to the increment, at least the minimum; 0 when not billable',
  })
  billableMinutes!: number;
  @ApiProperty() afterHoursBillableMinutes!: number;
  @ApiProperty({ description: 'the activity rate on the contract, else the contract rate' })
  hourlyRateCents!: number;
  @ApiProperty() baseAmountCents!: number;
  @ApiProperty({ description: 'the urgency level surcharge' }) surchargePercent!: number;
  @ApiProperty() urgencySurchargePercent!: number;
  @ApiProperty() urgencySurchargeCents!: number;
  @ApiProperty() afterHoursSurchargePercent!: number;
  @ApiProperty() afterHoursSurchargeCents!: number;
  @ApiProperty() amountCents!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) invoiceId!: string | null;
  @ApiProperty({ example: 'manual', description: 'manual, timer or import:<tool>' })
  source!: string;
  @ApiProperty({ description: 'a timer left running stopped at its 12-hour limit' })
  autoStopped!: boolean;
  @ApiProperty() running!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

/**
 * A limit broken, or a note about the save: its code, its words in the language of
 * Accept-Language, and its figures (each code has the ones its words need).
 */
export class WarningResponse {
  @ApiProperty({
    example: 'weekly_limit',
    description:
      'weekly_limit, weekly_alert, daily_limit, daily_rest, weekly_days_off, after_hours_limit, urgent_interruptions; after_hours_not_offered or outside_contract on a stopped timer',
  })
  code!: string;
  @ApiProperty({
    example: '49 h 30 en semaine 2026-W47, limite 48 h',
    description: 'in the language of Accept-Language (French by default)',
  })
  message?: string;
  @ApiPropertyOptional({ description: 'the local day of a daily limit, or the day worked' })
  date?: string;
  @ApiPropertyOptional({ example: '2026-W47', description: 'the ISO week of a weekly limit' })
  week?: string;
  @ApiPropertyOptional({ description: 'minutes worked in the day or week' })
  workedMinutes?: number;
  @ApiPropertyOptional({ description: 'daily_rest: minutes of rest before the day' })
  restMinutes?: number;
  @ApiPropertyOptional({ description: 'after-hours minutes of the week, or of the work' })
  afterHoursMinutes?: number;
  @ApiPropertyOptional({ description: 'the limit, in minutes' }) limitMinutes?: number;
  @ApiPropertyOptional({ description: 'weekly_days_off: days without work in the week' })
  daysOff?: number;
  @ApiPropertyOptional({ description: 'urgent_interruptions: urgent starts that day' })
  interruptions?: number;
  @ApiPropertyOptional({ description: 'the limit, as a count' }) limit?: number;
  @ApiPropertyOptional({ description: "outside_contract: the contract's reference" })
  reference?: string;
  @ApiPropertyOptional({ description: "outside_contract: the contract's first day" })
  startDate?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "outside_contract: the contract's last day, null when open-ended",
  })
  endDate?: string | null;
}

export class QuotaStandingResponse implements QuotaStanding {
  @ApiProperty({
    enum: ['counted', 'over_quota', 'over_quota_fee'],
    description: 'counted against the quota; over it; over it with an overage fee',
  })
  code!: QuotaStanding['code'];
  @ApiProperty({ enum: URGENCY_LEVELS }) level!: Urgency;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ description: 'units used this month, this intervention included' }) used!: number;
  @ApiProperty() quota!: number;
  @ApiProperty({ description: 'true when this intervention went past the quota' }) over!: boolean;
  @ApiProperty() overageFeeCents!: number;
  @ApiProperty({ description: 'in the language of Accept-Language (French by default)' })
  message?: string;
}

export class SavedInterventionResponse extends InterventionResponse {
  @ApiProperty({ type: [WarningResponse] }) warnings!: WarningResponse[];
  @ApiPropertyOptional({
    type: QuotaStandingResponse,
    description: 'when the intervention, with no request, used a unit of a monthly quota',
  })
  quota?: QuotaStandingResponse;
}

export class InterventionTotals {
  @ApiProperty({ example: 1250 }) durationMinutes!: number;
  @ApiProperty({ example: 1320 }) billableMinutes!: number;
  @ApiProperty({ example: 198000 }) amountCents!: number;
}

export class InterventionPageResponse {
  @ApiProperty({ type: [InterventionResponse] }) items!: InterventionResponse[];
  @ApiProperty() total!: number;
  @ApiProperty({
    type: InterventionTotals,
    description: 'sums over every intervention the filters select, not only this page',
  })
  totals!: InterventionTotals;
}

export class TimerResponse {
  @ApiProperty({ type: InterventionResponse, nullable: true, description: 'null when none runs' })
  running!: InterventionResponse | null;
  @ApiPropertyOptional({
    type: SavedInterventionResponse,
    description: 'a timer found running past 12 h, stopped at 12 h by this call',
  })
  autoStopped?: SavedInterventionResponse;
}

/** A refused line: its code, its figures beside it (by code), and their words. */
export class RefusedRowResponse {
  @ApiProperty({ description: 'line number in the file (the header is line 1)' }) row!: number;
  @ApiProperty({
    description:
      'why, as a stable code (not_a_date, overlaps_recorded, no_contract…); its figures sit beside it: cells and column names as the file writes them, days as YYYY-MM-DD, wall-clock times in the practice zone as YYYY-MM-DDTHH:mm, durations in minutes',
    example: 'not_a_date',
  })
  code!: string;
  @ApiProperty({ description: 'the same, in words, in the language of Accept-Language' })
  reason!: string;
}

export class ImportReportResponse {
  @ApiProperty({ description: 'rows that can be recorded' }) accepted!: number;
  @ApiProperty({ type: [RefusedRowResponse] }) refused!: RefusedRowResponse[];
  @ApiProperty({ description: 'interventions written (0 on a dry run)' }) created!: number;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({
    enum: TEXT_ENCODINGS,
    example: 'windows-1252',
    description:
      'the encoding the file was read in, judged from its bytes (UTF-8 for text sent in JSON)',
  })
  encoding!: TextEncoding;
  @ApiProperty({
    enum: CSV_SEPARATORS,
    example: ';',
    description: 'the separator of its cells, read off its header line',
  })
  separator!: CsvSeparator;
  @ApiProperty({
    enum: ['DMY', 'MDY'],
    nullable: true,
    type: String,
    description:
      'the order its dates such as 03/04/2026 were read in: chosen (dateFormat), or proven by a date of the file with a part above 12; null when it has no such date',
  })
  dateFormat!: DateOrder | null;
  @ApiProperty({
    type: [WarningResponse],
    description:
      'the guardrail limits broken in the ISO weeks the accepted rows fall in, once recorded beside the work already there (a dry run says what recording them would break), worded in the language of Accept-Language',
  })
  warnings!: WarningResponse[];
}
