import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDay, ApiInstant, ApiUuid, PageOf } from '../../common/openapi';
import { AddressView } from '../../practice/dto/practice.response';
import { INVOICE_STATUSES, LINE_KINDS, LINE_UNITS, VAT_REGIMES } from '../math';
import { PAYMENT_METHODS } from '../payment.entity';

const Cents = (description?: string) => ApiProperty({ example: 72000, description });

export class RateTotalView {
  @ApiProperty({ example: 2000, description: 'basis points' }) vatRateBp!: number;
  @Cents() netCents!: number;
  @Cents() vatCents!: number;
}

/** Totals HT / TVA / TTC; VAT rounded once per rate. */
export class TotalsView {
  @Cents('HT') netCents!: number;
  @Cents('TVA') vatCents!: number;
  @Cents('TTC') grossCents!: number;
  @ApiProperty({ type: [RateTotalView], description: 'one entry per VAT rate, lowest first' })
  byRate!: RateTotalView[];
}

export class LineView {
  @ApiProperty({ example: 1 }) position!: number;
  @ApiProperty({ enum: LINE_KINDS }) kind!: string;
  @ApiProperty({ example: 'Support — November 2026' }) description!: string;
  @ApiProperty({ example: 2.5, description: 'to the hundredth' }) quantity!: number;
  @ApiProperty({ enum: LINE_UNITS }) unit!: string;
  @ApiProperty({ example: 9000 }) unitPriceCents!: number;
  @ApiProperty({ example: 2000, description: 'basis points' }) vatRateBp!: number;
  @ApiProperty({ example: 22500, description: 'net, rounded half-up once per line' })
  amountCents!: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'the work this line bills' })
  interventionIds!: string[];
  @ApiProperty({ type: [String], description: 'the lines of detail printed under it' })
  details!: string[];
  @ApiProperty({ enum: ['services', 'goods'] }) supply!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['training', 'reverse_charge', 'intra_eu_goods', 'export_goods', 'outside_scope'],
    description:
      'why a 0 % line of an invoice with VAT bears none (VATEX code in math/vat-exemptions.ts)',
  })
  vatExemption!: string | null;
}

/** An invoice or credit note: status and balance derived from payments, credits and today. */
export class InvoiceView {
  @ApiUuid() id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'F2026-00042', description: 'once issued' })
  number!: string | null;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind!: string;
  @ApiProperty({ enum: INVOICE_STATUSES }) status!: string;
  @ApiUuid() clientId!: string;
  @ApiUuid({ nullable: true }) contractId!: string | null;
  @ApiDay({ nullable: true }) issueDate!: string | null;
  @ApiDay({ nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 30 }) paymentTermsDays!: number | null;
  @ApiDay() periodStart!: string;
  @ApiDay() periodEnd!: string;
  @ApiProperty({ enum: ['fr', 'en'] }) locale!: string;
  @ApiProperty({ enum: VAT_REGIMES }) vatRegime!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'TVA non applicable, art. 293 B du CGI',
    description: 'the mention printed when no VAT is charged',
  })
  vatMention!: string | null;
  @ApiProperty({ type: TotalsView }) totals!: TotalsView;
  @Cents() paidCents!: number;
  @Cents('gross of its issued credit notes (negative)') creditedCents!: number;
  @Cents() balanceCents!: number;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 in the chain, once issued' })
  hash!: string | null;
  @ApiProperty({ type: String, nullable: true }) previousHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiInstant() createdAt!: Date;
  @ApiInstant({ nullable: true }) issuedAt!: Date | null;
}

/** The seller printed on the document, copied at issue. */
export class SellerView {
  @ApiProperty() name!: string;
  @ApiProperty() legalForm!: string;
  @ApiProperty() siren!: string;
  @ApiProperty({ type: String, nullable: true }) siret!: string | null;
  @ApiProperty({ type: String, nullable: true }) vatNumber!: string | null;
  @ApiProperty({ type: AddressView }) address!: AddressView;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) iban!: string | null;
  @ApiProperty({ type: String, nullable: true }) bic!: string | null;
  @ApiProperty({ example: 12.15 }) latePenaltyRatePercent!: number;
  @ApiPropertyOptional({
    enum: ['RCS', 'RM'],
    nullable: true,
    description: 'a company’s registry; absent on documents issued before it was recorded',
  })
  tradeRegistry?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Lyon' })
  tradeRegistryCity?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 100000, description: 'cents' })
  shareCapitalCents?: number | null;
  @ApiPropertyOptional({ description: 'the option for VAT on debits, printed' })
  vatOnDebits?: boolean;
}

/** The buyer printed on the document, copied at issue. */
export class BuyerView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) siren!: string | null;
  @ApiProperty({ type: String, nullable: true }) vatNumber!: string | null;
  @ApiProperty({ type: AddressView }) address!: AddressView;
  @ApiProperty() billingEmail!: string;
  @ApiPropertyOptional({
    example: 'BOULANGE3F2A',
    description: "the client's sub-account; absent from documents issued before clients had one",
  })
  accountCode?: string;
}

export class DocumentReferenceView {
  @ApiUuid() id!: string;
  @ApiProperty({ type: String, nullable: true }) number!: string | null;
  @ApiDay({ nullable: true }) issueDate!: string | null;
  @Cents() grossCents!: number;
}

/** Something to check on a draft before issuing it. */
export class DraftWarningView {
  @ApiProperty({
    enum: ['period_open', 'work_open'],
    description:
      'period_open: the period ends today or later, its work may still grow; work_open: the fee is billed in advance and the months before the period, whose work the draft bills, end today or later',
  })
  code!: string;
  @ApiProperty({
    example:
      'la période court jusqu’au 31/12/2026 : le travail saisi après aujourd’hui n’est pas sur ce brouillon (reconstruisez-le une fois la période terminée)',
    description: 'in the language of Accept-Language (French by default)',
  })
  message?: string;
  @ApiDay({ description: 'the last day of the period, or of the months whose work it bills' })
  date!: string;
}

/** A send of an issued document by mail. */
export class DocumentSendView {
  @ApiInstant() sentAt!: Date;
  @ApiProperty({ example: 'compta@client.fr' }) sentTo!: string;
}

/** A document sent by a period's send. */
export class SentDocumentView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'F2026-00012' }) number!: string;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind!: string;
  @ApiProperty({ example: 'compta@client.fr' }) sentTo!: string;
}

/** An invoice or credit note with its lines, identities and related documents. */
export class InvoiceDetailView extends InvoiceView {
  @ApiProperty({ type: SellerView, nullable: true, description: 'null on a draft' })
  seller!: SellerView | null;
  @ApiProperty({ type: BuyerView, nullable: true, description: 'null on a draft' })
  buyer!: BuyerView | null;
  @ApiProperty({ type: [LineView] }) lines!: LineView[];
  @ApiPropertyOptional({
    type: DocumentReferenceView,
    description: 'on a credit note: the invoice it corrects',
  })
  creditedInvoice?: DocumentReferenceView;
  @ApiProperty({
    type: [DocumentReferenceView],
    description: 'on an invoice: its issued credit notes',
  })
  creditNotes!: DocumentReferenceView[];
  @ApiProperty({
    type: [DraftWarningView],
    description: 'on a draft: what to check before issuing it (empty otherwise)',
  })
  warnings!: DraftWarningView[];
  @ApiInstant({ nullable: true, description: 'the last time it was sent by mail (null: never)' })
  sentAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'the address it was last sent to' })
  sentTo!: string | null;
  @ApiProperty({ type: [DocumentSendView], description: 'every send by mail, oldest first' })
  sends!: DocumentSendView[];
  @ApiInstant({
    nullable: true,
    description: 'when its payment reminders were stopped by hand (null: not stopped)',
  })
  remindersStoppedAt!: Date | null;
}

/** What a period's send did. */
export class PeriodSendView {
  @ApiDay() from!: string;
  @ApiDay() to!: string;
  @ApiProperty({ type: [SentDocumentView], description: 'the documents sent, in number order' })
  sent!: SentDocumentView[];
}

/** The sums of the whole list, not only of the page. */
export class ListTotalsView {
  @Cents() netCents!: number;
  @Cents() vatCents!: number;
  @Cents() grossCents!: number;
  @Cents() paidCents!: number;
  @Cents() balanceCents!: number;
}

export class InvoicePageView extends PageOf(InvoiceView) {
  @ApiProperty({ type: ListTotalsView }) totals!: ListTotalsView;
}

export class PaymentView {
  @ApiUuid() id!: string;
  @ApiUuid() invoiceId!: string;
  @Cents() amountCents!: number;
  @ApiDay() paidOn!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: string;
  @ApiInstant() createdAt!: Date;
}

/** GET /api/invoices/verify-chain: every issued document's hash recomputed and chained. */
export class ChainVerification {
  @ApiProperty({ description: 'every document hashes to its value and points at the previous' })
  ok!: boolean;
  @ApiProperty({ description: 'documents examined, up to the first broken one' })
  checked!: number;
  @ApiPropertyOptional({ example: 'F2026-00042', description: 'the first document that fails' })
  firstBrokenNumber?: string;
  @ApiProperty({ type: String, nullable: true, description: 'the hash at the tip of the chain' })
  lastHash!: string | null;
}
