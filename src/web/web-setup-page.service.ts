import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { SessionView, SetupDto } from '../auth/dto/auth.dto';
import { isPasswordWeakness, weaknessAdvice } from '../auth/password-strength';
import { HOLIDAY_CALENDARS, WEEKDAYS } from '../common/domain';
import { DomainError, type ErrorDetail } from '../common/domain-error';
import { problemText } from '../common/error-text';
import { catalogue, type Locale } from '../i18n';
import { User } from '../users/user.entity';
import { checkDto } from './console-forms';
import {
  formFieldOf,
  LEGAL_FORMS,
  SETUP_FIELDS,
  setupFormDefaults,
  setupPlain,
  shownProblems,
  typedAgain,
  type SetupField,
  type SetupForm,
} from './web-setup-form';
import { HOME } from './web-session';

/** One problem of the form, in the reader's words, beside the field it belongs to. */
export interface SetupProblem {
  field: SetupField;
  message: string;
}

/** The first-start page: the form (as typed, or its defaults) and its problems. */
export type SetupPageView = {
  done: false;
  form: Record<string, string | string[] | undefined>;
  problems: SetupProblem[];
  /** The messages of each field, for the field itself. */
  byField: Partial<Record<SetupField, string[]>>;
  timezones: string[];
  legalForms: readonly string[];
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
    return view(setupFormDefaults(locale), [], locale);
  }

  /**
   * Checks the form with the API's own DTO, then makes the setup: the session to open, or the
   * page again with each problem beside its field (400), or 409 when someone else was first.
   */
  async submit(form: SetupForm, locale: Locale): Promise<SetupOutcome> {
    if (!(await this.isNeeded())) return ALREADY_DONE;
    const checked = await checkDto(SetupDto, setupPlain(form));
    if (!checked.value) {
      const problems = shownProblems(form, checked.problems);
      return { page: view(typedAgain(form), problems, locale), status: 400 };
    }
    try {
      const session = await this.auth.setup(checked.value);
      this.setUp = true;
      return { session };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'conflict.setup_done') {
        this.setUp = true;
        return ALREADY_DONE;
      }
      if (error.kind !== 'invalid') throw error;
      const details = error.details?.length ? error.details : [{ message: error.message }];
      return { page: view(typedAgain(form), details, locale), status: 400 };
    }
  }
}

function view(form: SetupPageView['form'], details: ErrorDetail[], locale: Locale): SetupPageView {
  const problems = problemsOf(details, locale);
  const byField: SetupPageView['byField'] = {};
  for (const p of problems) (byField[p.field] ??= []).push(p.message);
  return {
    done: false,
    form,
    problems,
    byField,
    timezones: Intl.supportedValuesOf('timeZone'),
    legalForms: LEGAL_FORMS,
    holidayCalendars: HOLIDAY_CALENDARS,
    weekdays: WEEKDAYS,
  };
}

/** One message per field and reason, in the order of the form. */
function problemsOf(details: ErrorDetail[], locale: Locale): SetupProblem[] {
  const order: readonly string[] = SETUP_FIELDS;
  const seen = new Set<string>();
  return details
    .map((d) => {
      const field = formFieldOf(d.field ?? '');
      return { field, message: wordsOf(d, field, locale) };
    })
    .filter((p) => {
      const key = `${p.field}\u0000${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => rank(order, a.field) - rank(order, b.field));
}

const rank = (order: readonly string[], field: string) =>
  field === 'form' ? -1 : order.indexOf(field);

/**
 * A problem in the reader's language: a weak password with the reason and advice; a coded
 * problem from the catalogue (`problem.<code>`); else what the field expects (`setup.problem.*`).
 */
function wordsOf(detail: ErrorDetail, field: SetupField, locale: Locale): string {
  const t = catalogue().translator(locale);
  if (isPasswordWeakness(detail)) {
    return [t('invite.weak'), weaknessAdvice(detail, locale)].filter(Boolean).join(' ');
  }
  const coded = problemText(locale, detail);
  return coded !== detail.message ? coded : t(`setup.problem.${field}`);
}
