import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { NestedList } from '../../common/validation';

export class SynonymGroupInput {
  @ApiProperty({
    type: [String],
    example: ['wifi', 'wi-fi', 'réseau sans fil'],
    description: 'Two to twenty expressions that mean the same; searches read each as the first',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  readonly expressions!: string[];
}

export class ReplaceSynonymsDto {
  @ApiProperty({
    type: [SynonymGroupInput],
    description: 'Every group; the list replaces the old one',
  })
  @NestedList(() => SynonymGroupInput)
  @ArrayMaxSize(200)
  readonly groups!: SynonymGroupInput[];
}

export class SynonymGroupView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [String] }) expressions!: string[];
  @ApiProperty() createdAt!: Date;
}

export class SynonymGroupList {
  @ApiProperty({ type: [SynonymGroupView] }) items!: SynonymGroupView[];
  @ApiProperty() total!: number;
}
