import { Nested, Omittable } from '../../common/validation';
import { NOT_NULL } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import {
  IsSiren,
  IsVatNumber,
  NormalizedIdentifier,
  NormalizedVatNumber,
} from '../../common/validators';
import { AddressDto } from '../../practice/dto/practice.dto';
import { ACCOUNT_CODE_PATTERN } from '../account-code';

export class CreateClientDto {
  @ApiProperty({ example: 'Boulangerie Dupont SARL' })
  @IsString()
  @Length(1, 200)
  readonly name!: string;
  @ApiPropertyOptional({ example: '443061841', description: 'spaces, dots and dashes are dropped' })
  @NormalizedIdentifier()
  @IsOptional()
  @IsSiren()
  readonly siren?: string | null;
  @ApiPropertyOptional({
    example: 'FR64443061841',
    description:
      'In France FR + key + SIREN (matching siren), in the EU the member state number, elsewhere the tax identifier (CHE-123.456.789): a business outside the EU is billed without French VAT',
  })
  @NormalizedVatNumber()
  @IsOptional()
  @IsVatNumber()
  @MaxLength(20)
  readonly vatNumber?: string | null;
  @ApiProperty({ type: AddressDto })
  @Nested(() => AddressDto)
  readonly address!: AddressDto;
  @ApiProperty() @IsEmail() readonly billingEmail!: string;
  @ApiPropertyOptional({ enum: ['fr', 'en'] }) @IsOptional() @IsIn(['fr', 'en']) readonly locale?:
    'fr' | 'en' | null;
  @ApiPropertyOptional({
    example: 'BOULANGE3F2A',
    description:
      'Sub-account in the accounts (the FEC prefixes it with the receivable account, 411…): given from the name at creation when left out; unique',
  })
  @Omittable()
  @Matches(ACCOUNT_CODE_PATTERN, {
    message: 'accountCode must be 1 to 20 upper-case letters or digits',
  })
  readonly accountCode?: string;
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
