import { Omittable } from '../../common/validation';
import { NOT_NULL } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import { LOCATIONS, URGENCY_LEVELS } from '../../common/domain';
import type { Location, Urgency } from '../../common/domain';
import { PageQuery } from '../../common/pagination';
import { isCalendarDay, isInstant } from '../../common/validators';

export { isInstant };

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: isInstant,
        defaultMessage: () =>
          '$property must be an ISO 8601 instant with an offset, e.g. 2026-11-29T14:05:00+01:00',
      },
    });
}

/** A local day (read in the practice zone) or an instant. */
function IsDayOrInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDayOrInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => isInstant(value) || isCalendarDay(value),
        defaultMessage: () => '$property must be a day YYYY-MM-DD or an ISO 8601 instant',
      },
    });
}

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreateInterventionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') readonly contractId!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The request answered' })
  @IsOptional()
  @IsUUID('all')
  readonly requestId?: string | null;

  @ApiProperty({ format: 'uuid' }) @IsUUID('all') readonly activityId!: string;

  @ApiProperty({ example: '2026-11-27T14:00:00+01:00' })
  @IsInstant()
  readonly startedAt!: string;

  @ApiProperty({ example: '2026-11-27T14:50:00+01:00' })
  @IsInstant()
  readonly endedAt!: string;

  @ApiProperty({ enum: URGENCY_LEVELS }) @IsIn(URGENCY_LEVELS) readonly urgency!: Urgency;

  @ApiProperty({ enum: LOCATIONS }) @IsIn(LOCATIONS) readonly location!: Location;

  @ApiProperty({ example: 'Printer queue stuck; restarted the spooler' })
  @IsString()
  @MaxLength(5000)
  readonly description!: string;

  @ApiPropertyOptional({ default: true, description: 'false: logged, never invoiced' })
  @Omittable()
  @IsBoolean()
  readonly billable?: boolean;
}

export class UpdateInterventionDto extends PartialType(CreateInterventionDto, NOT_NULL) {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null unlinks the request' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  override readonly requestId?: string | null;
}

export class InterventionQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Started at or after: a local day or an instant' })
  @Omittable()
  @IsDayOrInstant()
  readonly from?: string;

  @ApiPropertyOptional({ description: 'Started before: an instant, or a local day (inclusive)' })
  @Omittable()
  @IsDayOrInstant()
  readonly to?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') readonly clientId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'whose work (a practice may have several consultants)',
  })
  @Omittable()
  @IsUUID('all')
  readonly consultantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all')
  readonly contractId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all')
  readonly requestId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all')
  readonly activityId?: string;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS })
  @Omittable()
  @IsIn(URGENCY_LEVELS)
  readonly urgency?: Urgency;

  @ApiPropertyOptional({ description: 'true: billable work only; false: work never invoiced' })
  @Omittable()
  @Transform(toBoolean)
  @IsBoolean()
  readonly billable?: boolean;

  @ApiPropertyOptional({ description: 'true: on an invoice (draft or issued); false: not yet' })
  @Omittable()
  @Transform(toBoolean)
  @IsBoolean()
  readonly invoiced?: boolean;
}

export class StartTimerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') readonly contractId!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  readonly requestId?: string | null;

  @ApiProperty({ format: 'uuid' }) @IsUUID('all') readonly activityId!: string;

  @ApiProperty({ enum: URGENCY_LEVELS }) @IsIn(URGENCY_LEVELS) readonly urgency!: Urgency;

  @ApiProperty({ enum: LOCATIONS }) @IsIn(LOCATIONS) readonly location!: Location;

  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(5000) readonly description?: string;

  @ApiPropertyOptional({ default: true }) @Omittable() @IsBoolean() readonly billable?: boolean;
}

export { toBoolean };
