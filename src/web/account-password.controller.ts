import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import type { Role } from '../common/domain';
import { SignInStep } from '../common/throttle.guard';
import { AccountPassword } from './account-password.service';
import { ACCOUNTANT_NAV } from './accounting-page.service';
import { CONSOLE_NAV } from './console-pages';
import { PasswordForm } from './account-password-form';
import { NAV as PORTAL_NAV } from './portal.controller';
import { WebErrorFilter } from './web-error.filter';
import { WebPages, type PageRequest } from './web-pages';
import { openSession } from './web-session';

/** Each role's pages around its own account's. */
export const NAV: Record<Role, readonly { href: string; label: string }[]> = {
  consultant: CONSOLE_NAV,
  client: PORTAL_NAV,
  accountant: ACCOUNTANT_NAV,
};

const PAGE = '/account/password';

/** One's own password, for every role: the current one, the new one twice. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant', 'client', 'accountant')
@Controller('account')
export class AccountPasswordController {
  constructor(
    private readonly pages: WebPages,
    private readonly password: AccountPassword,
  ) {}

  @Get('password')
  form(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query('saved') saved?: string) {
    const page = { nav: NAV[req.user!.role], problems: [], saved: !!saved };
    return this.pages.render(req, reply, 'account-password', page);
  }

  /** Changed: this browser signed in again with a new session, every other one signed out. */
  @SignInStep('password')
  @Post('password')
  async change(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: PasswordForm) {
    const outcome = await this.password.change(req.user!, form);
    if ('session' in outcome) {
      openSession(req, reply, outcome.session);
      return this.pages.redirect(reply, `${PAGE}?saved=1`);
    }
    const page = { nav: NAV[req.user!.role], problems: outcome.problems, saved: false };
    return this.pages.render(req, reply, 'account-password', page, outcome.status);
  }
}
