/**
 * The console's correction forms as a browser posts them (every field a string): a manual line
 * of a draft, a credit note for the whole invoice or some of its lines; and their translation
 * into the API's bodies, checked by the API's DTOs.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { FieldProblem } from '../common/validation';
import type { InvoiceLineView } from '../invoicing/invoice-detail';
import { CreditForm, given, parseAmountCents, Text, unreadable } from './console-forms';

/** A manual line of a draft, new (`line` empty) or the `line`-th manual line changed. */
export class DraftLineForm {
  @Text(10) readonly line?: string;
  @Text(500) readonly description?: string;
  @Text(20) readonly quantity?: string;
  @Text(20) readonly unit?: string;
  @Text(30) readonly unitPrice?: string;
  @Text(10) readonly vatRate?: string;
}

/** The manual line to remove, by its rank among the draft's manual lines. */
export class DraftLineRemoveForm {
  @Text(10) readonly line?: string;
}

/** `?line=2`: the draft's page with its third manual line in the form, to change it. */
export class DraftLineQuery {
  @ApiPropertyOptional({ example: '0' })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^\d{1,4}$/)
  readonly line?: string;
}

/** A manual line as the API takes it (ManualLineDto). */
export interface ManualLine {
  description: string;
  quantity: number;
  unit: InvoiceLineView['unit'];
  unitPriceCents: number;
  vatRateBp: number;
}

/** The draft's manual lines, in their order, as the API takes them back. */
export function manualLinesOf(lines: readonly InvoiceLineView[]): ManualLine[] {
  return lines
    .filter((l) => l.kind === 'manual')
    .map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp,
    }));
}

/** "1,5", "2" → the number; "" → undefined; anything else as typed, for the DTO to refuse. */
function decimal(text: string | undefined): number | string | undefined {
  const value = given(text);
  if (value === undefined) return undefined;
  const compact = value.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  return /^-?\d{1,9}(?:[.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : value;
}

/** "20", "5,5" % → basis points; "" → undefined (the practice's rate); else null. */
function percentBp(text: string | undefined): number | null | undefined {
  const value = given(text);
  if (value === undefined) return undefined;
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The body of ManualLineDto from the form, and what the form could not read in its units. */
export function draftLinePlain(form: DraftLineForm): {
  plain: Record<string, unknown>;
  unread: FieldProblem[];
} {
  const price = given(form.unitPrice);
  const cents = price === undefined ? undefined : parseAmountCents(price);
  const vat = percentBp(form.vatRate);
  const unread: FieldProblem[] = [];
  if (price !== undefined && cents === null) {
    unread.push(unreadable('unitPriceCents', 'form.amount'));
  }
  if (vat === null) {
    unread.push({
      field: 'vatRateBp',
      code: 'form.percent',
      message: 'vatRateBp must be a percent, with at most 2 decimals',
    });
  }
  return {
    plain: {
      description: form.description?.trim() ?? '',
      quantity: decimal(form.quantity) ?? '',
      unit: given(form.unit) ?? '',
      unitPriceCents: cents ?? price ?? '',
      vatRateBp: vat ?? undefined,
    },
    unread,
  };
}

/** A number as the form shows it: "1,5" in French. */
function shown(n: number, locale: 'fr' | 'en'): string {
  return locale === 'fr' ? String(n).replace('.', ',') : String(n);
}

/** A manual line as its form shows it, to change it. */
export function draftLineValues(
  line: ManualLine,
  rank: number,
  locale: 'fr' | 'en',
): Record<string, string> {
  return {
    line: String(rank),
    description: line.description,
    quantity: shown(line.quantity, locale),
    unit: line.unit,
    unitPrice: shown(line.unitPriceCents / 100, locale),
    vatRate: shown(line.vatRateBp / 100, locale),
  };
}

/**
 * A refusal of the draft's lines names the line by its place in the list sent
 * (`lines[2].quantity`): on the form of one line, that is the form's own field.
 */
export function ownLineField<T extends { field: string }>(problem: T): T {
  const match = /^lines\[\d+\]\.(\w+)$/.exec(problem.field);
  return match ? { ...problem, field: match[1] } : problem;
}

/** The most lines a credit note takes (CreditNoteDto): one amount input each. */
export const CREDIT_LINES = 500;

/**
 * A credit note for the whole invoice (`scope` whole, the default) or for the net amounts typed
 * against its lines (`amount.<index>`, in euros, before VAT), giving the work back when ticked.
 */
export class CreditNoteForm extends CreditForm {
  @ApiPropertyOptional({ enum: ['whole', 'lines'] })
  @IsOptional()
  @IsIn(['whole', 'lines'])
  readonly scope?: 'whole' | 'lines';
}

// The amount inputs ("amount.0", "amount.1", ...) are declared like the others.
for (let k = 0; k < CREDIT_LINES; k++) Text(30)(CreditNoteForm.prototype, `amount.${k}`);

/** The amount typed against invoice line `index`, as posted. */
export const creditAmount = (form: CreditNoteForm, index: number): string | undefined =>
  (form as Record<string, string | undefined>)[`amount.${index}`];

/**
 * The body of CreditNoteDto: the lines with an amount typed (euros → cents), and what could not
 * be read as an amount, named by its input.
 */
export function creditPlain(
  form: CreditNoteForm,
  lineCount: number,
): { plain: Record<string, unknown>; unread: FieldProblem[]; indexes: number[] } {
  const release = form.releaseInterventions === 'on' ? { releaseInterventions: true } : {};
  const base = { reason: given(form.reason), ...release };
  if (form.scope !== 'lines') return { plain: base, unread: [], indexes: [] };
  const lines: { lineIndex: number; amountCents: number | string }[] = [];
  const unread: FieldProblem[] = [];
  for (let k = 0; k < Math.min(lineCount, CREDIT_LINES); k++) {
    const typed = given(creditAmount(form, k));
    if (typed === undefined) continue;
    const cents = parseAmountCents(typed);
    // Named below its input, so that its words name the amount (`field.amountCents`).
    if (cents === null) unread.push(unreadable(`amount.${k}.amountCents`, 'form.amount'));
    lines.push({ lineIndex: k, amountCents: cents ?? typed });
  }
  return { plain: { ...base, lines }, unread, indexes: lines.map((l) => l.lineIndex) };
}

/**
 * A refusal of a credit note names the line by its place among those credited
 * (`lines[1].amountCents`, `lines.1.amountCents`): on the page, that is the amount input of the
 * invoice line it stands for.
 */
export function creditLineField<T extends { field: string }>(problem: T, indexes: number[]): T {
  const match = /^lines(?:\[(\d+)\]|\.(\d+))\.(?:amountCents|lineIndex)$/.exec(problem.field);
  const index = match ? indexes[Number(match[1] ?? match[2])] : undefined;
  return index === undefined ? problem : { ...problem, field: `amount.${index}.amountCents` };
}
