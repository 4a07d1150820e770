/**
 * The console's forms of a practice's first steps, as a browser posts them (every field a
 * string): a new activity, and an invitation of a client's staff member or of the accountant;
 * and their translation into the API's bodies, checked by the API's DTOs.
 */
import type { FieldProblem } from '../common/validation';
import { given, parseAmountCents, Text, ticked, unreadable } from './console-forms';

export class ActivityForm {
  @Text(120) readonly name?: string;
  @Text(20) readonly kind?: string;
  @Text(30) readonly rate?: string;
  @Text(5) readonly billable?: string;
}

/** A new activity as first offered: support, billable. */
export const ACTIVITY_FORM_DEFAULTS = { kind: 'support', billable: 'on' } as const;

/** The body of CreateActivityDto: "90", "90,50" € an hour → cents; unreadable → as typed. */
export function activityPlain(form: ActivityForm): Record<string, unknown> {
  const rate = given(form.rate);
  return {
    name: form.name?.trim() ?? '',
    kind: given(form.kind),
    defaultRateCents: rate === undefined ? undefined : (parseAmountCents(rate) ?? rate),
    billable: ticked(form.billable),
  };
}

/** A rate that is no amount in euros, said so in euros before the DTO's word on its cents. */
export function activityUnreadable(form: ActivityForm): FieldProblem[] {
  const rate = given(form.rate);
  return rate !== undefined && parseAmountCents(rate) === null
    ? [unreadable('defaultRateCents', 'form.amount')]
    : [];
}

export class InvitationForm {
  /** A client's id for its staff, or "accountant". */
  @Text(40) readonly who?: string;
  @Text() readonly displayName?: string;
  @Text() readonly email?: string;
}

/** The body of CreateUserDto: a client's staff member, or the practice's accountant. */
export function invitationPlain(form: InvitationForm): Record<string, unknown> {
  const who = given(form.who);
  return {
    email: form.email?.trim() ?? '',
    displayName: form.displayName?.trim() ?? '',
    role: who === 'accountant' ? 'accountant' : 'client',
    ...(who === 'accountant' ? {} : { clientId: who }),
  };
}
