import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { LOCATIONS, type Location } from '../../common/domain';
import { PageQuery } from '../../common/pagination';
import { Omittable } from '../../common/validation';
import { IsInstant } from '../../interventions/dto/intervention.dto';

export class CreateTrainingDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly contractId!: string;

  @ApiProperty({ example: 'Calendrier, partage, outlook', description: 'What the session is on' })
  @IsString()
  @Length(1, 150)
  readonly topic!: string;

  @ApiPropertyOptional({ example: 'calendri-outlook-partag', description: 'The topic’s key' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  readonly topicKey?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['calendrier', 'partage', 'outlook'],
    description: 'The words of the topic, for measuring its requests; the topic’s words by default',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  readonly terms?: string[];

  @ApiProperty({ example: '2026-07-02T14:00:00+02:00' })
  @IsInstant()
  readonly startedAt!: string;

  @ApiProperty({ example: 90, minimum: 15, maximum: 480 })
  @IsInt()
  @Min(15)
  @Max(480)
  readonly durationMinutes!: number;

  @ApiProperty({ type: [String], description: 'The client’s staff who attended' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  readonly attendeeIds!: string[];

  @ApiPropertyOptional({ enum: LOCATIONS, default: 'onsite' })
  @Omittable()
  @IsIn(LOCATIONS)
  readonly location?: Location;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A training activity; the first one by default',
  })
  @Omittable()
  @IsUUID()
  readonly activityId?: string;
}

export class TrainingQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly clientId?: string;
}

export class TrainingMeasureView {
  @ApiProperty({ description: 'Requests on the topic per 30 days, in the 90 days before' })
  before!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Per 30 days since (at most 90 days)' })
  after!: number | null;
  @ApiProperty() beforeRequests!: number;
  @ApiProperty() afterRequests!: number;
}

export class TrainingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) interventionId!: string | null;
  @ApiProperty() topic!: string;
  @ApiProperty() topicKey!: string;
  @ApiProperty({ type: [String] }) terms!: string[];
  @ApiProperty({ type: [String] }) attendeeIds!: string[];
  @ApiProperty() startedAt!: Date;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ description: 'The work’s price, as priced and invoiced' }) amountCents!: number;
  @ApiProperty({ type: TrainingMeasureView }) measure!: TrainingMeasureView;
}

export class TrainingPage {
  @ApiProperty({ type: [TrainingView] }) items!: TrainingView[];
  @ApiProperty() total!: number;
}
