/**
 * The console's forms as posted by a browser (every field a string), and their translation into
 * the API's DTOs, which are checked by the same validators as the API: a page accepts exactly
 * what the API accepts, and says which field is wrong.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, validate } from 'class-validator';
import { flattenValidationErrors, type FieldProblem } from '../common/validation';
import { IsLocalDate, IsMonth } from '../common/validators';

export type Checked<T> =
  { value: T; problems: [] } | { value?: undefined; problems: FieldProblem[] };

/**
 * The plain values as the API's DTO class, validated like the API's global pipe does. `unread`:
 * what the form found wrong reading its inputs (an amount that is not one), said before the
 * DTO's word on the same fields.
 */
export async function checkDto<T extends object>(
  dto: new () => T,
  plain: Record<string, unknown>,
  unread: FieldProblem[] = [],
): Promise<Checked<T>> {
  const value = plainToInstance(dto, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length === 0 && unread.length === 0
    ? { value, problems: [] }
    : { problems: [...unread, ...flattenValidationErrors(errors)] };
}

/** The values a form first shows, each input's text by its name. */
export type FormValues = Record<string, string | undefined>;

/** The inputs left empty that must hold a value, each named by the API field it feeds. */
export function blanks(inputs: [string | undefined, string][]): FieldProblem[] {
  return inputs
    .filter(([text]) => given(text) === undefined)
    .map(([, field]) => ({ field, code: 'isDefined', message: `${field} must be given` }));
}

/** An empty form field is an absent value. */
export function given(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/** A checkbox sends "on" when ticked and nothing otherwise. */
export function ticked(value: string | undefined): boolean {
  return value === 'on' || value === 'true';
}

/** A multiple select sends one value as a string, several as an array. */
export function many(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v !== '');
}

/**
 * "1 234,56", "1234.5", "12 €", "-50" → cents; null when it is not an amount with at most 2
 * decimals. A negative amount is read as one, so that the API's check says it is below its
 * minimum rather than not a number.
 */
export function parseAmountCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^\u2212/, '-');
  const match = /^(-?)(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] && cents !== 0 ? -cents : cents;
}

/**
 * An input meant to hold euros (`form.amount`) or hours (`form.hours`) that holds neither: said
 * so, in the form's units, rather than as the API field's "not an integer" (of cents, of minutes).
 */
export function unreadable(field: string, code: 'form.amount' | 'form.hours'): FieldProblem {
  const what = code === 'form.amount' ? 'an amount in euros' : 'a number of hours';
  return { field, code, message: `${field} must be ${what}, with at most 2 decimals` };
}

/** "vpn, Réseau ,, imprimante" → ['vpn', 'Réseau', 'imprimante']; the API normalises them. */
export function splitTags(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** A text field of a form as posted: optional, at most `max` characters. */
export const Text = (max = 200): PropertyDecorator => {
  const decorators = [ApiPropertyOptional(), IsOptional(), IsString(), MaxLength(max)];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

/** The timer's start form: a request, or a contract, with the work's circumstances. */
export class TimerStartForm {
  @Text(40) readonly requestId?: string;
  @Text(40) readonly contractId?: string;
  @Text(40) readonly activityId?: string;
  @Text(20) readonly urgency?: string;
  @Text(20) readonly location?: string;
  @Text(5000) readonly description?: string;
  @Text(5) readonly billable?: string;
}

/** A button that brings people back to the page it was on (the header's Stop, a restart). */
export class ReturnForm {
  @Text(2000) readonly back?: string;
}

/** The quick log: finished work, start and end read in the practice zone. */
export class InterventionForm extends TimerStartForm {
  @Text(20) readonly startedAt?: string;
  @Text(20) readonly endedAt?: string;
}

export class DraftForm {
  @Text(40) readonly contractId?: string;
  @Text(10) readonly periodStart?: string;
  @Text(10) readonly periodEnd?: string;
}

export class PaymentForm {
  @Text(30) readonly amount?: string;
  @Text(10) readonly paidOn?: string;
  @Text(20) readonly method?: string;
}

export class CreditForm {
  @Text(2000) readonly reason?: string;
  @Text(5) readonly releaseInterventions?: string;
}

export class ArticleForm {
  @Text(200) readonly title?: string;
  @Text(100_000) readonly bodyMarkdown?: string;
  @Text(2000) readonly tags?: string;
  @Text(5) readonly published?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  readonly clientIds?: string | string[];
  @ApiPropertyOptional({ enum: ['save', 'preview'] })
  @IsOptional()
  @IsIn(['save', 'preview'])
  readonly action?: 'save' | 'preview';
}

/** A GET form sends an empty field as "": that is no value. */
const Day = (): PropertyDecorator => {
  const decorators = [
    ApiPropertyOptional({ example: '2026-11-30' }),
    Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value)),
    IsOptional(),
    IsLocalDate(),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

/** A period of local days in a page's query string; both ends optional. */
export class PeriodQuery {
  @Day() readonly from?: string;
  @Day() readonly to?: string;
}

/** The invoices page: its period, and how many documents a period's send just mailed. */
export class InvoiceListQuery extends PeriodQuery {
  @Text(4) readonly sent?: string;
}

/** The invoices page's send of a period's unsent documents. */
export class SendPeriodForm {
  @Text(10) readonly from?: string;
  @Text(10) readonly to?: string;
}

export class WeekQuery {
  @Day() readonly date?: string;
}

export class InboxQuery {
  /** Preselects a request in the timer's form ("start on this request"). */
  @Text(40) readonly request?: string;
}

export class MonthQuery {
  @ApiPropertyOptional({ example: '2026-11' })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsMonth()
  readonly month?: string;
}

export class ContractListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsUUID()
  readonly clientId?: string;
}

/** The portal's request form: the API's FileRequestDto checks it, naming each field. */
export class RequestFileForm {
  @Text(40) readonly contractId?: string;
  @Text(200) readonly title?: string;
  @Text(20_000) readonly description?: string;
  @Text(20) readonly urgency?: string;
}

export class SearchQuery {
  @Text(300) readonly q?: string;
}
