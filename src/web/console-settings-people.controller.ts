import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/validation';
import { ActivityForm, InvitationForm } from './console-first-steps-forms';
import { ConsolePages } from './console-pages';
import { UserRoleForm } from './console-settings-people-forms';
import { ConsoleActivities } from './console-settings-activities.service';
import {
  ConsoleUsers,
  invitationLink,
  type InvitationOutcome,
} from './console-settings-users.service';
import { keepInvitation, takeInvitation } from './invitation-cookie';
import { WebErrorFilter } from './web-error.filter';
import { WebPages, type PageRequest } from './web-pages';

/** The address the console was reached at: an invitation's link is made for it. */
const originOf = (req: PageRequest) => `${req.protocol}://${req.host}`;

/** The practice's activities and the people given access, each with its forms. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console')
export class ConsoleSettingsPeopleController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly web: WebPages,
    private readonly activities: ConsoleActivities,
    private readonly users: ConsoleUsers,
  ) {}

  @Get('activities')
  async activityList(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    return this.pages.render(req, reply, 'console/activities', await this.activities.listPage());
  }

  @Post('activities')
  async addActivity(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ActivityForm,
  ) {
    const outcome = await this.activities.add(form);
    return this.pages.answer(req, reply, 'console/activities', outcome);
  }

  @Get('activities/:id')
  async activity(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const page = await this.activities.editPage(id, this.web.locale(req));
    return this.pages.render(req, reply, 'console/settings-activity', page);
  }

  @Post('activities/:id')
  async updateActivity(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: ActivityForm,
  ) {
    const outcome = await this.activities.update(id, form, this.web.locale(req));
    return this.pages.answer(req, reply, 'console/settings-activity', outcome);
  }

  @Post('activities/:id/archive')
  async archiveActivity(@Res() reply: FastifyReply, @UuidParam() id: string) {
    return this.pages.redirect(reply, await this.activities.archive(id));
  }

  @Post('activities/:id/restore')
  async restoreActivity(@Res() reply: FastifyReply, @UuidParam() id: string) {
    return this.pages.redirect(reply, await this.activities.restore(id));
  }

  @Get('users')
  async userList(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    const invitation = takeInvitation(req, reply);
    const invited = invitation ? invitationLink(invitation, originOf(req)) : null;
    const page = await this.users.page(req.user!, { invited });
    return this.pages.render(req, reply, 'console/users', page);
  }

  @Post('users')
  async invite(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: InvitationForm) {
    return this.invited(req, reply, await this.users.invite(req.user!, form));
  }

  @Post('users/:id/invite')
  async reinvite(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    return this.invited(req, reply, await this.users.reinvite(req.user!, id));
  }

  @Post('users/:id/deactivate')
  async deactivate(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const outcome = await this.users.deactivate(req.user!, id);
    return this.pages.answer(req, reply, 'console/users', outcome);
  }

  @Post('users/:id/role')
  async changeRole(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: UserRoleForm,
  ) {
    const outcome = await this.users.changeRole(req.user!, id, form);
    return this.pages.answer(req, reply, 'console/users', outcome);
  }

  @Post('users/:id/activate')
  async activate(@Res() reply: FastifyReply, @UuidParam() id: string) {
    return this.pages.redirect(reply, await this.users.activate(id));
  }

  /** An invitation made: its link kept for the list's page, shown there once. */
  private invited(req: PageRequest, reply: FastifyReply, outcome: InvitationOutcome) {
    if (outcome.invitation) keepInvitation(req, reply, outcome.invitation);
    return this.pages.answer(req, reply, 'console/users', outcome);
  }
}
