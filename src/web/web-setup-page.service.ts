import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { SessionView, SetupDto } from '../auth/dto/auth.dto';
import { isPasswordWeakness, weaknessAdvice } from '../auth/password-strength';
import { HOLIDAY_CALENDARS, WEEKDAYS } from '../common/domain';
import { COMPANY_LEGAL_FORMS } from '../practice/legal-mentions';
import { DomainError } from '../common/domain-error';
import { catalogue, type Locale } from '../i18n';
import { User } from '../users/user.entity';
import { checkDto } from './console-forms';
import { formFailure, type FormProblem } from './form-problems';
import {
  LEGAL_FORMS,
  registrationLeftOut,
  SETUP_TRADE_REGISTRIES,
  setupFormDefaults,
  setupPlain,
  shownProblems,
  typedAgain,
  type SetupForm,
} from './web-setup-form';
import { HOME } from './web-session';

/** The first-start page: the form (as typed, or its defaults) and its problems. */
export type SetupPageView = {
  done: false;
  form: Record<string, string | string[] | undefined>;
  problems: FormProblem[];
  /** The page's own words for an input's problem: a guessable password, with why. */
  texts: Record<string, string>;
  timezones: string[];
  legalForms: readonly string[];
  /** The forms whose registration and capital are asked for (by their first word). */
  companyForms: readonly string[];
  tradeRegistries: readonly string[];
  holidayCalendars: readonly string[];
  weekdays: readonly string[];
};

/** What a submitted form comes to: a session to open, the page again, or "already set up". */
export type SetupOutcome =
  { session: SessionView } | { page: SetupPageView | { done: true }; status: number };

const ALREADY_DONE = { page: { done: true as const }, status: 409 };

/**
 * The first start from the web: while no user exists, `/` and `/login` lead to `/setup`, whose
 * form makes the API's setup (AuthService.setup, with its checks, its lock and its limit per
 * address), then signs the consultant in. Once a user exists it never shows again.
 */
@Injectable()
export class SetupPage {
  /** Once set up, always set up: users are deactivated, never deleted. */
  private setUp = false;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly auth: AuthService,
  ) {}

  async isNeeded(): Promise<boolean> {
    if (!this.setUp) this.setUp = await this.users.exists();
    return !this.setUp;
  }

  /** Where `/` leads: the setup while nobody exists, else the signed-in user's home or sign-in. */
  async landing(sessionToken: string | null): Promise<string> {
    if (await this.isNeeded()) return '/setup';
    const user = sessionToken ? await this.auth.authenticate(sessionToken) : null;
    return user ? HOME[user.role] : `/login?next=${encodeURIComponent('/')}`;
  }

  /** The form as first shown, with the defaults; null once set up (the page is gone). */
  async blank(locale: Locale): Promise<SetupPageView | null> {
    if (!(await this.isNeeded())) return null;
    return view(setupFormDefaults(locale), []);
  }

  /**
   * Checks the form with the API's own DTO, then makes the setup: the session to open, or the
   * page again with each problem beside its field, or 409 when someone else was first.
   */
  async submit(form: SetupForm, locale: Locale): Promise<SetupOutcome> {
    if (!(await this.isNeeded())) return ALREADY_DONE;
    const checked = await checkDto(SetupDto, setupPlain(form));
    if (!checked.value) {
      const problems = [...checked.problems, ...registrationLeftOut(form)];
      return { page: view(typedAgain(form), shownProblems(form, problems)), status: 400 };
    }
    try {
      const session = await this.auth.setup(checked.value);
      this.setUp = true;
      return { session };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict.setup_done') {
        this.setUp = true;
        return ALREADY_DONE;
      }
      const { status, problems } = formFailure(error);
      // The practice's own checks name its fields from the practice down.
      const named =
        error instanceof DomainError && error.code === 'invalid.practice'
          ? problems.map((p) => (p.field ? { ...p, field: `practice.${p.field}` } : p))
          : problems;
      return { page: view(typedAgain(form), named, locale), status };
    }
  }
}

function view(
  form: SetupPageView['form'],
  problems: FormProblem[],
  locale?: Locale,
): SetupPageView {
  const weak = problems.find((p) => p.field === 'password');
  const t = locale && catalogue().translator(locale);
  const texts: Record<string, string> =
    t && isPasswordWeakness(weak)
      ? { password: [t('invite.weak'), weaknessAdvice(weak, locale)].filter(Boolean).join(' ') }
      : {};
  return {
    done: false,
    form,
    problems,
    texts,
    timezones: Intl.supportedValuesOf('timeZone'),
    legalForms: LEGAL_FORMS,
    companyForms: COMPANY_LEGAL_FORMS,
    tradeRegistries: SETUP_TRADE_REGISTRIES,
    holidayCalendars: HOLIDAY_CALENDARS,
    weekdays: WEEKDAYS,
  };
}
