import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ACTIVITY_KINDS } from '../../common/domain';
import type { ActivityKind } from '../../common/domain';
import { PageQuery } from '../../common/pagination';

export class CreateActivityDto {
  @ApiProperty({ example: 'Support' }) @IsString() @Length(1, 120) readonly name!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) @IsIn(ACTIVITY_KINDS) readonly kind!: ActivityKind;
  @ApiProperty({ example: 9000, description: 'cents per hour' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  readonly defaultRateCents!: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() readonly billable?: boolean;
}

export class UpdateActivityDto extends PartialType(CreateActivityDto) {}

export class ActivityQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  readonly kind?: ActivityKind;
}
