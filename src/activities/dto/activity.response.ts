import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_KINDS } from '../../common/domain';
import type { ActivityKind } from '../../common/domain';
import { ApiInstant, ApiUuid } from '../../common/openapi';

/** An activity as the API answers it. */
export class ActivityView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'Support' }) name!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty({ example: 9000, description: 'cents per hour' }) defaultRateCents!: number;
  @ApiProperty() billable!: boolean;
  @ApiInstant() createdAt!: Date;
  @ApiInstant({ nullable: true, description: 'set instead of deleting once work refers to it' })
  archivedAt!: Date | null;
}
