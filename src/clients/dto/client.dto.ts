import { Omittable } from '../../common/validation';
import { NOT_NULL } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsSiren, IsVatNumber } from '../../common/validators';
import { AddressDto } from '../../practice/dto/practice.dto';

export class CreateClientDto {
  @ApiProperty({ example: 'Boulangerie Dupont SARL' })
  @IsString()
  @Length(1, 200)
  readonly name!: string;
  @ApiPropertyOptional({ example: '443061841' }) @IsOptional() @IsSiren() readonly siren?:
    string | null;
  @ApiPropertyOptional({ example: 'FR40443061841' })
  @IsOptional()
  @IsVatNumber()
  readonly vatNumber?: string | null;
  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  readonly address!: AddressDto;
  @ApiProperty() @IsEmail() readonly billingEmail!: string;
  @ApiPropertyOptional({ enum: ['fr', 'en'] }) @IsOptional() @IsIn(['fr', 'en']) readonly locale?:
    'fr' | 'en' | null;
}

export class UpdateClientDto extends PartialType(CreateClientDto, NOT_NULL) {}

export class ClientQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  readonly q?: string;

  @ApiPropertyOptional({ description: 'true: archived only; false (default): active only' })
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  readonly archived?: boolean;
}
