import { Omittable } from '../../common/validation';
import { NOT_NULL } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { normaliseTags } from '../article-text';

export const MAX_BODY_LENGTH = 100_000;

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Tags are compared normalised, so "VPN " and "vpn" count once against the limit of 20. */
const asTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) && value.every((tag) => typeof tag === 'string')
    ? normaliseTags(value)
    : value;

const asBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreateArticleDto {
  @ApiProperty({ example: "L'imprimante réseau n'imprime plus", minLength: 1, maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  readonly title!: string;

  @ApiProperty({
    description: 'Markdown; raw HTML is sanitised on save (no script, handler or javascript: link)',
    maxLength: MAX_BODY_LENGTH,
    example: '1. Ouvrez **Services**\n2. Redémarrez le spouleur',
  })
  @IsString()
  @MaxLength(MAX_BODY_LENGTH)
  readonly bodyMarkdown!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['imprimante', 'réseau'],
    description: 'Up to 20 tags of 1 to 40 characters; stored trimmed, lower case, each once',
  })
  @Omittable()
  @Transform(asTags)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  @Matches(/^[^"\\\p{Cc}]*$/u, {
    each: true,
    message: '$property must not contain quotes, backslashes or control characters',
  })
  readonly tags?: string[];

  @ApiPropertyOptional({ default: false, description: 'Only published articles reach clients' })
  @Omittable()
  @IsBoolean()
  readonly published?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The client companies that may read it; empty or absent means every client',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  readonly clientIds?: string[];
}

export class UpdateArticleDto extends PartialType(CreateArticleDto, NOT_NULL) {}

export class ArticleQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Words of the title, tags or body (accents and case ignored)',
  })
  @Omittable()
  @IsString()
  @MaxLength(300)
  readonly q?: string;

  @ApiPropertyOptional({ description: 'Only articles with this tag' })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @Length(1, 40)
  readonly tag?: string;

  @ApiPropertyOptional({ description: 'true: published only; false: drafts only' })
  @Omittable()
  @Transform(asBoolean)
  @IsBoolean()
  readonly published?: boolean;
}

export class ArticleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() bodyMarkdown!: string;
  @ApiProperty({ description: 'Sanitised HTML, safe to insert in a page' }) bodyHtml!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() published!: boolean;
  @ApiPropertyOptional({
    type: [String],
    description: 'Practice staff only: the client companies that may read it (empty = all)',
  })
  clientIds?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Practice staff only' }) authorId?: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class ArticlePage {
  @ApiProperty({ type: [ArticleView] }) items!: ArticleView[];
  @ApiProperty() total!: number;
}
