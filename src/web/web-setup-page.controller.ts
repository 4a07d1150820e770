import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { SignInStep } from '../common/throttle.guard';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';
import { SetupForm } from './web-setup-form';
import { SetupPage } from './web-setup-page.service';
import { HOME, openSession } from './web-session';

/** The first start: the practice and its consultant, created from the web while nobody exists. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('setup')
export class WebSetupPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly setup: SetupPage,
  ) {}

  /** Once set up, the page is gone: on to sign-in. */
  @Public()
  @Get()
  async form(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const page = await this.setup.blank(this.pages.locale(req));
    if (!page) return this.pages.redirect(reply, '/login');
    return this.pages.render(req, reply, 'setup', page);
  }

  /** Shares the API's setup limit per address; signs the consultant in on success. */
  @Public()
  @SignInStep('setup')
  @Post()
  async create(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: SetupForm,
  ): Promise<FastifyReply> {
    const outcome = await this.setup.submit(form, this.pages.locale(req));
    if ('page' in outcome)
      return this.pages.render(req, reply, 'setup', outcome.page, outcome.status);
    openSession(req, reply, outcome.session);
    return this.pages.redirect(reply, HOME[outcome.session.user.role]);
  }
}
