import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { URGENCY_LEVELS } from '../../common/domain';
import type { Urgency } from '../../common/domain';
import { PageQuery } from '../../common/pagination';
import { REQUEST_STATUSES } from '../request.entity';
import type { RequestStatus } from '../request.entity';

export class FileRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly contractId!: string;
  @ApiProperty({ example: 'The invoicing server is down' })
  @IsString()
  @Length(1, 200)
  readonly title!: string;
  @ApiProperty({ example: 'Nobody can print invoices since 9:00.' })
  @IsString()
  @Length(1, 20_000)
  readonly description!: string;
  @ApiProperty({ enum: URGENCY_LEVELS }) @IsIn(URGENCY_LEVELS) readonly urgency!: Urgency;
}

export class UpdateRequestDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  readonly status?: RequestStatus;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS, description: 'reclassify (needs a reason)' })
  @IsOptional()
  @IsIn(URGENCY_LEVELS)
  readonly urgency?: Urgency;

  @ApiPropertyOptional({ example: 'A forgotten password is not critical' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  readonly reclassificationReason?: string;
}

export class RequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  readonly status?: RequestStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readonly contractId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readonly clientId?: string;
  @ApiPropertyOptional({ enum: URGENCY_LEVELS, description: 'the applied urgency' })
  @IsOptional()
  @IsIn(URGENCY_LEVELS)
  readonly urgency?: Urgency;
  @ApiPropertyOptional({ description: 'true: open or in progress only (the inbox)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  readonly active?: boolean;
  @ApiPropertyOptional({
    enum: ['newest', 'deadline'],
    default: 'newest',
    description: 'newest first, or earliest response deadline first',
  })
  @IsOptional()
  @IsIn(['newest', 'deadline'])
  readonly sort?: 'newest' | 'deadline';
}

export class CommentDto {
  @ApiProperty({ example: 'I am on it; can you send the error message?' })
  @IsString()
  @Length(1, 20_000)
  @MaxLength(20_000)
  readonly body!: string;
}
