import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDay, ApiUuid } from '../../common/openapi';

/** One urgency level's monthly quota: requests counted, the quota (null = unlimited), reset day. */
export class LevelUsageView {
  @ApiProperty({ example: 1 }) used!: number;
  @ApiProperty({ type: Number, nullable: true, example: 2 }) quota!: number | null;
  @ApiDay({ example: '2026-12-01', description: 'first day of the next month' })
  resetsOn!: string;
  @ApiProperty({ example: 1, description: 'units taken by requests filed' })
  fromRequests!: number;
  @ApiProperty({ example: 0, description: 'units taken by urgent calls logged without a request' })
  fromCalls!: number;
  @ApiProperty({ example: 0, description: 'units taken over the quota (overage)' })
  overUnits!: number;
  @ApiProperty({ example: 0, description: 'cents: the over-quota fees of those units' })
  overFeesCents!: number;
}

/** What going beyond the contract costs this month, as the invoice will bill it (cents, HT). */
export class OverageCostView {
  @ApiProperty({ example: 11000, description: 'the price of an hour beyond the contract' })
  hourCents!: number;
  @ApiProperty({ example: 22000, description: 'overage minutes at the overage rate' })
  minutesCents!: number;
  @ApiProperty({ example: 5000, description: 'over-quota fees' }) feesCents!: number;
  @ApiProperty({ example: 27000 }) totalCents!: number;
}

export class QuotasUsageView {
  @ApiProperty({ type: LevelUsageView }) low!: LevelUsageView;
  @ApiProperty({ type: LevelUsageView }) normal!: LevelUsageView;
  @ApiProperty({ type: LevelUsageView }) high!: LevelUsageView;
  @ApiProperty({ type: LevelUsageView }) critical!: LevelUsageView;
}

/** The month's requests by response deadline: met, missed, or not answered and not yet due. */
export class SlaCountsView {
  @ApiProperty() met!: number;
  @ApiProperty() missed!: number;
  @ApiProperty() pending!: number;
}

/** GET /api/contracts/:id/usage: a contract's month. */
export class UsageView {
  @ApiUuid() contractId!: string;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({
    example: 600,
    description: 'retainer: included this month, roll-over added; prepaid: the block',
  })
  includedMinutes!: number;
  @ApiProperty({ example: 240, description: 'billable minutes of the month' })
  usedMinutes!: number;
  @ApiProperty({ example: 360 }) remainingMinutes!: number;
  @ApiProperty({ example: 0, description: 'carried over from earlier months' })
  rolloverMinutes!: number;
  @ApiProperty({ example: 0, description: 'beyond the included or prepaid minutes' })
  overageMinutes!: number;
  @ApiPropertyOptional({ example: 960, description: 'prepaid: minutes left in the block' })
  prepaidRemainingMinutes?: number;
  @ApiProperty({ example: 30 }) afterHoursMinutes!: number;
  @ApiProperty({ type: QuotasUsageView }) quotas!: QuotasUsageView;
  @ApiProperty({ type: OverageCostView }) overageCost!: OverageCostView;
  @ApiProperty({ type: SlaCountsView }) sla!: SlaCountsView;
}
