import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ActivityForm, InvitationForm } from './console-first-steps-forms';
import { ConsoleFirstSteps } from './console-first-steps.service';
import { ConsolePages } from './console-pages';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';

/** The practice's activities and the people given access, with the forms that add them. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console')
export class ConsoleFirstStepsController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly steps: ConsoleFirstSteps,
  ) {}

  @Get('activities')
  async activities(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    const page = await this.steps.activitiesPage();
    return this.pages.render(req, reply, 'console/activities', page);
  }

  @Post('activities')
  async addActivity(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ActivityForm,
  ) {
    const outcome = await this.steps.addActivity(form);
    return this.pages.answer(req, reply, 'console/activities', outcome);
  }

  @Get('staff')
  async staff(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    const page = await this.steps.staffPage(req.user!);
    return this.pages.render(req, reply, 'console/staff', page);
  }

  /** The invitation's link is made for the address the consultant reached the console at. */
  @Post('staff')
  async invite(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: InvitationForm) {
    const origin = `${req.protocol}://${req.host}`;
    const outcome = await this.steps.invite(req.user!, form, origin);
    return this.pages.answer(req, reply, 'console/staff', outcome);
  }
}
