import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from '../auth/dto/password-reset.dto';
import { PasswordReset } from '../auth/password-reset.service';
import { AppConfigService } from '../common/app-config.service';
import { DomainError } from '../common/domain-error';
import { UpdateNotificationsDto } from '../users/dto/notifications.dto';
import { NotificationSettings, type UnsubscribeLink } from '../users/notification-settings.service';
import { TOPIC_FIELDS, topicsFor } from '../users/notification-topics';
import {
  notificationsPlain,
  resetMismatch,
  type ForgotPasswordForm,
  type NotificationsForm,
  type ResetPasswordForm,
} from './account-mail-forms';
import { checkDto } from './console-forms';
import { formFailure, type FormFailure, type FormProblem } from './form-problems';

/** Where a form goes next, or the problems to show on it. */
export type PageOutcome = { redirect: string } | FormFailure;

/**
 * The pages of one's mail and password without signing in (a forgotten password, a one-click
 * unsubscribe) and one's notifications, through the API's services.
 */
@Injectable()
export class AccountMailPages {
  constructor(
    private readonly reset: PasswordReset,
    private readonly settings: NotificationSettings,
    private readonly config: AppConfigService,
  ) {}

  get resetMinutes(): number {
    return this.config.values.RESET_TTL_MINUTES;
  }

  /** The link asked for: the same page next whatever the address, once it reads as one. */
  async forgot(form: ForgotPasswordForm): Promise<PageOutcome> {
    const checked = await checkDto(PasswordResetRequestDto, { email: form.email?.trim() ?? '' });
    if (!checked.value) return { status: 400, problems: checked.problems };
    await this.reset.request(checked.value);
    return { redirect: '/forgot-password/sent' };
  }

  /** The new password chosen: to the sign-in page, which says so; else the problems. */
  async choose(form: ResetPasswordForm): Promise<PageOutcome> {
    const plain = { token: form.token ?? '', password: form.password ?? '' };
    const checked = await checkDto(PasswordResetConfirmDto, plain, resetMismatch(form));
    const tokenProblem = checked.problems.find((p) => p.field === 'token');
    if (tokenProblem) return linkRefused('invalid');
    if (!checked.value) return { status: 400, problems: checked.problems };
    try {
      await this.reset.confirm(checked.value);
      return { redirect: '/login?reset=1' };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid.reset_token') {
        const reason = error.details?.[0]?.reason === 'expired' ? 'expired' : 'invalid';
        return linkRefused(reason);
      }
      return formFailure(error);
    }
  }

  async notificationsPage(viewer: AuthUser, problems: FormProblem[] = [], values?: object) {
    const current = await this.settings.get(viewer);
    const topics = topicsFor(viewer.role).map((topic) => ({
      topic,
      field: TOPIC_FIELDS[topic],
      on: (current.notifications as Record<string, boolean | undefined>)[TOPIC_FIELDS[topic]],
    }));
    return { current, topics, problems, values: values ?? null };
  }

  async saveNotifications(viewer: AuthUser, form: NotificationsForm): Promise<PageOutcome> {
    const fields = topicsFor(viewer.role).map((t) => TOPIC_FIELDS[t]);
    const checked = await checkDto(UpdateNotificationsDto, notificationsPlain(form, fields));
    if (!checked.value) return { status: 400, problems: checked.problems };
    try {
      await this.settings.update(viewer, checked.value);
      return { redirect: '/account/notifications?saved=1' };
    } catch (error) {
      return formFailure(error);
    }
  }

  /** What a one-click link turns off, or null when the link is not valid. */
  async unsubscribeLink(token: string): Promise<UnsubscribeLink | null> {
    return refusedAsNull(() => this.settings.link(token));
  }

  async unsubscribe(token: string): Promise<UnsubscribeLink | null> {
    return refusedAsNull(() => this.settings.unsubscribe(token));
  }
}

/** A link that no longer works, said above the form, with the way to a new one. */
function linkRefused(reason: 'invalid' | 'expired'): FormFailure {
  const details = [{ field: 'token', message: 'the link is not valid', reason }];
  return {
    status: 400,
    problems: [{ field: '', code: 'invalid.reset_token', message: 'link refused', details }],
  };
}

async function refusedAsNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid.unsubscribe_token') return null;
    throw error;
  }
}
