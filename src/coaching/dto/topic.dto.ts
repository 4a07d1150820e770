import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { Omittable } from '../../common/validation';
import { IsLocalDate } from '../../common/validators';

export class TopicQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First local day, included' })
  @IsLocalDate()
  readonly from!: string;

  @ApiProperty({ example: '2026-06-30', description: 'Last local day, included' })
  @IsLocalDate()
  readonly to!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this client's requests" })
  @Omittable()
  @IsUUID()
  readonly clientId?: string;
}

export class TopicArticleDto extends TopicQuery {
  @ApiProperty({ example: 'calendri-outlook-partag', description: 'The topic’s key' })
  @IsString()
  @Length(1, 200)
  readonly key!: string;
}

export class TopicClientView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() requests!: number;
  @ApiProperty({ description: 'Distinct staff who filed on the topic' }) staff!: number;
  @ApiProperty({ type: [String], description: 'Those staff' }) staffIds!: string[];
  @ApiProperty() minutes!: number;
  @ApiProperty() amountCents!: number;
}

export class TopicTrendMonth {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() requests!: number;
}

export class TopicTrendView {
  @ApiProperty({ enum: ['rising', 'falling', 'steady'] }) direction!: string;
  @ApiProperty({ type: [TopicTrendMonth] }) months!: TopicTrendMonth[];
}

export class SuggestionView {
  @ApiProperty({ enum: ['write_article', 'improve_article', 'offer_training', 'none'] })
  kind!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'improve_article: the article' })
  articleId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'offer_training: the client' })
  clientId?: string;
  @ApiPropertyOptional({ description: 'offer_training: minutes the topic cost that client' })
  minutesCost?: number;
  @ApiPropertyOptional({ description: 'offer_training: how long a session would take' })
  sessionMinutes?: number;
}

export class TopicView {
  @ApiProperty({ description: 'Stable from run to run: its main stems' }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [String], description: 'The words that made the topic, strongest first' })
  terms!: string[];
  @ApiProperty() requests!: number;
  @ApiProperty() urgentRequests!: number;
  @ApiProperty() falseUrgencies!: number;
  @ApiProperty({ description: 'Minutes of work logged on its requests' }) minutes!: number;
  @ApiProperty() amountCents!: number;
  @ApiProperty({ type: [TopicClientView] }) clients!: TopicClientView[];
  @ApiProperty({ type: [String] }) requestIds!: string[];
  @ApiProperty({ type: [String], description: 'Published articles that answer it' })
  articleIds!: string[];
  @ApiProperty({ description: 'Deflections those articles earned in the period' })
  deflections!: number;
  @ApiProperty({ type: TopicTrendView }) trend!: TopicTrendView;
  @ApiProperty({ type: SuggestionView }) suggestion!: SuggestionView;
}

export class TopicList {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [TopicView], description: 'Most requests first' }) items!: TopicView[];
  @ApiProperty() total!: number;
}
