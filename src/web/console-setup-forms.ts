/**
 * The console's "new client" and "new contract" forms as a browser posts them (every field a
 * string), and their translation into the API's bodies: euros become integer cents, counts
 * become integers; what cannot be read is passed on as typed so the DTO's check names the field.
 */
import { URGENCY_LEVELS, type Urgency } from '../common/domain';
import type { FieldProblem } from '../common/validation';
import type { Contract } from '../contracts/contract.entity';
import { given, parseAmountCents, Text, ticked, unreadable } from './console-forms';
import { hoursToMinutes, wholeNumber } from './form-readers';

export class ClientForm {
  @Text() readonly name?: string;
  @Text(40) readonly siren?: string;
  @Text(40) readonly vatNumber?: string;
  @Text() readonly line1?: string;
  @Text(20) readonly postalCode?: string;
  @Text(100) readonly city?: string;
  @Text(10) readonly country?: string;
  @Text() readonly billingEmail?: string;
  @Text(5) readonly locale?: string;
}

/** The body of CreateClientDto: empty optional fields are absent. */
export function clientPlain(form: ClientForm): Record<string, unknown> {
  return {
    name: form.name?.trim() ?? '',
    siren: given(form.siren),
    vatNumber: given(form.vatNumber),
    address: {
      line1: form.line1?.trim() ?? '',
      postalCode: form.postalCode?.trim() ?? '',
      city: form.city?.trim() ?? '',
      country: (given(form.country) ?? 'FR').toUpperCase(),
    },
    billingEmail: form.billingEmail?.trim() ?? '',
    locale: given(form.locale),
  };
}

/**
 * One urgency level's row of the form: `${level}.${field}` names. The response time is typed as
 * a number (`response`) in hours or days of 24 hours (`responseUnit`), stored in minutes.
 */
export const LEVEL_FIELDS = [
  'response',
  'responseUnit',
  'clock',
  'monthlyQuota',
  'surchargePercent',
  'overQuota',
  'overageFee',
] as const;

export class ContractForm {
  @Text(40) readonly clientId?: string;
  @Text(60) readonly reference?: string;
  @Text() readonly title?: string;
  @Text(10) readonly startDate?: string;
  @Text(10) readonly endDate?: string;
  @Text(30) readonly mode?: string;
  /** A retainer's fee billed in advance (à échoir) or in arrears (à terme échu). */
  @Text(20) readonly feeTiming?: string;
  @Text(30) readonly monthlyFee?: string;
  @Text(10) readonly includedHours?: string;
  @Text(10) readonly prepaidHours?: string;
  @Text(30) readonly hourlyRate?: string;
  @Text(30) readonly overageRate?: string;
  @Text(10) readonly roundingMinutes?: string;
  @Text(10) readonly minimumMinutes?: string;
  @Text(10) readonly rolloverMonths?: string;
  @Text(10) readonly paymentTermsDays?: string;
  @Text(5) readonly afterHoursAllowed?: string;
  @Text(10) readonly afterHoursSurchargePercent?: string;
}

// The 24 level fields ("critical.monthlyQuota", ...) are declared like the others.
for (const level of URGENCY_LEVELS) {
  for (const field of LEVEL_FIELDS) Text(30)(ContractForm.prototype, `${level}.${field}`);
}

type Form = Record<string, string | undefined>;

/** What the edit form reads of a stored contract. */
type ContractTerms = Pick<
  Contract,
  'reference' | 'title' | 'startDate' | 'endDate' | 'paymentTermsDays' | 'billing' | 'urgencyPolicy'
>;

/** "90", "90,50", "90.50" → cents; empty → undefined; unreadable → as typed, for the DTO to refuse. */
function cents(text: string | undefined): number | string | undefined {
  const value = given(text);
  return value === undefined ? undefined : (parseAmountCents(value) ?? value);
}

/** The units a response time is typed in, and their minutes: a day is 24 hours of its clock. */
export const RESPONSE_UNITS = { hours: 60, days: 1440 } as const;
export type ResponseUnit = keyof typeof RESPONSE_UNITS;

/** "8" hours, "1,5" days → minutes; empty → undefined; unreadable → as typed. */
export function responseMinutes(
  text: string | undefined,
  unit: string | undefined,
): number | string | undefined {
  const known = unit === undefined || unit === '' || unit in RESPONSE_UNITS;
  if (!known) return given(text) ?? '';
  return hoursToMinutes(text, RESPONSE_UNITS[unit === 'days' ? 'days' : 'hours']);
}

/** Stored minutes as the form shows them: whole days in days, else hours ("1,5"). */
export function responseInput(minutes: number, locale: 'fr' | 'en'): Form {
  const unit: ResponseUnit = minutes % RESPONSE_UNITS.days === 0 ? 'days' : 'hours';
  const amount = Math.round((minutes * 100) / RESPONSE_UNITS[unit]) / 100;
  const text = String(amount);
  return { response: locale === 'fr' ? text.replace('.', ',') : text, responseUnit: unit };
}

/**
 * The contract form's inputs that hold no amount in euros or hours where one is expected, each
 * named by the API field it feeds: said in the form's units before the DTO's check.
 */
export function contractUnreadable(contract: ContractForm): FieldProblem[] {
  const form = contract as Form;
  const amounts: [string | undefined, string][] = [
    [contract.monthlyFee, 'billing.monthlyFeeCents'],
    [contract.hourlyRate, 'billing.hourlyRateCents'],
    [contract.overageRate, 'billing.overageRateCents'],
    ...URGENCY_LEVELS.map((level): [string | undefined, string] => [
      form[`${level}.overageFee`],
      `urgencyPolicy.levels.${level}.overageFeeCents`,
    ]),
  ];
  const hours: [string | undefined, string][] = [
    [contract.includedHours, 'billing.includedMinutesPerMonth'],
    [contract.prepaidHours, 'billing.prepaidMinutes'],
  ];
  const responses = URGENCY_LEVELS.filter(
    (level) =>
      typeof responseMinutes(form[`${level}.response`], form[`${level}.responseUnit`]) === 'string',
  ).map((level): FieldProblem => ({
    field: `urgencyPolicy.levels.${level}.responseMinutes`,
    code: 'form.duration',
    message: 'the response time must be a number of hours or days, with at most 2 decimals',
  }));
  return [
    ...amounts
      .filter(([text]) => typeof cents(text) === 'string')
      .map(([, field]) => unreadable(field, 'form.amount')),
    ...hours
      .filter(([text]) => typeof hoursToMinutes(text) === 'string')
      .map(([, field]) => unreadable(field, 'form.hours')),
    ...responses,
  ];
}

function levelPlain(form: Form, level: Urgency): Record<string, unknown> {
  const at = (field: (typeof LEVEL_FIELDS)[number]) => form[`${level}.${field}`];
  const quota = given(at('monthlyQuota'));
  return {
    responseMinutes: responseMinutes(at('response'), at('responseUnit')),
    clock: at('clock'),
    monthlyQuota: quota === undefined ? null : wholeNumber(quota),
    surchargePercent: wholeNumber(at('surchargePercent')) ?? 0,
    overQuota: at('overQuota'),
    overageFeeCents: cents(at('overageFee')),
  };
}

/** The body of CreateContractDto. */
export function contractPlain(contract: ContractForm): Record<string, unknown> {
  const form = contract as Form;
  return {
    clientId: contract.clientId ?? '',
    reference: contract.reference?.trim() ?? '',
    title: contract.title?.trim() ?? '',
    startDate: contract.startDate ?? '',
    endDate: given(contract.endDate),
    billing: {
      mode: contract.mode,
      monthlyFeeCents: cents(contract.monthlyFee),
      includedMinutesPerMonth: hoursToMinutes(contract.includedHours),
      prepaidMinutes: hoursToMinutes(contract.prepaidHours),
      hourlyRateCents: cents(contract.hourlyRate) ?? '',
      overageRateCents: cents(contract.overageRate),
      roundingMinutes: wholeNumber(contract.roundingMinutes) ?? '',
      minimumBillableMinutes: wholeNumber(contract.minimumMinutes) ?? '',
      rolloverMonths: wholeNumber(contract.rolloverMonths) ?? 0,
      feeTiming: given(contract.feeTiming),
    },
    urgencyPolicy: {
      levels: Object.fromEntries(URGENCY_LEVELS.map((level) => [level, levelPlain(form, level)])),
      afterHoursAllowed: ticked(contract.afterHoursAllowed),
      afterHoursSurchargePercent: wholeNumber(contract.afterHoursSurchargePercent) ?? 0,
    },
    paymentTermsDays: wholeNumber(contract.paymentTermsDays),
  };
}

const level = (hours: number, quota: string, over: string, surcharge = '0'): Form => ({
  response: String(hours),
  responseUnit: 'hours',
  clock: 'business',
  monthlyQuota: quota,
  surchargePercent: surcharge,
  overQuota: over,
  overageFee: '',
});

/**
 * The form as first shown: a retainer of 10 h for 600 € a month, billed in arrears, at 90 € an
 * hour; answered within 8, 4, 2 and 1 business hours; high 5 a month (downgrade), critical 2 a
 * month (reject).
 */
export function contractFormDefaults(today: string): Form {
  const levels: Record<Urgency, Form> = {
    low: level(8, '', 'reject'),
    normal: level(4, '', 'reject'),
    high: level(2, '5', 'downgrade'),
    critical: level(1, '2', 'reject', '50'),
  };
  const flat: [string, string | undefined][] = Object.entries(levels).flatMap(([name, fields]) =>
    Object.entries(fields).map(([field, value]): [string, string | undefined] => [
      `${name}.${field}`,
      value,
    ]),
  );
  return {
    startDate: today,
    mode: 'retainer',
    feeTiming: 'arrears',
    monthlyFee: '600',
    includedHours: '10',
    prepaidHours: '',
    hourlyRate: '90',
    overageRate: '110',
    roundingMinutes: '15',
    minimumMinutes: '15',
    rolloverMonths: '0',
    paymentTermsDays: '',
    afterHoursAllowed: 'on',
    afterHoursSurchargePercent: '50',
    ...Object.fromEntries(flat),
  };
}

/** Cents as the form shows them: "750,50" in French, "750.50" in English, "600" when whole. */
function euros(cents: number | null | undefined, locale: 'fr' | 'en'): string {
  if (cents === null || cents === undefined) return '';
  const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Minutes as hours in the form ("10", "7,5"); empty when none. */
function hoursOf(minutes: number | null | undefined, locale: 'fr' | 'en'): string {
  if (minutes === null || minutes === undefined) return '';
  const text = String(Math.round((minutes * 100) / 60) / 100);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** A stored contract as its edit form shows it: the inverse of contractPlain. */
export function contractFormValues(contract: ContractTerms, locale: 'fr' | 'en'): Form {
  const b = contract.billing;
  const p = contract.urgencyPolicy;
  const levels = URGENCY_LEVELS.flatMap((lv): [string, string][] => {
    const l = p.levels[lv];
    const response = responseInput(l.responseMinutes, locale);
    return [
      [`${lv}.response`, response.response ?? ''],
      [`${lv}.responseUnit`, response.responseUnit ?? 'hours'],
      [`${lv}.clock`, l.clock],
      [`${lv}.monthlyQuota`, l.monthlyQuota === null ? '' : String(l.monthlyQuota)],
      [`${lv}.surchargePercent`, String(l.surchargePercent)],
      [`${lv}.overQuota`, l.overQuota],
      [`${lv}.overageFee`, euros(l.overageFeeCents, locale)],
    ];
  });
  return {
    reference: contract.reference,
    title: contract.title,
    startDate: contract.startDate,
    endDate: contract.endDate ?? '',
    paymentTermsDays: contract.paymentTermsDays === null ? '' : String(contract.paymentTermsDays),
    mode: b.mode,
    feeTiming: b.feeTiming ?? 'arrears',
    monthlyFee: euros(b.monthlyFeeCents, locale),
    includedHours: hoursOf(b.includedMinutesPerMonth, locale),
    prepaidHours: hoursOf(b.prepaidMinutes, locale),
    hourlyRate: euros(b.hourlyRateCents, locale),
    overageRate: euros(b.overageRateCents, locale),
    roundingMinutes: String(b.roundingMinutes),
    minimumMinutes: String(b.minimumBillableMinutes),
    rolloverMonths: String(b.rolloverMonths),
    afterHoursAllowed: p.afterHoursAllowed ? 'on' : '',
    afterHoursSurchargePercent: String(p.afterHoursSurchargePercent),
    ...Object.fromEntries(levels),
  };
}
