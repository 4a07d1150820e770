import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BILLING_MODES, OVER_QUOTA_BEHAVIOURS, SLA_CLOCKS } from '../../common/domain';
import type { BillingMode, OverQuotaBehaviour, SlaClock } from '../../common/domain';
import { ApiDay, ApiInstant, ApiUuid } from '../../common/openapi';

export class ActivityRateView {
  @ApiUuid() activityId!: string;
  @ApiProperty({ example: 12000, description: 'cents per hour' }) hourlyRateCents!: number;
}

const NullableNumber = (description: string, example: number) =>
  ApiProperty({ type: Number, nullable: true, example, description });

/** How a contract bills; the fields of other modes are null. */
export class BillingView {
  @ApiProperty({ enum: BILLING_MODES }) mode!: BillingMode;
  @NullableNumber('retainer: the monthly fee in cents', 60000) monthlyFeeCents!: number | null;
  @NullableNumber('retainer: minutes covered by the fee', 600)
  includedMinutesPerMonth!: number | null;
  @NullableNumber('prepaid: minutes of the block bought', 1200) prepaidMinutes!: number | null;
  @ApiProperty({ example: 9000, description: 'cents per hour' }) hourlyRateCents!: number;
  @NullableNumber('cents per hour beyond the included minutes', 11000)
  overageRateCents!: number | null;
  @ApiProperty({ type: [ActivityRateView], description: 'rates overriding the contract rate' })
  activityRates!: ActivityRateView[];
  @ApiProperty({ example: 15, description: 'billable time is rounded up to this increment' })
  roundingMinutes!: number;
  @ApiProperty({ example: 15 }) minimumBillableMinutes!: number;
  @ApiProperty({ example: 2, description: '0 = unused minutes expire at month end' })
  rolloverMonths!: number;
  @ApiPropertyOptional({
    enum: ['arrears', 'advance'],
    description: 'retainer: the fee billed after its month (arrears) or before it (advance)',
  })
  feeTiming?: string;
}

/** One urgency level's terms: response time, monthly quota, surcharge, what happens over quota. */
export class UrgencyLevelView {
  @ApiProperty({ example: 60 }) responseMinutes!: number;
  @ApiProperty({ enum: SLA_CLOCKS }) clock!: SlaClock;
  @ApiProperty({ type: Number, nullable: true, example: 2, description: 'null = unlimited' })
  monthlyQuota!: number | null;
  @ApiProperty({ example: 50 }) surchargePercent!: number;
  @ApiProperty({ enum: OVER_QUOTA_BEHAVIOURS }) overQuota!: OverQuotaBehaviour;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 15000 })
  overageFeeCents?: number | null;
}

export class UrgencyLevelsView {
  @ApiProperty({ type: UrgencyLevelView }) low!: UrgencyLevelView;
  @ApiProperty({ type: UrgencyLevelView }) normal!: UrgencyLevelView;
  @ApiProperty({ type: UrgencyLevelView }) high!: UrgencyLevelView;
  @ApiProperty({ type: UrgencyLevelView }) critical!: UrgencyLevelView;
}

export class UrgencyPolicyView {
  @ApiProperty({ type: UrgencyLevelsView }) levels!: UrgencyLevelsView;
  @ApiProperty() afterHoursAllowed!: boolean;
  @ApiProperty({ example: 50 }) afterHoursSurchargePercent!: number;
}

/** A contract as the API answers it, with where it stands today. */
export class ContractView {
  @ApiUuid() id!: string;
  @ApiUuid() clientId!: string;
  @ApiProperty({ example: 'ACME-2026' }) reference!: string;
  @ApiProperty({ example: 'Support and maintenance' }) title!: string;
  @ApiDay() startDate!: string;
  @ApiDay({ nullable: true, description: 'last day in force; null: no end' })
  endDate!: string | null;
  @ApiProperty({ type: BillingView }) billing!: BillingView;
  @ApiProperty({ type: UrgencyPolicyView }) urgencyPolicy!: UrgencyPolicyView;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 30,
    description: "overrides the practice's terms",
  })
  paymentTermsDays!: number | null;
  @ApiInstant() createdAt!: Date;
  @ApiInstant({ nullable: true }) archivedAt!: Date | null;
  @ApiProperty({ enum: ['upcoming', 'active', 'ended', 'archived'] }) standing!: string;
  @ApiProperty({ description: 'in force today' }) active!: boolean;
}
