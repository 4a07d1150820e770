import { Omittable } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { URGENCY_LEVELS } from '../../common/domain';
import type { Urgency } from '../../common/domain';
import { PageQuery } from '../../common/pagination';
import { REQUEST_STATUSES } from '../request.entity';
import type { RequestStatus } from '../request.entity';

/** Spaces around a text are dropped, so a text of spaces only is refused as empty. */
const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const NOT_BLANK = { message: '$property must not be empty or only spaces' };

export class FileRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly contractId!: string;
  @ApiProperty({ example: 'The invoicing server is down' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty(NOT_BLANK)
  @MaxLength(200)
  readonly title!: string;
  @ApiProperty({ example: 'Nobody can print invoices since 9:00.' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty(NOT_BLANK)
  @MaxLength(20_000)
  readonly description!: string;
  @ApiProperty({ enum: URGENCY_LEVELS }) @IsIn(URGENCY_LEVELS) readonly urgency!: Urgency;
}

/** The statuses the consultant moves a request to; cancelling has its own route. */
const MOVED_TO = REQUEST_STATUSES.filter((s) => s !== 'cancelled');

export class UpdateRequestDto {
  @ApiPropertyOptional({ enum: MOVED_TO })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(MOVED_TO)
  readonly status?: RequestStatus;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS, description: 'reclassify (needs a reason)' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(URGENCY_LEVELS)
  readonly urgency?: Urgency;

  @ApiPropertyOptional({ example: 'A forgotten password is not critical' })
  @Omittable()
  @IsString()
  @Length(1, 2000)
  readonly reclassificationReason?: string;
}

export class RequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @Omittable()
  @IsIn(REQUEST_STATUSES)
  readonly status?: RequestStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly contractId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly clientId?: string;
  @ApiPropertyOptional({ enum: URGENCY_LEVELS, description: 'the applied urgency' })
  @Omittable()
  @IsIn(URGENCY_LEVELS)
  readonly urgency?: Urgency;
  @ApiPropertyOptional({ description: 'true: open or in progress only (the inbox)' })
  @Omittable()
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
  @Omittable()
  @IsIn(['newest', 'deadline'])
  readonly sort?: 'newest' | 'deadline';
}

export class CommentDto {
  @ApiProperty({ example: 'I am on it; can you send the error message?' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty(NOT_BLANK)
  @MaxLength(20_000)
  readonly body!: string;
}
