import { Nested, Omittable } from '../../common/validation';
import { NOT_NULL } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
} from 'class-validator';
import { DEFAULT_BUSINESS_HOURS, HOLIDAY_CALENDARS } from '../../common/domain';
import { FRENCH_VAT_RATES_BP } from '../../common/vat-rates';
import {
  LEGAL_INTEREST_RATES,
  latePenaltyFloor,
  TRADE_REGISTRIES,
  type TradeRegistry,
} from '../legal-mentions';

/** The floor of the latest legal interest rate known, for the API's description. */
const LATEST_FLOOR = latePenaltyFloor(LEGAL_INTEREST_RATES[LEGAL_INTEREST_RATES.length - 1].since);
import { validateNumberFormat } from '../../common/document-numbers';
import type { HolidayCalendar, WeeklyHours } from '../../common/domain';
import {
  HasAtMostTwoDecimals,
  IsIban,
  IsLocalDate,
  IsSiren,
  IsSiret,
  IsTimeZone,
  IsVatNumber,
  IsWeeklyHours,
  NormalizedIban,
  NormalizedIdentifier,
  NormalizedVatNumber,
} from '../../common/validators';

export class AddressDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) readonly line1!: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(200) readonly line2?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20) readonly postalCode!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) readonly city!: string;
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a 2-letter ISO code such as FR' })
  readonly country!: string;
}

/** Numbers in ascending order, none twice (the reminder days). */
function IsAscendingOnce(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAscendingOnce',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be in ascending order, each day once` },
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) ||
          value.every((v, k) => k === 0 || (value[k - 1] as number) < (v as number)),
      },
    });
}

/** A document number format the numbering accepts; the message is the first reason it is not. */
function IsNumberFormat(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNumberFormat',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && validateNumberFormat(value).length === 0,
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          if (typeof value !== 'string') return '$property must be a text such as F{YYYY}-{SEQ:5}';
          return `$property: ${validateNumberFormat(value)
            .map((p) => p.message)
            .join(' ')}`;
        },
      },
    });
}

const positive = (max: number) => [IsInt(), Min(1), Max(max)];
function PositiveMinutes(max: number): PropertyDecorator {
  return (target, key) => positive(max).forEach((d) => d(target, key));
}

export class LimitsDto {
  @ApiProperty({ example: 2880 }) @PositiveMinutes(7 * 24 * 60) readonly maxWeeklyMinutes!: number;
  @ApiProperty({ example: 2400 })
  @PositiveMinutes(7 * 24 * 60)
  readonly alertWeeklyMinutes!: number;
  @ApiProperty({ example: 600 }) @PositiveMinutes(24 * 60) readonly maxDailyMinutes!: number;
  @ApiProperty({ example: 660 }) @PositiveMinutes(24 * 60) readonly minDailyRestMinutes!: number;
  @ApiProperty({ example: 1 }) @PositiveMinutes(7) readonly minWeeklyDaysOff!: number;
  @ApiProperty({ example: 480 })
  @PositiveMinutes(7 * 24 * 60)
  readonly maxAfterHoursMinutesPerWeek!: number;
  @ApiProperty({ example: 3 }) @PositiveMinutes(100) readonly maxUrgentInterruptionsPerDay!: number;
  // Limits added later: left out, they take their default (DEFAULT_LIMITS).
  @ApiPropertyOptional({ example: 2100 })
  @Omittable()
  @PositiveMinutes(7 * 24 * 60)
  readonly minWeeklyRestMinutes?: number;
  @ApiPropertyOptional({ example: 2640 })
  @Omittable()
  @PositiveMinutes(7 * 24 * 60)
  readonly maxAverageWeeklyMinutes?: number;
  @ApiPropertyOptional({ example: 12 })
  @Omittable()
  @PositiveMinutes(52)
  readonly averageWeeks?: number;
  @ApiPropertyOptional({ example: 360 })
  @Omittable()
  @PositiveMinutes(7 * 24 * 60)
  readonly maxNightMinutesPerWeek?: number;
  @ApiPropertyOptional({ example: 6 })
  @Omittable()
  @PositiveMinutes(366)
  readonly maxConsecutiveWorkDays?: number;
}

export class AccountsDto {
  @ApiProperty({ example: '411' }) @Matches(/^\d{3,10}$/) readonly receivable!: string;
  @ApiProperty({ example: '706' }) @Matches(/^\d{3,10}$/) readonly sales!: string;
  @ApiProperty({ example: '44571' }) @Matches(/^\d{3,10}$/) readonly vatCollected!: string;
  @ApiProperty({ example: 'VT' }) @Matches(/^[A-Z0-9]{1,6}$/) readonly journalCode!: string;
  @ApiProperty({ example: 'Ventes' }) @IsString() @Length(1, 60) readonly journalLabel!: string;
  @ApiPropertyOptional({
    example: '7062',
    description: 'revenue of services to EU businesses under reverse charge',
  })
  @Omittable()
  @Matches(/^\d{3,10}$/)
  readonly revenueReverseCharge?: string;
  @ApiPropertyOptional({
    example: '7063',
    description: 'revenue of goods delivered to EU businesses',
  })
  @Omittable()
  @Matches(/^\d{3,10}$/)
  readonly revenueIntraEu?: string;
  @ApiPropertyOptional({ example: '7064', description: 'revenue of sales outside the EU' })
  @Omittable()
  @Matches(/^\d{3,10}$/)
  readonly revenueExport?: string;
  @ApiPropertyOptional({ example: '512', description: 'the bank account payments reach' })
  @Omittable()
  @Matches(/^\d{3,10}$/)
  readonly bank?: string;
  @ApiPropertyOptional({ example: 'BQ' })
  @Omittable()
  @Matches(/^[A-Z0-9]{1,6}$/)
  readonly bankJournalCode?: string;
  @ApiPropertyOptional({ example: 'Banque' })
  @Omittable()
  @IsString()
  @Length(1, 60)
  readonly bankJournalLabel?: string;
}

/** The practice as set up or replaced; PATCH takes any subset (UpdatePracticeDto). */
export class PracticeDto {
  @ApiProperty({ example: 'Camille Martin Conseil' })
  @IsString()
  @Length(1, 200)
  readonly name!: string;
  @ApiProperty({
    example: 'SASU',
    description:
      'EI, EURL, SASU, SARL… A company form requires tradeRegistry, tradeRegistryCity and shareCapitalCents',
  })
  @IsString()
  @Length(1, 60)
  readonly legalForm!: string;
  @ApiPropertyOptional({
    enum: TRADE_REGISTRIES,
    nullable: true,
    description: 'RCS (companies) or RM (craftsmen); null for none',
  })
  @IsOptional()
  @IsIn(TRADE_REGISTRIES)
  readonly tradeRegistry?: TradeRegistry | null;
  @ApiPropertyOptional({ example: 'Lyon', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  readonly tradeRegistryCity?: string | null;
  @ApiPropertyOptional({
    example: 100000,
    nullable: true,
    type: Number,
    description: 'share capital in cents, printed "au capital de 1 000 €"',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  readonly shareCapitalCents?: number | null;
  @ApiPropertyOptional({
    example: false,
    description:
      'option for paying VAT on debits: invoices print "Option pour le paiement de la taxe d\'après les débits"',
  })
  @Omittable()
  @IsBoolean()
  readonly vatOnDebits?: boolean;
  @ApiProperty({ example: '732829320', description: 'spaces, dots and dashes are dropped' })
  @NormalizedIdentifier()
  @IsSiren()
  readonly siren!: string;
  @ApiProperty({ type: AddressDto })
  @Nested(() => AddressDto)
  readonly address!: AddressDto;
  @ApiProperty() @IsEmail() readonly email!: string;

  @ApiPropertyOptional({ example: '73282932000074', nullable: true, type: String })
  @NormalizedIdentifier()
  @IsOptional()
  @IsSiret()
  readonly siret?: string | null;
  @ApiPropertyOptional({ example: 'FR44732829320' })
  @NormalizedVatNumber()
  @IsOptional()
  @IsVatNumber()
  @MaxLength(20)
  readonly vatNumber?: string | null;
  @ApiPropertyOptional({ enum: ['franchise', 'standard'] })
  @Omittable()
  @IsIn(['franchise', 'standard'])
  readonly vatRegime?: 'franchise' | 'standard';
  @ApiPropertyOptional({
    example: 2000,
    enum: FRENCH_VAT_RATES_BP,
    description:
      'basis points, one of the French rates: 2000, 1000, 550, 210 or 0; not 0 under the standard regime (400 invalid.practice, default_vat_rate_exempt): 0 % is for manual lines with their exemption',
  })
  @Omittable()
  @IsIn(FRENCH_VAT_RATES_BP)
  readonly defaultVatRateBp?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) readonly phone?: string | null;
  @ApiPropertyOptional({ example: 'FR76 3000 6000 0112 3456 7890 189' })
  @NormalizedIban()
  @IsOptional()
  @IsIban()
  readonly iban?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, {
    message: 'bic must be a BIC of 8 or 11 characters',
  })
  readonly bic?: string | null;
  @ApiPropertyOptional({ example: 'Europe/Paris' })
  @Omittable()
  @IsTimeZone()
  readonly timezone?: string;
  @ApiPropertyOptional({ example: DEFAULT_BUSINESS_HOURS })
  @Omittable()
  @IsObject()
  @IsWeeklyHours()
  readonly businessHours?: WeeklyHours;
  @ApiPropertyOptional({ enum: HOLIDAY_CALENDARS })
  @Omittable()
  @IsIn(HOLIDAY_CALENDARS)
  readonly holidayCalendar?: HolidayCalendar;
  @ApiPropertyOptional({ type: [String], example: ['2026-08-10'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(366)
  @IsLocalDate({ each: true })
  readonly closures?: string[];
  @ApiPropertyOptional({ example: 30 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(60)
  readonly paymentTermsDays?: number;
  @ApiPropertyOptional({
    example: 12.15,
    description: `Annual late-payment penalty rate printed on invoices, percent with up to 2 decimals. Default: the ECB main refinancing rate + 10 points (12.15 since 11 June 2025); at least 3 × the legal interest rate in force on the practice's day (${LATEST_FLOOR.percent} since ${LATEST_FLOOR.rateSince}, the latest rate known), else 400 invalid.practice`,
  })
  @Omittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostTwoDecimals({
    message: 'latePenaltyRatePercent must be a percent with at most 2 decimals, e.g. 12.15',
  })
  @Min(0)
  @Max(100)
  readonly latePenaltyRatePercent?: number;
  @ApiPropertyOptional({
    example: 'F{YYYY}-{SEQ:5}',
    description:
      'Tokens {YYYY}, {YY}, {MM} and one {SEQ} or {SEQ:n}; never the same numbers as credit notes',
  })
  @Omittable()
  @IsNumberFormat()
  readonly invoiceNumberFormat?: string;
  @ApiPropertyOptional({ example: 'AV{YYYY}-{SEQ:5}' })
  @Omittable()
  @IsNumberFormat()
  readonly creditNoteNumberFormat?: string;
  @ApiPropertyOptional({ enum: ['fr', 'en'] }) @Omittable() @IsIn(['fr', 'en']) readonly locale?:
    'fr' | 'en';
  @ApiPropertyOptional({ type: LimitsDto })
  @Omittable()
  @Nested(() => LimitsDto)
  readonly limits?: LimitsDto;
  @ApiPropertyOptional({ type: AccountsDto })
  @Omittable()
  @Nested(() => AccountsDto)
  readonly accounts?: AccountsDto;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '08:30',
    description:
      'The local time (HH:mm) the consultant’s digest is sent at on business days; null: at the opening of business hours',
  })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'digestTime must be a time HH:mm, or null' })
  readonly digestTime?: string | null;
  @ApiPropertyOptional({
    type: [Number],
    example: [1, 15, 30],
    description:
      'The days after the due date an unpaid invoice is reminded on: whole days from 1 to 365, ascending, each once, at most 6 (default 1, 15, 30)',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  @IsAscendingOnce()
  readonly reminderDays?: number[];
}

/** Some of the limits: those left out keep their value. */
export class LimitsPatchDto extends PartialType(LimitsDto, NOT_NULL) {}

export class UpdatePracticeDto extends PartialType(
  OmitType(PracticeDto, ['limits'] as const),
  NOT_NULL,
) {
  @ApiPropertyOptional({ type: LimitsPatchDto, description: 'merged into the current limits' })
  @Omittable()
  @Nested(() => LimitsPatchDto)
  readonly limits?: LimitsPatchDto;
}
