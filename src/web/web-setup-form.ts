/**
 * The first-start form as a browser posts it (every field a string, the working days a list of
 * checkboxes), and its translation into the body of the API's setup (SetupDto), whose checks
 * (identifiers taken as typed, spaces and all) name the API fields that each input feeds.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEFAULT_BUSINESS_HOURS, WEEKDAYS, type Weekday, type WeeklyHours } from '../common/domain';
import type { Problem } from '../common/problem';
import { registrationProblems, TRADE_REGISTRIES } from '../practice/legal-mentions';
import { given, many, Text } from './console-forms';
import { shareCapitalOf } from './console-settings-identity-form';

export class SetupForm {
  @Text() readonly displayName?: string;
  @Text() readonly email?: string;
  @Text(200) readonly password?: string;
  @Text() readonly practiceName?: string;
  @Text(60) readonly legalForm?: string;
  // A company's registration and share capital, asked for when the legal form is a company's.
  @Text(5) readonly tradeRegistry?: string;
  @Text(100) readonly tradeRegistryCity?: string;
  @Text(30) readonly shareCapital?: string;
  @Text(40) readonly siren?: string;
  @Text(40) readonly siret?: string;
  @Text(20) readonly vatRegime?: string;
  @Text(40) readonly vatNumber?: string;
  @Text() readonly line1?: string;
  @Text() readonly line2?: string;
  @Text(20) readonly postalCode?: string;
  @Text(100) readonly city?: string;
  @Text(10) readonly country?: string;
  @Text() readonly practiceEmail?: string;
  @ApiPropertyOptional({ type: [String], enum: WEEKDAYS })
  @IsOptional()
  @IsIn(WEEKDAYS, { each: true })
  readonly days?: string | string[];
  @Text(10) readonly opens?: string;
  @Text(10) readonly closes?: string;
  @Text(100) readonly timezone?: string;
  @Text(10) readonly holidayCalendar?: string;
  @Text(5) readonly locale?: string;
}

/** The API field each input feeds (SetupDto); the consultant's own fields are named alike. */
export const SETUP_PATHS: Readonly<Record<string, string>> = {
  practiceName: 'practice.name',
  legalForm: 'practice.legalForm',
  tradeRegistry: 'practice.tradeRegistry',
  tradeRegistryCity: 'practice.tradeRegistryCity',
  shareCapital: 'practice.shareCapitalCents',
  siren: 'practice.siren',
  siret: 'practice.siret',
  vatRegime: 'practice.vatRegime',
  vatNumber: 'practice.vatNumber',
  line1: 'practice.address.line1',
  line2: 'practice.address.line2',
  postalCode: 'practice.address.postalCode',
  city: 'practice.address.city',
  country: 'practice.address.country',
  practiceEmail: 'practice.email',
  // The opening hours' problems are shown beside the opening time.
  opens: 'practice.businessHours',
  timezone: 'practice.timezone',
  holidayCalendar: 'practice.holidayCalendar',
  locale: 'practice.locale',
};

/** The legal forms offered first; the API takes any short text. */
export const LEGAL_FORMS = ['EI', 'EURL', 'SASU', 'SARL', 'SAS'] as const;

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
  return {
    email,
    password: form.password ?? '',
    displayName: form.displayName?.trim() ?? '',
    practice: {
      name: form.practiceName?.trim() ?? '',
      legalForm: form.legalForm?.trim() ?? '',
      tradeRegistry: given(form.tradeRegistry) ?? null,
      tradeRegistryCity: given(form.tradeRegistryCity) ?? null,
      shareCapitalCents: shareCapitalOf(form.shareCapital),
      siren: form.siren ?? '',
      siret: given(form.siret),
      vatNumber: given(form.vatNumber),
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

/** The registries a company chooses from (none: an individual entrepreneur). */
export const SETUP_TRADE_REGISTRIES = ['', ...TRADE_REGISTRIES] as const;

/**
 * What a company leaves out of its registration, named on the first sending with the other
 * problems (the practice's own checks would say it only once those are solved).
 */
export function registrationLeftOut(form: SetupForm): Problem[] {
  const capital = shareCapitalOf(form.shareCapital);
  const registry = given(form.tradeRegistry);
  return registrationProblems({
    legalForm: form.legalForm ?? '',
    tradeRegistry: registry === 'RCS' || registry === 'RM' ? registry : null,
    tradeRegistryCity: given(form.tradeRegistryCity) ?? null,
    // A capital that is no amount is the DTO's to name.
    shareCapitalCents: capital === null ? null : 0,
  }).map((p) => ({ ...p, field: `practice.${p.field}` }));
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
