/**
 * The console's "new client" and "new contract" forms as a browser posts them (every field a
 * string), and their translation into the API's bodies: euros become integer cents, counts
 * become integers; what cannot be read is passed on as typed so the DTO's check names the field.
 */
import { URGENCY_LEVELS, type Urgency } from '../common/domain';
import type { FieldProblem } from '../common/validation';
import { given, parseAmountCents, Text, ticked, unreadable } from './console-forms';

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

/** One urgency level's row of the form: `${level}.${field}` names. */
export const LEVEL_FIELDS = [
  'responseMinutes',
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

/** "90", "90,50", "90.50" → cents; empty → undefined; unreadable → as typed, for the DTO to refuse. */
function cents(text: string | undefined): number | string | undefined {
  const value = given(text);
  return value === undefined ? undefined : (parseAmountCents(value) ?? value);
}

/** "12", "-3" → the number (a negative one for the DTO to say it is below its minimum). */
function integer(text: string | undefined): number | string | undefined {
  const value = given(text);
  return value !== undefined && /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/** Hours as typed ("10", "7,5", "-2") → whole minutes; else as typed. */
function hoursToMinutes(text: string | undefined): number | string | undefined {
  const value = given(text);
  const match =
    value === undefined
      ? null
      : /^(-?)(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(value.replace(/^\u2212/, '-'));
  if (!match) return value;
  const hundredths = Number((match[3] ?? '0').padEnd(2, '0'));
  const minutes = Number(match[2]) * 60 + Math.round((hundredths * 60) / 100);
  return match[1] && minutes !== 0 ? -minutes : minutes;
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
  return [
    ...amounts
      .filter(([text]) => typeof cents(text) === 'string')
      .map(([, field]) => unreadable(field, 'form.amount')),
    ...hours
      .filter(([text]) => typeof hoursToMinutes(text) === 'string')
      .map(([, field]) => unreadable(field, 'form.hours')),
  ];
}

function levelPlain(form: Form, level: Urgency): Record<string, unknown> {
  const at = (field: (typeof LEVEL_FIELDS)[number]) => form[`${level}.${field}`];
  const quota = given(at('monthlyQuota'));
  return {
    responseMinutes: integer(at('responseMinutes')),
    clock: at('clock'),
    monthlyQuota: quota === undefined ? null : integer(quota),
    surchargePercent: integer(at('surchargePercent')) ?? 0,
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
      roundingMinutes: integer(contract.roundingMinutes) ?? '',
      minimumBillableMinutes: integer(contract.minimumMinutes) ?? '',
      rolloverMonths: integer(contract.rolloverMonths) ?? 0,
      feeTiming: given(contract.feeTiming),
    },
    urgencyPolicy: {
      levels: Object.fromEntries(URGENCY_LEVELS.map((level) => [level, levelPlain(form, level)])),
      afterHoursAllowed: ticked(contract.afterHoursAllowed),
      afterHoursSurchargePercent: integer(contract.afterHoursSurchargePercent) ?? 0,
    },
    paymentTermsDays: integer(contract.paymentTermsDays),
  };
}

const level = (response: number, quota: string, over: string, surcharge = '0'): Form => ({
  responseMinutes: String(response),
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
    low: level(480, '', 'reject'),
    normal: level(240, '', 'reject'),
    high: level(120, '5', 'downgrade'),
    critical: level(60, '2', 'reject', '50'),
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
