import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { ActivitiesService } from '../activities/activities.service';
import { CreateActivityDto } from '../activities/dto/activity.dto';
import { ClientsService } from '../clients/clients.service';
import { ACTIVITY_KINDS } from '../common/domain';
import { CreateUserDto, InvitedUserView } from '../users/dto/users.dto';
import { UsersService } from '../users/users.service';
import { checkDto } from './console-forms';
import {
  ACTIVITY_FORM_DEFAULTS,
  activityPlain,
  activityUnreadable,
  invitationPlain,
  type ActivityForm,
  type InvitationForm,
} from './console-first-steps-forms';
import type { FormOutcome } from './console-pages';
import { attempt, type FormProblem } from './form-problems';

const ALL = { limit: 500, offset: 0 };

type Values = Record<string, string | undefined>;

/** The link an invited person opens to choose a password, shown once. */
export interface InvitationLink {
  displayName: string;
  link: string;
  expiresAt: string;
}

/**
 * Two steps of a new practice on the console, through the API's services and DTOs: the kinds of
 * work with their rates, and the invitations of a client's staff (and of the accountant), each
 * answered with the link to give, since it is shown once.
 */
@Injectable()
export class ConsoleFirstSteps {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly clients: ClientsService,
    private readonly users: UsersService,
  ) {}

  async activitiesPage(form: Values = ACTIVITY_FORM_DEFAULTS, problems: FormProblem[] = []) {
    return {
      activities: (await this.activities.list(ALL)).items,
      kinds: ACTIVITY_KINDS,
      form,
      problems,
    };
  }

  /** A new activity, checked as the API checks it; the page again with the problems if refused. */
  async addActivity(form: ActivityForm): Promise<FormOutcome> {
    const outcome = await attempt(async () => {
      const checked = await checkDto(
        CreateActivityDto,
        activityPlain(form),
        activityUnreadable(form),
      );
      if (checked.value) await this.activities.create(checked.value);
      return { problems: checked.problems };
    });
    if (outcome.problems.length === 0) return { redirect: '/console/activities' };
    return {
      page: await this.activitiesPage({ ...form }, outcome.problems),
      status: outcome.status,
    };
  }

  async staffPage(
    viewer: AuthUser,
    form: Values = {},
    problems: FormProblem[] = [],
    invited: InvitationLink | null = null,
  ) {
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
      })),
      form,
      problems,
      invited,
    };
  }

  /**
   * Invites a client's staff member or the accountant: the page again with the link to give
   * them (shown this once, made for `origin`, the address the console is reached at), or with
   * the problems.
   */
  async invite(viewer: AuthUser, form: InvitationForm, origin: string): Promise<FormOutcome> {
    const outcome = await attempt(async () => {
      const checked = await checkDto(CreateUserDto, invitationPlain(form));
      const invited = checked.value ? await this.users.invite(checked.value) : undefined;
      return { problems: checked.problems, invited };
    });
    if ('invited' in outcome && outcome.invited) {
      const link = linkOf(outcome.invited, origin);
      return { page: await this.staffPage(viewer, {}, [], link), status: 200 };
    }
    return {
      page: await this.staffPage(viewer, { ...form }, outcome.problems),
      status: outcome.status,
    };
  }
}

function linkOf(invited: InvitedUserView, origin: string): InvitationLink {
  return {
    displayName: invited.user.displayName,
    link: `${origin}/invite?token=${encodeURIComponent(invited.inviteToken)}`,
    expiresAt: invited.inviteExpiresAt,
  };
}
