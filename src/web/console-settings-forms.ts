/**
 * The settings pages' forms as PAGE_FORMS lists them: each form's id, its inputs' API fields, units
 * and labels. Each form, with the values it first shows and its translation into the API's
 * UpdatePracticeDto, stands in a file of its own (console-settings-*-form.ts).
 */
import { WEEKDAYS } from '../common/domain';
import { PasswordForm } from './account-password-form';
import { ActivityForm } from './console-first-steps-forms';
import { CALENDAR_PATHS, CalendarForm } from './console-settings-calendar-form';
import { ClosureForm, ClosureRemovalForm } from './console-settings-closure-forms';
import { IDENTITY_PATHS, IdentityForm, LogoForm } from './console-settings-identity-form';
import { INVOICING_PATHS, InvoicingForm } from './console-settings-invoicing-form';
import { LIMITS_PATHS, LIMITS_UNITS, LimitsForm } from './console-settings-limits-form';
import { UserActionForm, UserRoleForm } from './console-settings-people-forms';
import type { FormSpec } from './form-problems';

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
    units: LIMITS_UNITS,
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
