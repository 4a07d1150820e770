import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SuggestionQuery {
  @ApiProperty({ example: 'imprimante bloquée', minLength: 2, maxLength: 300 })
  @IsString()
  @Length(2, 300)
  readonly q!: string;
}

export class SuggestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ description: 'The first ~200 characters of the body, as plain text' })
  excerpt!: string;
  @ApiProperty({ description: 'Higher is better; title and tag matches weigh more than body' })
  score!: number;
  @ApiProperty({ type: [String], enum: ['title', 'tag', 'body'] }) matchedIn!: string[];
}

export class SuggestionList {
  @ApiProperty({ type: [SuggestionView], description: 'The best five, best first' })
  items!: SuggestionView[];
  @ApiProperty({ description: 'How many visible published articles match at all' })
  total!: number;
}
