import { NestedList, Omittable } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { HasAtMostTwoDecimals, IsLocalDate } from '../../common/validators';
import { FRENCH_VAT_RATES_BP } from '../../common/vat-rates';
import {
  INVOICE_STATUSES,
  LINE_UNITS,
  LINE_VAT_EXEMPTIONS,
  SUPPLIES,
  VAT_EXEMPTIONS,
  type InvoiceStatus,
  type LineUnit,
  type Supply,
} from '../math';
import { PAYMENT_METHODS, type PaymentMethod } from '../payment.entity';

const MAX_CENTS = 1_000_000_000_00;

export class CreateDraftDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly contractId!: string;
  @ApiProperty({ example: '2026-11-01' }) @IsLocalDate() readonly periodStart!: string;
  @ApiProperty({ example: '2026-11-30' }) @IsLocalDate() readonly periodEnd!: string;
}

/** A line typed on a draft by the consultant. */
export class ManualLineDto {
  @ApiProperty({ example: 'Déplacement sur site' })
  @IsString()
  @Length(1, 500)
  readonly description!: string;

  @ApiProperty({ example: 1.5, description: 'At most 2 decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostTwoDecimals()
  @Min(0)
  @Max(1_000_000)
  readonly quantity!: number;

  @ApiProperty({ enum: LINE_UNITS }) @IsIn(LINE_UNITS) readonly unit!: LineUnit;

  @ApiProperty({ example: 4500, description: 'cents, before VAT' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  readonly unitPriceCents!: number;

  @ApiPropertyOptional({
    example: 2000,
    enum: FRENCH_VAT_RATES_BP,
    description:
      "basis points, a French rate (2000, 1000, 550, 210 or 0); the practice's default rate when absent (0 without VAT)",
  })
  @Omittable()
  @IsIn(FRENCH_VAT_RATES_BP)
  readonly vatRateBp?: number;

  @ApiPropertyOptional({
    enum: LINE_VAT_EXEMPTIONS,
    nullable: true,
    description: `Why a 0 % line of an invoice with VAT bears none (required then, refused on a taxed line): ${LINE_VAT_EXEMPTIONS.map((code) => `${code} (${VAT_EXEMPTIONS[code].vatex})`).join(', ')}`,
  })
  @IsOptional()
  @IsIn(LINE_VAT_EXEMPTIONS)
  readonly vatExemption?: string | null;

  @ApiPropertyOptional({
    enum: SUPPLIES,
    description:
      'services (default) or goods: the invoice reads "Prestations de services", "Livraisons de biens" or "Mixte"',
  })
  @Omittable()
  @IsIn(SUPPLIES)
  readonly supply?: Supply;
}

export class UpdateDraftDto {
  @ApiPropertyOptional({
    type: [ManualLineDto],
    description:
      "The draft's manual lines (replaced as a whole); generated lines follow the period",
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @NestedList(() => ManualLineDto)
  readonly lines?: ManualLineDto[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly notes?: string | null;

  @ApiPropertyOptional({ example: '2026-11-01' })
  @Omittable()
  @IsLocalDate()
  readonly periodStart?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @Omittable()
  @IsLocalDate()
  readonly periodEnd?: string;
}

export class PaymentDto {
  @ApiProperty({ example: 60000 }) @IsInt() @Min(1) @Max(MAX_CENTS) readonly amountCents!: number;
  @ApiProperty({ example: '2026-12-15' }) @IsLocalDate() readonly paidOn!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS) readonly method!: PaymentMethod;
}

export class CreditLineDto {
  @ApiProperty({ description: "0-based index of the invoice's line" })
  @IsInt()
  @Min(0)
  readonly lineIndex!: number;

  @ApiProperty({ description: 'Net amount credited (cents, before VAT)' })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  readonly amountCents!: number;
}

export class CreditNoteDto {
  @ApiPropertyOptional({ type: [CreditLineDto], description: 'None: the whole invoice' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(500)
  @NestedList(() => CreditLineDto)
  readonly lines?: CreditLineDto[];

  @ApiPropertyOptional({ example: 'Intervention facturée deux fois' })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  readonly reason?: string;

  @ApiPropertyOptional({
    description:
      'Give the work back: the interventions whose every line (time and surcharges) is credited in full become billable again, on a new draft of their period or, when their month is still invoiced, as a line of that month on the next draft; all of them when the note completes a full credit. 422 rule.release_partial when the note credits no such line in full',
  })
  @Omittable()
  @IsBoolean()
  readonly releaseInterventions?: boolean;
}

export class InvoiceQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @Omittable()
  @IsIn(INVOICE_STATUSES)
  readonly status?: InvoiceStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly clientId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID() readonly contractId?: string;

  @ApiPropertyOptional({ enum: ['invoice', 'credit_note'] })
  @Omittable()
  @IsIn(['invoice', 'credit_note'])
  readonly kind?: 'invoice' | 'credit_note';

  @ApiPropertyOptional({ description: 'Issue day (a draft: end of its period) from, inclusive' })
  @Omittable()
  @IsLocalDate()
  readonly from?: string;

  @ApiPropertyOptional({ description: 'Issue day (a draft: end of its period) to, inclusive' })
  @Omittable()
  @IsLocalDate()
  readonly to?: string;
}

/** The issue days of the documents to send: every issued one of the period not sent yet. */
export class SendPeriodDto {
  @ApiProperty({ example: '2026-11-01', description: 'first issue day, inclusive' })
  @IsLocalDate()
  readonly from!: string;
  @ApiProperty({ example: '2026-11-30', description: 'last issue day, inclusive' })
  @IsLocalDate()
  readonly to!: string;
}
