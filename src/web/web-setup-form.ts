/**
 * The first-start form as a browser posts it (every field a string, the working days a list of
 * checkboxes), its translation into the body of the API's setup (SetupDto), and back: which
 * field of the form each problem of the DTO or of the services belongs to.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DEFAULT_BUSINESS_HOURS, WEEKDAYS, type Weekday, type WeeklyHours } from '../common/domain';
import { normalizeVatNumber } from '../common/identifiers';
import { given, many } from './console-forms';

const Text = (max = 200): PropertyDecorator => {
  const decorators = [ApiPropertyOptional(), IsOptional(), IsString(), MaxLength(max)];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

export class SetupForm {
  @Text() readonly displayName?: string;
  @Text() readonly email?: string;
  @Text(200) readonly password?: string;
  @Text() readonly practiceName?: string;
  @Text(20) readonly legalForm?: string;
  @Text(40) readonly siren?: string;
  @Text(40) readonly siret?: string;
  @Text(40) readonly vatNumber?: string;
  @Text(20) readonly vatRegime?: string;
  @Text() readonly line1?: string;
  @Text() readonly line2?: string;
  @Text(20) readonly postalCode?: string;
  @Text(100) readonly city?: string;
  @Text(10) readonly country?: string;
  @Text() readonly practiceEmail?: string;
  @Text(100) readonly timezone?: string;
  @Text(10) readonly holidayCalendar?: string;
  @Text(10) readonly opens?: string;
  @Text(10) readonly closes?: string;
  @ApiPropertyOptional({ type: [String], enum: WEEKDAYS })
  @IsOptional()
  @IsIn(WEEKDAYS, { each: true })
  readonly days?: string | string[];
  @Text(5) readonly locale?: string;
}

/** The legal forms offered first; the API takes any short text. */
export const LEGAL_FORMS = ['EI', 'EURL', 'SASU', 'SARL', 'SAS'] as const;

/** The form's fields in the order they are shown: problems are listed in this order too. */
export const SETUP_FIELDS = [
  'displayName',
  'email',
  'password',
  'practiceName',
  'legalForm',
  'siren',
  'siret',
  'vatRegime',
  'vatNumber',
  'line1',
  'line2',
  'postalCode',
  'city',
  'country',
  'practiceEmail',
  'timezone',
  'holidayCalendar',
  'hours',
  'locale',
] as const;
export type SetupField = (typeof SETUP_FIELDS)[number] | 'form';

type Values = Record<string, string | string[] | undefined>;

const [DEFAULT_OPENS, DEFAULT_CLOSES] = DEFAULT_BUSINESS_HOURS.mon[0];

/**
 * The form as first shown: the defaults of PRODUCT.md (Paris time, French public holidays,
 * Monday to Friday 09:00–18:00, no VAT charged), documents in the reader's language.
 */
export function setupFormDefaults(locale: string): Values {
  return {
    legalForm: 'EI',
    vatRegime: 'franchise',
    country: 'FR',
    timezone: 'Europe/Paris',
    holidayCalendar: 'FR',
    opens: DEFAULT_OPENS,
    closes: DEFAULT_CLOSES,
    days: WEEKDAYS.filter((day) => DEFAULT_BUSINESS_HOURS[day].length > 0),
    locale,
  };
}

/** The form as typed, to show again: every field but the password. */
export function typedAgain(form: SetupForm): Values {
  const { password: _password, ...rest } = form;
  return { ...rest, days: many(form.days) };
}

/** "732 829 320" → "732829320": spaces (plain or non-breaking) are how people write them. */
function compact(value: string | undefined): string | undefined {
  return given(value)?.replace(/[\s\u00a0\u202f]/g, '');
}

/** Opening hours the same on each ticked day; the DTO checks the times themselves. */
function weeklyHours(form: SetupForm): WeeklyHours {
  const days = many(form.days);
  const span: [string, string] = [form.opens?.trim() ?? '', form.closes?.trim() ?? ''];
  return Object.fromEntries(
    WEEKDAYS.map((day: Weekday) => [day, days.includes(day) ? [span] : []]),
  ) as WeeklyHours;
}

/** The body of SetupDto; empty optional fields are absent, a blank practice email is yours. */
export function setupPlain(form: SetupForm): Record<string, unknown> {
  const email = form.email?.trim() ?? '';
  const vatNumber = given(form.vatNumber);
  return {
    email,
    password: form.password ?? '',
    displayName: form.displayName?.trim() ?? '',
    practice: {
      name: form.practiceName?.trim() ?? '',
      legalForm: form.legalForm?.trim() ?? '',
      siren: compact(form.siren) ?? '',
      siret: compact(form.siret),
      vatNumber: vatNumber === undefined ? undefined : normalizeVatNumber(vatNumber),
      vatRegime: given(form.vatRegime),
      address: {
        line1: form.line1?.trim() ?? '',
        line2: given(form.line2),
        postalCode: form.postalCode?.trim() ?? '',
        city: form.city?.trim() ?? '',
        country: (given(form.country) ?? '').toUpperCase(),
      },
      email: given(form.practiceEmail) ?? email,
      timezone: given(form.timezone),
      holidayCalendar: given(form.holidayCalendar),
      businessHours: weeklyHours(form),
      locale: given(form.locale),
    },
  };
}

/** Fields of the practice whose form field has another name. */
const RENAMED: Partial<Record<string, SetupField>> = {
  name: 'practiceName',
  email: 'practiceEmail',
  businessHours: 'hours',
};

/**
 * The form field a problem belongs to, from the path the DTO or a service names:
 * `practice.address.city` → city, `practice.email` → practiceEmail, `siret` (the practice's
 * coherence rules) → siret; anything else belongs to the form as a whole.
 */
export function formFieldOf(path: string): SetupField {
  const known: readonly string[] = SETUP_FIELDS;
  if (['email', 'password', 'displayName'].includes(path)) return path as SetupField;
  const inPractice = path.replace(/^practice\./, '').replace(/^address\./, '');
  const head = inPractice.split(/[.[]/)[0];
  const field = RENAMED[head] ?? head;
  return known.includes(field) ? (field as SetupField) : 'form';
}

/**
 * The problems the form shows: a blank practice email is the consultant's own, whose problem is
 * already shown beside it.
 */
export function shownProblems<T extends { field?: string }>(form: SetupForm, problems: T[]): T[] {
  return given(form.practiceEmail)
    ? problems
    : problems.filter((p) => p.field !== 'practice.email');
}
