import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/auth.decorators';
import { SignInStep } from '../common/throttle.guard';
import { ForgotPasswordForm, NotificationsForm, ResetPasswordForm } from './account-mail-forms';
import { AccountMailPages, type PageOutcome } from './account-mail.service';
import { NAV } from './account-password.controller';
import { WebErrorFilter } from './web-error.filter';
import { WebPages, type PageRequest } from './web-pages';

/**
 * A forgotten password (the link asked for, then a new password chosen with it), one's
 * notifications, and the one-click unsubscribe page that mail readers may also POST to
 * (RFC 8058: no sign-in, no CSRF token; the signed token is the proof).
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class AccountMailController {
  constructor(
    private readonly pages: WebPages,
    private readonly mail: AccountMailPages,
  ) {}

  @Public()
  @Get('forgot-password')
  forgotForm(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    return this.pages.render(req, reply, 'forgot-password', { problems: [], values: {} });
  }

  @Public()
  @SignInStep('reset')
  @Post('forgot-password')
  async forgot(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ForgotPasswordForm,
  ) {
    const outcome = await this.mail.forgot(form);
    return this.answer(req, reply, outcome, 'forgot-password', { values: { ...form } });
  }

  @Public()
  @Get('forgot-password/sent')
  sent(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    return this.pages.render(req, reply, 'forgot-password-sent', {
      minutes: this.mail.resetMinutes,
    });
  }

  @Public()
  @Get('reset-password')
  resetForm(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query('token') token = '') {
    return this.pages.render(req, reply, 'reset-password', { token, problems: [] });
  }

  @Public()
  @SignInStep('reset')
  @Post('reset-password')
  async reset(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ResetPasswordForm,
  ) {
    const outcome = await this.mail.choose(form);
    return this.answer(req, reply, outcome, 'reset-password', { token: form.token ?? '' });
  }

  @Roles('consultant', 'client', 'accountant')
  @Get('account/notifications')
  async notifications(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('saved') saved?: string,
  ) {
    const page = await this.mail.notificationsPage(req.user!);
    const nav = NAV[req.user!.role];
    return this.pages.render(req, reply, 'account-notifications', { ...page, nav, saved: !!saved });
  }

  @Roles('consultant', 'client', 'accountant')
  @Post('account/notifications')
  async saveNotifications(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: NotificationsForm,
  ) {
    const outcome = await this.mail.saveNotifications(req.user!, form);
    if ('redirect' in outcome) return this.pages.redirect(reply, outcome.redirect);
    const page = await this.mail.notificationsPage(req.user!, outcome.problems, { ...form });
    const data = { ...page, nav: NAV[req.user!.role], saved: false };
    return this.pages.render(req, reply, 'account-notifications', data, outcome.status);
  }

  @Public()
  @Get('unsubscribe')
  async unsubscribeForm(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('token') token = '',
  ) {
    const link = await this.mail.unsubscribeLink(token);
    return this.pages.render(
      req,
      reply,
      'unsubscribe',
      { token, link, done: false },
      link ? 200 : 400,
    );
  }

  /** One click, from the page's button or straight from a mail reader: that kind turned off. */
  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  async unsubscribe(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('token') token = '',
  ) {
    const link = await this.mail.unsubscribe(token);
    return this.pages.render(
      req,
      reply,
      'unsubscribe',
      { token, link, done: !!link },
      link ? 200 : 400,
    );
  }

  private answer(
    req: PageRequest,
    reply: FastifyReply,
    outcome: PageOutcome,
    template: string,
    data: Record<string, unknown>,
  ) {
    if ('redirect' in outcome) return this.pages.redirect(reply, outcome.redirect);
    const page = { ...data, problems: outcome.problems };
    return this.pages.render(req, reply, template, page, outcome.status);
  }
}
