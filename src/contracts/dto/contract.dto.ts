import { Nested, NestedList, Omittable } from '../../common/validation';
import { NOT_NULL } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { BILLING_MODES, OVER_QUOTA_BEHAVIOURS, SLA_CLOCKS } from '../../common/domain';
import type { BillingMode, OverQuotaBehaviour, SlaClock } from '../../common/domain';
import { PageQuery } from '../../common/pagination';
import { IsLocalDate } from '../../common/validators';
import { FEE_TIMINGS, type FeeTiming } from '../contract.entity';

const MAX_CENTS = 100_000_000;
const MAX_MINUTES = 1_000_000;

export class ActivityRateDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly activityId!: string;
  @ApiProperty({ example: 12000, description: 'cents per hour' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  readonly hourlyRateCents!: number;
}

export class BillingDto {
  @ApiProperty({ enum: BILLING_MODES }) @IsIn(BILLING_MODES) readonly mode!: BillingMode;

  @ApiPropertyOptional({ example: 60000, description: 'retainer: the monthly fee in cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  readonly monthlyFeeCents?: number | null;

  @ApiPropertyOptional({ example: 600, description: 'retainer: minutes covered by the fee' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  readonly includedMinutesPerMonth?: number | null;

  @ApiPropertyOptional({ example: 1200, description: 'prepaid: minutes of the block bought' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  readonly prepaidMinutes?: number | null;

  @ApiProperty({ example: 9000, description: 'cents per hour' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  readonly hourlyRateCents!: number;

  @ApiPropertyOptional({
    example: 11000,
    description: 'retainer: cents per hour beyond the included minutes',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  readonly overageRateCents?: number | null;

  @ApiPropertyOptional({
    type: [ActivityRateDto],
    description: 'rates overriding the contract rate',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedList(() => ActivityRateDto)
  readonly activityRates?: ActivityRateDto[];

  @ApiProperty({
    example: 15,
    minimum: 1,
    maximum: 240,
    description: 'billable time is rounded up to this increment',
  })
  @IsInt()
  @Min(1)
  @Max(240)
  readonly roundingMinutes!: number;

  @ApiProperty({ example: 15, minimum: 0, maximum: 1440 })
  @IsInt()
  @Min(0)
  @Max(1440)
  readonly minimumBillableMinutes!: number;

  @ApiProperty({
    example: 2,
    minimum: 0,
    maximum: 12,
    description: '0 = unused minutes expire at month end',
  })
  @IsInt()
  @Min(0)
  @Max(12)
  readonly rolloverMonths!: number;

  @ApiPropertyOptional({
    enum: FEE_TIMINGS,
    default: 'arrears',
    description:
      "Retainer: 'arrears' (à terme échu) bills a month's fee with that month's work; 'advance' (à échoir) bills it on the invoice of its month, made at its start, and the month's work on the next one",
  })
  @Omittable()
  @IsIn(FEE_TIMINGS)
  readonly feeTiming?: FeeTiming;
}

export class UrgencyLevelDto {
  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(525_600) readonly responseMinutes!: number;
  @ApiProperty({ enum: SLA_CLOCKS }) @IsIn(SLA_CLOCKS) readonly clock!: SlaClock;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'requests a month; null = unlimited',
  })
  @ValidateIf((o: UrgencyLevelDto) => o.monthlyQuota !== null)
  @IsInt()
  @Min(0)
  @Max(10_000)
  readonly monthlyQuota!: number | null;

  @ApiProperty({ example: 50, minimum: 0, maximum: 500 })
  @IsInt()
  @Min(0)
  @Max(500)
  readonly surchargePercent!: number;

  @ApiProperty({ enum: OVER_QUOTA_BEHAVIOURS })
  @IsIn(OVER_QUOTA_BEHAVIOURS)
  readonly overQuota!: OverQuotaBehaviour;

  @ApiPropertyOptional({
    example: 15000,
    description: 'overage: the fee billed per request over quota',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  readonly overageFeeCents?: number | null;
}

export class UrgencyLevelsDto {
  @ApiProperty({ type: UrgencyLevelDto })
  @Nested(() => UrgencyLevelDto)
  readonly low!: UrgencyLevelDto;
  @ApiProperty({ type: UrgencyLevelDto })
  @Nested(() => UrgencyLevelDto)
  readonly normal!: UrgencyLevelDto;
  @ApiProperty({ type: UrgencyLevelDto })
  @Nested(() => UrgencyLevelDto)
  readonly high!: UrgencyLevelDto;
  @ApiProperty({ type: UrgencyLevelDto })
  @Nested(() => UrgencyLevelDto)
  readonly critical!: UrgencyLevelDto;
}

export class UrgencyPolicyDto {
  @ApiProperty({ type: UrgencyLevelsDto })
  @Nested(() => UrgencyLevelsDto)
  readonly levels!: UrgencyLevelsDto;
  @ApiProperty() @IsBoolean() readonly afterHoursAllowed!: boolean;
  @ApiProperty({ example: 50, minimum: 0, maximum: 500 })
  @IsInt()
  @Min(0)
  @Max(500)
  readonly afterHoursSurchargePercent!: number;
}

export class CreateContractDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly clientId!: string;
  @ApiProperty({ example: 'ACME-2026' }) @IsString() @Length(1, 60) readonly reference!: string;
  @ApiProperty({ example: 'Support and maintenance' })
  @IsString()
  @Length(1, 200)
  readonly title!: string;
  @ApiProperty({ example: '2026-01-01' }) @IsLocalDate() readonly startDate!: string;
  @ApiPropertyOptional({ example: '2026-12-31', nullable: true, description: 'last day in force' })
  @IsOptional()
  @IsLocalDate()
  readonly endDate?: string | null;
  @ApiProperty({ type: BillingDto })
  @Nested(() => BillingDto)
  readonly billing!: BillingDto;
  @ApiProperty({ type: UrgencyPolicyDto })
  @Nested(() => UrgencyPolicyDto)
  readonly urgencyPolicy!: UrgencyPolicyDto;
  @ApiPropertyOptional({
    example: 30,
    maximum: 60,
    nullable: true,
    description: 'overrides the practice terms',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  readonly paymentTermsDays?: number | null;
}

/** A contract's client never changes: its requests and work are the client's. */
export class UpdateContractDto extends PartialType(
  OmitType(CreateContractDto, ['clientId']),
  NOT_NULL,
) {}

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ContractQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly clientId?: string;

  @ApiPropertyOptional({ description: 'true: in force or upcoming; false: ended or archived' })
  @Omittable()
  @Transform(toBoolean)
  @IsBoolean()
  readonly active?: boolean;
}
