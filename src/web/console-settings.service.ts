import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { HOLIDAY_CALENDARS, WEEKDAYS } from '../common/domain';
import { notFound } from '../common/domain-error';
import { formatDate } from '../common/format';
import type { FieldProblem } from '../common/validation';
import { UpdatePracticeDto } from '../practice/dto/practice.dto';
import type { Practice } from '../practice/practice.entity';
import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS } from '../practice/logo-image';
import { TRADE_REGISTRIES, type LatePenaltyFloor } from '../practice/legal-mentions';
import { readLogoUpload } from '../practice/logo-upload';
import { PracticeLogo, type LogoFile } from '../practice/practice-logo.service';
import { PracticeService } from '../practice/practice.service';
import { checkDto } from './console-forms';
import type { FormOutcome } from './console-pages';
import {
  calendarPlain,
  calendarValues,
  weekOf,
  type CalendarForm,
} from './console-settings-calendar-form';
import {
  closureDays,
  type ClosureForm,
  type ClosureRemovalForm,
} from './console-settings-closure-forms';
import { identityPlain, identityValues, type IdentityForm } from './console-settings-identity-form';
import {
  invoicingPlain,
  invoicingUnreadable,
  invoicingValues,
  type InvoicingForm,
} from './console-settings-invoicing-form';
import {
  limitsPlain,
  limitsUnreadable,
  limitsValues,
  type LimitsForm,
} from './console-settings-limits-form';
import { attempt, type FormProblem } from './form-problems';
import { LEGAL_FORMS } from './web-setup-form';

/** The sections of the practice's settings, each a page with one form saved all at once. */
export const SETTINGS_SECTIONS = ['identity', 'calendar', 'invoicing', 'limits'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

type Values = Record<string, string | undefined>;

/** What a section's page shows: the practice as it is, its form's values and problems. */
export interface SectionPage {
  section: SettingsSection;
  practice: Practice;
  form: Values;
  problems: FormProblem[];
  saved: boolean;
  [more: string]: unknown;
}

/**
 * The practice's settings on the console: identity, calendar (with its closure days), invoicing
 * and burnout limits. Each form is the API's PATCH of the practice, checked by its DTO and its
 * coherence rules, saved whole or not at all; a refused form comes back as typed.
 */
@Injectable()
export class ConsoleSettings {
  constructor(
    private readonly practice: PracticeService,
    private readonly logos: PracticeLogo,
  ) {}

  /** The overview: every section's current values, with the way to each page. */
  async overview() {
    return { practice: await this.practice.get() };
  }

  /** A section's page, showing the stored values unless `form` brings those typed. */
  async page(
    section: SettingsSection,
    locale: string,
    form?: Values,
    problems: FormProblem[] = [],
    saved = false,
  ): Promise<SectionPage> {
    const practice = await this.practice.get();
    return {
      section,
      practice,
      form: form ?? valuesOf(section, practice, locale),
      problems,
      saved,
      ...choices(section, locale, this.practice.latePenaltyFloor(practice)),
    };
  }

  saveIdentity(form: IdentityForm, locale: string): Promise<FormOutcome> {
    return this.save('identity', locale, form, identityPlain(form));
  }

  /** The uploaded logo (multipart, field `logo`) saved; else the page, its problem beside it. */
  async saveLogo(request: FastifyRequest, locale: string): Promise<FormOutcome> {
    const outcome = await attempt(async () => {
      await this.logos.set(await readLogoUpload(request));
      return { problems: [] as FormProblem[] };
    });
    return this.logoAnswer(outcome, locale);
  }

  async removeLogo(locale: string): Promise<FormOutcome> {
    const outcome = await attempt(async () => {
      await this.logos.remove();
      return { problems: [] as FormProblem[] };
    });
    return this.logoAnswer(outcome, locale);
  }

  /** The current logo's bytes; 404 when there is none. */
  async logo(): Promise<LogoFile> {
    const logo = await this.logos.current();
    if (!logo) throw notFound('logo');
    return logo;
  }

  private async logoAnswer(
    outcome: { problems: FormProblem[]; status: number },
    locale: string,
  ): Promise<FormOutcome> {
    if (outcome.problems.length === 0) return { redirect: '/console/settings/identity?saved=1' };
    const page = await this.page('identity', locale);
    return { page: { ...page, logoProblems: outcome.problems }, status: outcome.status };
  }

  saveCalendar(form: CalendarForm, locale: string): Promise<FormOutcome> {
    const week = weekOf(form);
    return this.save('calendar', locale, form, calendarPlain(form, week.hours), week.problems);
  }

  saveInvoicing(form: InvoicingForm, locale: string): Promise<FormOutcome> {
    const unread = invoicingUnreadable(form);
    return this.save('invoicing', locale, form, invoicingPlain(form), unread);
  }

  saveLimits(form: LimitsForm, locale: string): Promise<FormOutcome> {
    return this.save('limits', locale, form, limitsPlain(form), limitsUnreadable(form));
  }

  /** Adds a closure day, or every day of a range, to those already there. */
  async addClosure(form: ClosureForm, locale: string): Promise<FormOutcome> {
    const { days, problems } = closureDays(form);
    const current = (await this.practice.get()).closures;
    const closures = [...new Set([...current, ...days])].sort();
    const outcome = await this.patch({ closures }, problems);
    if (outcome.problems.length === 0) return { redirect: '/console/settings/calendar?saved=1' };
    const page = await this.page('calendar', locale);
    return {
      page: { ...page, closure: { ...form }, closureProblems: outcome.problems },
      status: outcome.status,
    };
  }

  /** Takes a day off the closure days; a day that is not one changes nothing. */
  async removeClosure(form: ClosureRemovalForm, locale: string): Promise<FormOutcome> {
    const current = (await this.practice.get()).closures;
    const outcome = await this.patch({ closures: current.filter((day) => day !== form.day) });
    if (outcome.problems.length === 0) return { redirect: '/console/settings/calendar?saved=1' };
    const page = await this.page('calendar', locale);
    return { page: { ...page, removalProblems: outcome.problems }, status: outcome.status };
  }

  private async save(
    section: SettingsSection,
    locale: string,
    form: object,
    plain: Record<string, unknown>,
    unread: FieldProblem[] = [],
  ): Promise<FormOutcome> {
    const outcome = await this.patch(plain, unread);
    if (outcome.problems.length === 0) {
      return { redirect: `/console/settings/${section}?saved=1` };
    }
    return {
      page: await this.page(section, locale, { ...(form as Values) }, outcome.problems),
      status: outcome.status,
    };
  }

  /** One PATCH of the practice, as the API takes it: all of it, or nothing and its problems. */
  private patch(plain: Record<string, unknown>, unread: FieldProblem[] = []) {
    return attempt(async () => {
      const checked = await checkDto(UpdatePracticeDto, plain, unread);
      if (checked.value) await this.practice.update(checked.value);
      return { problems: checked.problems as FormProblem[] };
    });
  }
}

function valuesOf(section: SettingsSection, p: Practice, locale: string): Values {
  switch (section) {
    case 'identity':
      return identityValues(p, locale);
    case 'calendar':
      return calendarValues(p);
    case 'invoicing':
      return invoicingValues(p, locale);
    case 'limits':
      return limitsValues(p, locale);
  }
}

/** The choices a section's selects offer, and the penalty floor of the practice's today. */
function choices(
  section: SettingsSection,
  locale: string,
  floor: LatePenaltyFloor,
): Record<string, unknown> {
  switch (section) {
    case 'identity':
      return {
        legalForms: LEGAL_FORMS,
        tradeRegistries: ['', ...TRADE_REGISTRIES],
        logoLimits: { maxKilobytes: LOGO_MAX_BYTES / 1024, maxPixels: LOGO_MAX_PIXELS },
      };
    case 'calendar':
      return { weekdays: WEEKDAYS, holidayCalendars: HOLIDAY_CALENDARS };
    case 'invoicing':
      return {
        vatRegimes: ['franchise', 'standard'],
        locales: ['fr', 'en'],
        penaltyFloor: {
          floor: floor.percent,
          legalInterestRate: floor.legalInterestRatePercent,
          rateSince: formatDate(floor.rateSince, locale === 'en' ? 'en' : 'fr'),
        },
      };
    case 'limits':
      return {};
  }
}
