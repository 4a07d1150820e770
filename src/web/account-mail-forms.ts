import type { FieldProblem } from '../common/validation';
import { given, Text, ticked } from './console-forms';
import type { FormSpec } from './form-problems';

/** The forgotten password page: the account's address. */
export class ForgotPasswordForm {
  @Text(254) readonly email?: string;
}

/** The new password page: the link's token (hidden), the new password twice. */
export class ResetPasswordForm {
  @Text(200) readonly token?: string;
  @Text(200) readonly password?: string;
  @Text(200) readonly passwordAgain?: string;
}

/** One's notifications: a box per notification of one's role, and the mail's language. */
export class NotificationsForm {
  /** The boxes the page showed, comma-separated: only those are read (an unticked box sends nothing). */
  @Text(200) readonly shown?: string;
  @Text(5) readonly locale?: string;
  @Text(5) readonly requestCritical?: string;
  @Text(5) readonly digest?: string;
  @Text(5) readonly weeklyReport?: string;
  @Text(5) readonly myRequests?: string;
  @Text(5) readonly quotaAlert?: string;
}

/** The second typing of the new password differs from the first: said beside it. */
export function resetMismatch(form: ResetPasswordForm): FieldProblem[] {
  return (form.password ?? '') === (form.passwordAgain ?? '')
    ? []
    : [
        {
          field: 'passwordAgain',
          code: 'settings.passwordMismatch',
          message: 'passwordAgain must repeat password',
        },
      ];
}

/**
 * The body of UpdateNotificationsDto: each box the page showed of the role, ticked or not; the
 * language when the page sent one ('' is the practice's).
 */
export function notificationsPlain(
  form: NotificationsForm,
  fields: readonly string[],
): Record<string, unknown> {
  const boxes = form as Record<string, string | undefined>;
  const shown = (form.shown ?? '').split(',').filter((f) => fields.includes(f));
  return {
    ...(form.locale === undefined ? {} : { locale: given(form.locale) ?? null }),
    notifications: Object.fromEntries(shown.map((f) => [f, ticked(boxes[f])])),
  };
}

/** These pages' forms, as PAGE_FORMS lists them (see page-forms.ts). */
export const ACCOUNT_MAIL_FORMS = {
  forgotPassword: { id: 'fp', form: ForgotPasswordForm },
  resetPassword: { id: 'rp', form: ResetPasswordForm },
  notifications: {
    id: 'nt',
    form: NotificationsForm,
    paths: {
      requestCritical: 'notifications.requestCritical',
      digest: 'notifications.digest',
      weeklyReport: 'notifications.weeklyReport',
      myRequests: 'notifications.myRequests',
      quotaAlert: 'notifications.quotaAlert',
    },
  },
} satisfies Record<string, FormSpec>;
