import { Omittable } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsLocalDate } from '../../common/validators';

export class CreateDeflectionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly contractId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly articleId!: string;

  @ApiProperty({ example: 'imprimante bloquée', minLength: 1, maxLength: 300 })
  @IsString()
  @Length(1, 300)
  readonly query!: string;
}

export class DeflectionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly clientId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly contractId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First local day (inclusive)' })
  @Omittable()
  @IsLocalDate()
  readonly from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local day (inclusive)' })
  @Omittable()
  @IsLocalDate()
  readonly to?: string;
}

export class DeflectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null once deleted' })
  articleId!: string | null;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() query!: string;
  @ApiProperty() createdAt!: Date;
}

export class DeflectionPage {
  @ApiProperty({ type: [DeflectionView] }) items!: DeflectionView[];
  @ApiProperty() total!: number;
}
