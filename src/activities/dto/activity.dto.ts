import { Omittable } from '../../common/validation';
import { NOT_NULL } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
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
  @ApiPropertyOptional({ default: true }) @Omittable() @IsBoolean() readonly billable?: boolean;
}

export class UpdateActivityDto extends PartialType(CreateActivityDto, NOT_NULL) {}

export class ActivityQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @Omittable()
  @IsIn(ACTIVITY_KINDS)
  readonly kind?: ActivityKind;

  @ApiPropertyOptional({ description: 'true: archived only; false (default): active only' })
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  readonly archived?: boolean;
}
