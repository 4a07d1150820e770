import { NestedList, Omittable } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { URGENCY_LEVELS } from '../../common/domain';
import type { Urgency } from '../../common/domain';
import { TIMESHEET_SOURCES } from '../import';
import type { DateOrder, TimesheetSource } from '../import';
import { toBoolean } from './intervention.dto';

export class ImportQuery {
  @ApiProperty({ enum: TIMESHEET_SOURCES })
  @IsIn(TIMESHEET_SOURCES)
  readonly source!: TimesheetSource;

  @ApiPropertyOptional({ default: true, description: 'true: report only, write nothing' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly dryRun: boolean = true;

  @ApiPropertyOptional({
    default: false,
    description: 'true: write the good rows even when some are refused',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly skipInvalid: boolean = false;

  @ApiPropertyOptional({
    enum: ['DMY', 'MDY'],
    description: 'order of dates such as 03/04/2026 when the file cannot tell',
  })
  @Omittable()
  @IsIn(['DMY', 'MDY'])
  readonly dateFormat?: DateOrder;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'activity of rows whose task/activity is empty or unknown',
  })
  @Omittable()
  @IsUUID('all')
  readonly activityId?: string;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS, default: 'normal' })
  @Omittable()
  @IsIn(URGENCY_LEVELS)
  readonly urgency?: Urgency;

  @ApiPropertyOptional({
    example: 'camille@example.fr',
    description:
      "whose entries of a team export to import (its User/Email column); default: the caller's email. Entries of other users are refused",
  })
  @Omittable()
  @IsEmail()
  readonly email?: string;
}

/** "Rows of this client and/or project go to this contract." */
export class ImportMappingDto {
  @ApiPropertyOptional({ example: 'Boulangerie Lefèvre' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  readonly client?: string;

  @ApiPropertyOptional({ example: 'Maintenance parc' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  readonly project?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID('all') readonly contractId!: string;
}

/** What may come with the file: in a JSON body, or as multipart fields. */
export class ImportOptionsDto {
  @ApiPropertyOptional({ type: [ImportMappingDto] })
  @Omittable()
  @NestedList(() => ImportMappingDto)
  readonly mapping?: ImportMappingDto[];

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all')
  readonly activityId?: string;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS })
  @Omittable()
  @IsIn(URGENCY_LEVELS)
  readonly urgency?: Urgency;
}

export class ImportJsonDto extends ImportOptionsDto {
  @ApiProperty({ description: 'the CSV export, as text' }) @IsString() readonly csv!: string;
}
