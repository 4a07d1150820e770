/**
 * The settings pages' forms as a browser posts them (every field a string), the values they
 * first show (the practice as it is), and their translation into the API's UpdatePracticeDto:
 * hours become minutes, percents basis points, each weekday's hours "09:00-12:00, 14:00-18:00"
 * a list of intervals. What cannot be read is said in the form's own units, beside its input.
 */
import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday, type WeeklyHours } from '../common/domain';
import type { FieldProblem } from '../common/validation';
import { validateWeeklyHours } from '../calendar/weekly-hours';
import type { Practice } from '../practice/practice.entity';
import { ActivityForm } from './console-first-steps-forms';
import { given, parseAmountCents, Text, ticked, unreadable } from './console-forms';
import { hoursToMinutes, wholeNumber } from './form-readers';
import type { FormSpec } from './form-problems';

type Values = Record<string, string | undefined>;

/** The inputs left empty that must hold a value, each named by the API field it feeds. */
function blanks(inputs: [string | undefined, string][]): FieldProblem[] {
  return inputs
    .filter(([text]) => given(text) === undefined)
    .map(([, field]) => ({ field, code: 'isDefined', message: `${field} must be given` }));
}

export class IdentityForm {
  @Text(200) readonly name?: string;
  @Text(60) readonly legalForm?: string;
  @Text(5) readonly tradeRegistry?: string;
  @Text(100) readonly tradeRegistryCity?: string;
  @Text(30) readonly shareCapital?: string;
  @Text(40) readonly siren?: string;
  @Text(40) readonly siret?: string;
  @Text(40) readonly vatNumber?: string;
  @Text(200) readonly line1?: string;
  @Text(200) readonly line2?: string;
  @Text(20) readonly postalCode?: string;
  @Text(100) readonly city?: string;
  @Text(10) readonly country?: string;
  @Text(254) readonly email?: string;
  @Text(40) readonly phone?: string;
  @Text(60) readonly iban?: string;
  @Text(20) readonly bic?: string;
}

/** The logo's form: its one file input, read from the multipart body by its handler. */
export class LogoForm {
  @Text(0) readonly logo?: string;
}

export const IDENTITY_PATHS = {
  line1: 'address.line1',
  line2: 'address.line2',
  postalCode: 'address.postalCode',
  city: 'address.city',
  country: 'address.country',
  shareCapital: 'shareCapitalCents',
};

/** Cents as the form shows them: "1000" when whole, "1000,50" (or "1000.50") otherwise. */
function eurosText(cents: number | null, locale: string): string {
  if (cents === null) return '';
  const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

export function identityValues(p: Practice, locale = 'fr'): Values {
  return {
    name: p.name,
    legalForm: p.legalForm,
    tradeRegistry: p.tradeRegistry ?? '',
    tradeRegistryCity: p.tradeRegistryCity ?? '',
    shareCapital: eurosText(p.shareCapitalCents, locale),
    siren: p.siren,
    siret: p.siret ?? '',
    vatNumber: p.vatNumber ?? '',
    line1: p.address.line1,
    line2: p.address.line2 ?? '',
    postalCode: p.address.postalCode,
    city: p.address.city,
    country: p.address.country,
    email: p.email,
    phone: p.phone ?? '',
    iban: p.iban ?? '',
    bic: p.bic ?? '',
  };
}

/** The identity's part of UpdatePracticeDto; an emptied optional field is cleared (null). */
export function identityPlain(form: IdentityForm): Record<string, unknown> {
  return {
    name: form.name?.trim() ?? '',
    legalForm: form.legalForm?.trim() ?? '',
    tradeRegistry: given(form.tradeRegistry) ?? null,
    tradeRegistryCity: given(form.tradeRegistryCity) ?? null,
    shareCapitalCents: shareCapitalOf(form.shareCapital),
    siren: form.siren ?? '',
    siret: given(form.siret) ?? null,
    vatNumber: given(form.vatNumber) ?? null,
    address: {
      line1: form.line1?.trim() ?? '',
      line2: given(form.line2),
      postalCode: form.postalCode?.trim() ?? '',
      city: form.city?.trim() ?? '',
      country: (given(form.country) ?? '').toUpperCase(),
    },
    email: form.email?.trim() ?? '',
    phone: given(form.phone) ?? null,
    iban: given(form.iban) ?? null,
    bic: given(form.bic)?.replace(/\s+/g, '').toUpperCase() ?? null,
  };
}

/** The share capital typed in euros, as cents; as typed when it is no amount, for the DTO to name. */
export function shareCapitalOf(text: string | undefined): number | string | null {
  const value = given(text);
  if (value === undefined) return null;
  return parseAmountCents(value) ?? value;
}

export class CalendarForm {
  @Text(100) readonly timezone?: string;
  @Text(10) readonly holidayCalendar?: string;
  @Text(120) readonly mon?: string;
  @Text(120) readonly tue?: string;
  @Text(120) readonly wed?: string;
  @Text(120) readonly thu?: string;
  @Text(120) readonly fri?: string;
  @Text(120) readonly sat?: string;
  @Text(120) readonly sun?: string;
  /** The hour of the consultant's digest, HH:MM; empty: at the opening of business hours. */
  @Text(10) readonly digestTime?: string;
}

export const CALENDAR_PATHS = Object.fromEntries(WEEKDAYS.map((d) => [d, `businessHours.${d}`]));

/** "09:00-12:00, 14:00-18:00"; an empty text for a day off. */
export function dayText(intervals: readonly (readonly [string, string])[]): string {
  return intervals.map(([from, to]) => `${from}-${to}`).join(', ');
}

export function calendarValues(p: Practice): Values {
  return {
    timezone: p.timezone,
    holidayCalendar: p.holidayCalendar,
    ...Object.fromEntries(WEEKDAYS.map((day) => [day, dayText(p.businessHours[day] ?? [])])),
    digestTime: p.digestTime ?? '',
  };
}

/** "9h", "9:00", "14h30", "0900" → "09:00", "14:30"; anything else as typed. */
function timeOf(text: string): string {
  const match = /^(\d{1,2})(?:[:h.]?(\d{2}))?h?$/i.exec(text.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2] ?? '00'}` : text.trim();
}

/** One day's hours as typed, as intervals: "9h-12h ; 14:00–18:00" → [["09:00","12:00"], …]. */
export function dayIntervals(text: string | undefined): [string, string][] {
  return (text ?? '')
    .split(/[,;/]|\s+et\s+|\s+and\s+/i)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [from, to = ''] = part.split(/\s*(?:-|–|—|\sà\s|\sto\s)\s*/i);
      return [timeOf(from), timeOf(to)];
    });
}

/** The week's hours, and the days whose hours cannot be used (said beside the day's input). */
export function weekOf(form: CalendarForm): { hours: WeeklyHours; problems: FieldProblem[] } {
  const hours = {} as WeeklyHours;
  const problems: FieldProblem[] = [];
  for (const day of WEEKDAYS) {
    const intervals = dayIntervals(form[day]);
    const alone = { ...emptyWeek(), [day]: intervals };
    const wrong = validateWeeklyHours(alone);
    hours[day] = wrong.length ? [] : intervals;
    if (wrong.length) {
      problems.push({
        field: `businessHours.${day}`,
        code: 'settings.dayHours',
        message: wrong[0],
      });
    }
  }
  return { hours, problems };
}

function emptyWeek(): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((d: Weekday) => [d, []])) as unknown as WeeklyHours;
}

export function calendarPlain(form: CalendarForm, hours: WeeklyHours): Record<string, unknown> {
  return {
    timezone: form.timezone?.trim() ?? '',
    holidayCalendar: form.holidayCalendar ?? '',
    businessHours: hours,
    digestTime: digestTimeOf(form.digestTime),
  };
}

/** "8h30" → "08:30"; empty: null, the opening of business hours; else as typed, for the DTO. */
function digestTimeOf(text: string | undefined): string | null {
  const value = given(text);
  return value === undefined ? null : timeOf(value);
}

export class ClosureForm {
  @Text(10) readonly from?: string;
  @Text(10) readonly to?: string;
}

export class ClosureRemovalForm {
  @Text(10) readonly day?: string;
}

/** A closure added at once covers at most this many days. */
export const MAX_CLOSURE_RANGE_DAYS = 366;

const dayOf = (text: string) => DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: 'utc' });

/**
 * The days of a closure, from `from` to `to` (one day when `to` is empty); a `from` that is no
 * day is passed on as typed, for the DTO to name. An end that is no day, before the start, or
 * more than a year after it, is said beside the end.
 */
export function closureDays(form: ClosureForm): { days: string[]; problems: FieldProblem[] } {
  const from = form.from?.trim() ?? '';
  const to = given(form.to);
  const start = dayOf(from);
  if (to === undefined || to === from || !start.isValid) return { days: [from], problems: [] };
  const end = dayOf(to);
  if (!end.isValid) {
    const message = 'to must be a day YYYY-MM-DD';
    return { days: [], problems: [{ field: 'closures.to', code: 'isLocalDate', message }] };
  }
  const count = Math.round(end.diff(start, 'days').days) + 1;
  if (count < 1 || count > MAX_CLOSURE_RANGE_DAYS) {
    const problem = {
      field: 'closures.to',
      code: 'settings.closureRange',
      message: 'to must be on or after from, at most a year later',
      maxDays: MAX_CLOSURE_RANGE_DAYS,
    };
    return { days: [], problems: [problem] };
  }
  const days = Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate());
  return { days, problems: [] };
}

export class InvoicingForm {
  @Text(40) readonly invoiceNumberFormat?: string;
  @Text(40) readonly creditNoteNumberFormat?: string;
  @Text(10) readonly paymentTermsDays?: string;
  @Text(20) readonly latePenaltyRate?: string;
  @Text(20) readonly vatRegime?: string;
  @Text(20) readonly defaultVatRate?: string;
  @Text(5) readonly locale?: string;
  @Text(20) readonly receivable?: string;
  @Text(20) readonly sales?: string;
  @Text(20) readonly vatCollected?: string;
  @Text(20) readonly journalCode?: string;
  @Text(100) readonly journalLabel?: string;
  @Text(5) readonly vatOnDebits?: string;
  @Text(20) readonly revenueReverseCharge?: string;
  @Text(20) readonly revenueIntraEu?: string;
  @Text(20) readonly revenueExport?: string;
  @Text(20) readonly bank?: string;
  @Text(20) readonly bankJournalCode?: string;
  @Text(100) readonly bankJournalLabel?: string;
  @Text(60) readonly reminderDays?: string;
}

export const INVOICING_PATHS = {
  latePenaltyRate: 'latePenaltyRatePercent',
  defaultVatRate: 'defaultVatRateBp',
  receivable: 'accounts.receivable',
  sales: 'accounts.sales',
  vatCollected: 'accounts.vatCollected',
  journalCode: 'accounts.journalCode',
  journalLabel: 'accounts.journalLabel',
  revenueReverseCharge: 'accounts.revenueReverseCharge',
  revenueIntraEu: 'accounts.revenueIntraEu',
  revenueExport: 'accounts.revenueExport',
  bank: 'accounts.bank',
  bankJournalCode: 'accounts.bankJournalCode',
  bankJournalLabel: 'accounts.bankJournalLabel',
};

export function invoicingValues(p: Practice, locale: string): Values {
  const decimal = (n: number) => (locale === 'fr' ? String(n).replace('.', ',') : String(n));
  return {
    invoiceNumberFormat: p.invoiceNumberFormat,
    creditNoteNumberFormat: p.creditNoteNumberFormat,
    paymentTermsDays: String(p.paymentTermsDays),
    latePenaltyRate: decimal(p.latePenaltyRatePercent),
    vatRegime: p.vatRegime,
    defaultVatRate: decimal(p.defaultVatRateBp / 100),
    locale: p.locale,
    vatOnDebits: p.vatOnDebits ? 'on' : '',
    ...p.accounts,
    reminderDays: p.reminderDays.join(', '),
  };
}

/** "1, 15, 30" → [1, 15, 30]; what is no whole number is kept as typed, for the DTO to name. */
export function reminderDaysOf(text: string | undefined): unknown[] {
  return (text ?? '')
    .split(/[\s,;]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d{1,6}$/.test(part) ? Number(part) : part));
}

/** "12,15", "5.5 %" → hundredths of a percent (1215, 550); null when it is no such percent. */
export function parsePercentHundredths(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f%]/g, '').replace(/^\u2212/, '-');
  const match = /^(-?)(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const hundredths = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] && hundredths !== 0 ? -hundredths : hundredths;
}

export function invoicingPlain(form: InvoicingForm): Record<string, unknown> {
  const late = given(form.latePenaltyRate);
  const vat = given(form.defaultVatRate);
  const lateHundredths = late === undefined ? null : parsePercentHundredths(late);
  const vatBp = vat === undefined ? null : parsePercentHundredths(vat);
  return {
    invoiceNumberFormat: form.invoiceNumberFormat?.trim() ?? '',
    creditNoteNumberFormat: form.creditNoteNumberFormat?.trim() ?? '',
    paymentTermsDays: wholeNumber(form.paymentTermsDays) ?? '',
    latePenaltyRatePercent: lateHundredths === null ? (late ?? '') : lateHundredths / 100,
    vatRegime: form.vatRegime ?? '',
    defaultVatRateBp: vatBp ?? vat ?? '',
    locale: form.locale ?? '',
    vatOnDebits: ticked(form.vatOnDebits),
    reminderDays: reminderDaysOf(form.reminderDays),
    accounts: {
      receivable: form.receivable?.trim() ?? '',
      sales: form.sales?.trim() ?? '',
      vatCollected: form.vatCollected?.trim() ?? '',
      journalCode: form.journalCode?.trim().toUpperCase() ?? '',
      journalLabel: form.journalLabel?.trim() ?? '',
      revenueReverseCharge: form.revenueReverseCharge?.trim() ?? '',
      revenueIntraEu: form.revenueIntraEu?.trim() ?? '',
      revenueExport: form.revenueExport?.trim() ?? '',
      bank: form.bank?.trim() ?? '',
      bankJournalCode: form.bankJournalCode?.trim().toUpperCase() ?? '',
      bankJournalLabel: form.bankJournalLabel?.trim() ?? '',
    },
  };
}

/**
 * The figures left empty, and the percents that are none or above 100 %, said so in percents
 * before the DTO's word on a number or on basis points.
 */
export function invoicingUnreadable(form: InvoicingForm): FieldProblem[] {
  const percents: [string | undefined, string][] = [
    [form.latePenaltyRate, 'latePenaltyRatePercent'],
    [form.defaultVatRate, 'defaultVatRateBp'],
  ];
  const wrong = percents.flatMap(([text, field]): FieldProblem[] => {
    const value = given(text);
    const hundredths = value === undefined ? 0 : parsePercentHundredths(value);
    if (hundredths === null) {
      const message = `${field} must be a percent with at most 2 decimals`;
      return [{ field, code: 'settings.percent', message }];
    }
    if (hundredths > 10_000) {
      const message = `${field} must be at most 100 %`;
      return [{ field, code: 'max', message, max: 100, unit: 'percent' }];
    }
    return [];
  });
  return [...blanks([[form.paymentTermsDays, 'paymentTermsDays'], ...percents]), ...wrong];
}

export class LimitsForm {
  @Text(10) readonly maxWeekly?: string;
  @Text(10) readonly alertWeekly?: string;
  @Text(10) readonly maxDaily?: string;
  @Text(10) readonly minDailyRest?: string;
  @Text(10) readonly minWeeklyDaysOff?: string;
  @Text(10) readonly maxAfterHours?: string;
  @Text(10) readonly maxUrgentInterruptionsPerDay?: string;
  @Text(10) readonly minWeeklyRest?: string;
  @Text(10) readonly maxAverageWeekly?: string;
  @Text(10) readonly averageWeeks?: string;
  @Text(10) readonly maxNight?: string;
  @Text(10) readonly maxConsecutiveWorkDays?: string;
}

/** The limits typed in hours, each with the API field it feeds (in minutes). */
const LIMIT_HOURS = {
  maxWeekly: 'maxWeeklyMinutes',
  alertWeekly: 'alertWeeklyMinutes',
  maxDaily: 'maxDailyMinutes',
  minDailyRest: 'minDailyRestMinutes',
  maxAfterHours: 'maxAfterHoursMinutesPerWeek',
  minWeeklyRest: 'minWeeklyRestMinutes',
  maxAverageWeekly: 'maxAverageWeeklyMinutes',
  maxNight: 'maxNightMinutesPerWeek',
} as const;
const LIMIT_COUNTS = [
  'minWeeklyDaysOff',
  'maxUrgentInterruptionsPerDay',
  'averageWeeks',
  'maxConsecutiveWorkDays',
] as const;

export const LIMITS_PATHS: Record<string, string> = Object.fromEntries([
  ...Object.entries(LIMIT_HOURS).map(([input, field]): [string, string] => [
    input,
    `limits.${field}`,
  ]),
  ...LIMIT_COUNTS.map((input): [string, string] => [input, `limits.${input}`]),
]);

/** Minutes as hours people read: 2880 → "48", 450 → "7,5" (or "7.5"). */
function hoursText(minutes: number, locale: string): string {
  const hours = String(Math.round((minutes / 60) * 100) / 100);
  return locale === 'fr' ? hours.replace('.', ',') : hours;
}

export function limitsValues(p: Practice, locale: string): Values {
  return {
    ...Object.fromEntries(
      Object.entries(LIMIT_HOURS).map(([input, field]) => [
        input,
        hoursText(p.limits[field], locale),
      ]),
    ),
    ...Object.fromEntries(LIMIT_COUNTS.map((input) => [input, String(p.limits[input])])),
  };
}

export function limitsPlain(form: LimitsForm): Record<string, unknown> {
  return {
    limits: {
      ...Object.fromEntries(
        Object.entries(LIMIT_HOURS).map(([input, field]) => [
          field,
          hoursToMinutes(form[input as keyof typeof LIMIT_HOURS]) ?? '',
        ]),
      ),
      ...Object.fromEntries(LIMIT_COUNTS.map((input) => [input, wholeNumber(form[input]) ?? ''])),
    },
  };
}

export function limitsUnreadable(form: LimitsForm): FieldProblem[] {
  const empty = blanks(
    Object.entries(LIMITS_PATHS).map(([input, field]): [string | undefined, string] => [
      form[input as keyof LimitsForm],
      field,
    ]),
  );
  const hours = Object.entries(LIMIT_HOURS)
    .filter(
      ([input]) => typeof hoursToMinutes(form[input as keyof typeof LIMIT_HOURS]) === 'string',
    )
    .map(([, field]) => unreadable(`limits.${field}`, 'form.hours'));
  return [...empty, ...hours];
}

export class PasswordForm {
  @Text(200) readonly currentPassword?: string;
  @Text(200) readonly newPassword?: string;
  @Text(200) readonly newPasswordAgain?: string;
}

/** The second typing of the new password differs from the first: said beside it. */
export function passwordMismatch(form: PasswordForm): FieldProblem[] {
  return (form.newPassword ?? '') === (form.newPasswordAgain ?? '')
    ? []
    : [
        {
          field: 'newPasswordAgain',
          code: 'settings.passwordMismatch',
          message: 'newPasswordAgain must repeat newPassword',
        },
      ];
}

/** A person's row's buttons (a new link, deactivate): their refusals concern the whole row. */
export class UserActionForm {}

/** A person's new role, and their company for the client role. */
export class UserRoleForm {
  @Text(20) readonly role?: string;
  @Text(40) readonly clientId?: string;
}

/** The body of ChangeRoleDto: the company goes with the client role only. */
export function userRolePlain(form: UserRoleForm): Record<string, unknown> {
  const role = given(form.role) ?? '';
  return role === 'client' ? { role, clientId: given(form.clientId) } : { role };
}

/** The settings pages' forms, as PAGE_FORMS lists them (see page-forms.ts). */
export const SETTINGS_FORMS = {
  settingsIdentity: {
    id: 'si',
    form: IdentityForm,
    paths: IDENTITY_PATHS,
    units: { shareCapital: 'euros' },
    label: (input, t) => (input === 'name' ? t('setup.field.practiceName') : undefined),
  },
  settingsLogo: { id: 'sg', form: LogoForm },
  settingsCalendar: {
    id: 'sc',
    form: CalendarForm,
    order: [...WEEKDAYS, 'holidayCalendar', 'timezone', 'digestTime'],
    paths: CALENDAR_PATHS,
    label: (input, t) =>
      (WEEKDAYS as readonly string[]).includes(input)
        ? t('settings.calendar.day', { day: input })
        : undefined,
  },
  settingsClosure: { id: 'sx', form: ClosureForm, paths: { from: 'closures', to: 'closures.to' } },
  settingsClosureRemoval: { id: 'sxr', form: ClosureRemovalForm, paths: { day: 'closures' } },
  settingsInvoicing: {
    id: 'sv',
    form: InvoicingForm,
    paths: INVOICING_PATHS,
    units: {
      paymentTermsDays: 'days',
      latePenaltyRate: 'percent',
      defaultVatRate: 'percent',
      reminderDays: 'days',
    },
    label: (input, t) => (input === 'locale' ? t('setup.field.locale') : undefined),
  },
  settingsLimits: {
    id: 'sl',
    form: LimitsForm,
    paths: LIMITS_PATHS,
    units: Object.fromEntries(Object.keys(LIMIT_HOURS).map((input) => [input, 'hours' as const])),
  },
  activityEdit: {
    id: 'ea',
    form: ActivityForm,
    paths: { rate: 'defaultRateCents' },
    units: { rate: 'euros' },
  },
  userAction: { id: 'ua', form: UserActionForm },
  userRole: { id: 'ur', form: UserRoleForm },
  password: {
    id: 'pw',
    form: PasswordForm,
    label: (input, t) => (input === 'newPasswordAgain' ? t('settings.password.again') : undefined),
  },
} satisfies Record<string, FormSpec>;
