import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { ClientsService } from '../clients/clients.service';
import { notFound } from '../common/domain-error';
import { ChangeRoleDto, CreateUserDto, type InvitedUserView } from '../users/dto/users.dto';
import { UsersService } from '../users/users.service';
import { checkDto } from './console-forms';
import { invitationPlain, type InvitationForm } from './console-first-steps-forms';
import type { FormOutcome } from './console-pages';
import { userRolePlain, type UserRoleForm } from './console-settings-people-forms';
import { attempt, formFailure, type FormProblem } from './form-problems';

const ALL = { limit: 500, offset: 0 };
const LIST = '/console/users';

type Values = Record<string, string | undefined>;

/** The link an invited person opens to choose a password, shown once. */
export interface InvitationLink {
  displayName: string;
  link: string;
  expiresAt: string;
}

/** An invitation just made: whom for, its token (shown once, never stored) and its end. */
export interface Invitation {
  displayName: string;
  token: string;
  expiresAt: string;
}

/** A form's outcome; an invitation made also gives what to show once, after the redirect. */
export type InvitationOutcome = FormOutcome & { invitation?: Invitation };

/** What the page shows beside the list: the form's values and problems, a link, a refusal. */
export interface UsersPageState {
  form?: Values;
  problems?: FormProblem[];
  invited?: InvitationLink | null;
  /** A refused action on one person (resend, deactivate): its problems, for that row. */
  refused?: { userId: string; problems: FormProblem[] } | null;
  /** A refused change of role: the person, the values chosen and the problems, for that row. */
  roleRefused?: { userId: string; form: Values; problems: FormProblem[] } | null;
}

/**
 * The people given access, on the console, through the API's services: listed with their role
 * and state (invited, active, deactivated), invited (a client's staff member or the
 * accountant), invited again with a new link, deactivated and activated again. An invitation's
 * link is made for the address the console is reached at, and shown once, on the page the
 * form redirects to (see invitation-cookie.ts): the API keeps only the token's digest.
 */
@Injectable()
export class ConsoleUsers {
  constructor(
    private readonly clients: ClientsService,
    private readonly users: UsersService,
  ) {}

  async page(viewer: AuthUser, state: UsersPageState = {}) {
    const [clients, users] = await Promise.all([
      this.clients.list(viewer, ALL),
      this.users.list(ALL),
    ]);
    const names = new Map(clients.items.map((c) => [c.id, c.name]));
    return {
      clients: clients.items,
      people: users.items.map((u) => ({
        ...u,
        clientName: u.clientId ? (names.get(u.clientId) ?? '') : '',
        state: !u.active ? 'inactive' : u.passwordSet ? 'active' : 'invited',
        self: u.id === viewer.id,
      })),
      form: state.form ?? {},
      problems: state.problems ?? [],
      invited: state.invited ?? null,
      refused: state.refused ?? null,
      roleRefused: state.roleRefused ?? null,
    };
  }

  /**
   * Invites a client's staff member or the accountant: back to the list with the invitation to
   * give them, or the page again with the problems.
   */
  async invite(viewer: AuthUser, form: InvitationForm): Promise<InvitationOutcome> {
    const outcome = await attempt(async () => {
      const checked = await checkDto(CreateUserDto, invitationPlain(form));
      const invited = checked.value ? await this.users.invite(checked.value) : undefined;
      return { problems: checked.problems, invited };
    });
    if ('invited' in outcome && outcome.invited) {
      return { redirect: LIST, invitation: invitationOf(outcome.invited) };
    }
    const state = { form: { ...form }, problems: outcome.problems };
    return { page: await this.page(viewer, state), status: outcome.status };
  }

  /** A new link for someone who has not chosen a password yet; the previous link stops working. */
  async reinvite(viewer: AuthUser, id: string): Promise<InvitationOutcome> {
    try {
      return { redirect: LIST, invitation: invitationOf(await this.users.reinvite(id)) };
    } catch (error) {
      return this.refusedOn(viewer, id, error);
    }
  }

  async deactivate(viewer: AuthUser, id: string): Promise<FormOutcome> {
    try {
      await this.users.deactivate(viewer, id);
      return { redirect: LIST };
    } catch (error) {
      return this.refusedOn(viewer, id, error);
    }
  }

  /** A new role for someone else: back to the list, or the page with the problems on their row. */
  async changeRole(viewer: AuthUser, id: string, form: UserRoleForm): Promise<FormOutcome> {
    const outcome = await attempt(async () => {
      const checked = await checkDto(ChangeRoleDto, userRolePlain(form));
      const changed = checked.value ? await this.users.changeRole(viewer, id, checked.value) : null;
      return { problems: checked.problems, changed };
    });
    if ('changed' in outcome && outcome.changed) return { redirect: LIST };
    if (outcome.status === 404) throw notFound('user');
    const roleRefused = { userId: id, form: { ...form }, problems: outcome.problems };
    return { page: await this.page(viewer, { roleRefused }), status: outcome.status };
  }

  /** Gives a deactivated person their access back; where to go next. */
  async activate(id: string): Promise<string> {
    await this.users.activate(id);
    return LIST;
  }

  /** A refusal of an action on one person, shown on that person's row; an unknown one is 404. */
  private async refusedOn(viewer: AuthUser, id: string, error: unknown): Promise<FormOutcome> {
    const failure = formFailure(error);
    if (failure.status === 404) throw error;
    const refused = { userId: id, problems: failure.problems };
    return { page: await this.page(viewer, { refused }), status: failure.status };
  }
}

function invitationOf(invited: InvitedUserView): Invitation {
  return {
    displayName: invited.user.displayName,
    token: invited.inviteToken,
    expiresAt: invited.inviteExpiresAt,
  };
}

/** The link an invited person opens, made for the address the console is reached at. */
export function invitationLink(invitation: Invitation, origin: string): InvitationLink {
  return {
    displayName: invitation.displayName,
    link: `${origin}/invite?token=${encodeURIComponent(invitation.token)}`,
    expiresAt: invitation.expiresAt,
  };
}
