import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { SESSION_COOKIE, sessionCookieOf } from '../auth/access.guard';
import { AuthService } from '../auth/auth.service';
import { AcceptInviteDto, LoginDto, SessionView } from '../auth/dto/auth.dto';
import { isPasswordWeakness, weaknessAdvice } from '../auth/password-strength';
import { DomainError } from '../common/domain-error';
import { errorText } from '../common/error-text';
import { SignInStep } from '../common/throttle.guard';
import { LANG_COOKIE } from './i18n';
import { WebErrorFilter } from './web-error.filter';
import { PageRequest, WebPages } from './web-pages';
import { SetupPage } from './web-setup-page.service';
import { HOME, openSession } from './web-session';

/** Sign-in, sign-out, invitations and the language switch of the web pages. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class WebAuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly pages: WebPages,
    private readonly setup: SetupPage,
  ) {}

  /** The role's home; sign-in when signed out; the first-start page while nobody exists. */
  @Public()
  @Get()
  async home(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.pages.redirect(reply, await this.setup.landing(sessionCookieOf(req)));
  }

  @Public()
  @Get('login')
  async loginForm(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('next') next?: string,
    @Query('reset') reset?: string,
  ): Promise<FastifyReply> {
    if (await this.setup.isNeeded()) return this.pages.redirect(reply, '/setup');
    const page = { next: safeNext(next), error: null, email: '', reset: reset === '1' };
    return this.pages.render(req, reply, 'login', page);
  }

  @Public()
  @SignInStep('login')
  @Post('login')
  async login(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() dto: LoginDto,
    @Query('next') next?: string,
  ): Promise<FastifyReply> {
    try {
      const session = await this.auth.login(dto);
      return this.signIn(req, reply, session, safeNext(next));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const locked = error.kind === 'too_many';
      // Locked out: the API's own words, with the wait it names, in the page's language.
      const message = locked
        ? errorText(this.pages.locale(req), error.code, error.message, error.details).message
        : null;
      return this.pages.render(
        req,
        reply,
        'login',
        { next: safeNext(next), error: 'login.failed', message, email: dto.email },
        locked ? 429 : 401,
      );
    }
  }

  /** Public, so that a stale cookie still leads to the sign-in page; a valid one is ended everywhere. */
  @Public()
  @Post('logout')
  async logout(@Req() req: PageRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.auth.signOutToken(sessionCookieOf(req));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return this.pages.redirect(reply, '/login');
  }

  @Public()
  @Get('invite')
  inviteForm(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query('token') token = '',
  ): FastifyReply {
    return this.pages.render(req, reply, 'invite', { token, error: null, reason: null });
  }

  @Public()
  @SignInStep('invite')
  @Post('invite')
  async acceptInvite(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() dto: AcceptInviteDto,
  ): Promise<FastifyReply> {
    try {
      return this.signIn(req, reply, await this.auth.acceptInvite(dto), null);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // A weak password: the form again, with the reason in the reader's language.
      const detail = error.details?.[0];
      const weakness = isPasswordWeakness(detail) ? detail : null;
      return this.pages.render(
        req,
        reply,
        'invite',
        {
          token: dto.token,
          error: weakness ? 'invite.weak' : 'invite.invalid',
          reason: weakness ? weaknessAdvice(weakness, this.pages.locale(req)) : null,
        },
        weakness ? 400 : 401,
      );
    }
  }

  @Public()
  @Get('lang/:code')
  language(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Param('code') code: string,
  ): FastifyReply {
    const lang = code === 'en' ? 'en' : 'fr';
    void reply.setCookie(LANG_COOKIE, lang, {
      path: '/',
      sameSite: 'lax',
      maxAge: 365 * 24 * 3600,
    });
    const back = safeNext(
      typeof req.headers.referer === 'string'
        ? new URL(req.headers.referer, 'http://x').pathname
        : null,
    );
    return this.pages.redirect(reply, back ?? '/');
  }

  private signIn(
    req: PageRequest,
    reply: FastifyReply,
    session: SessionView,
    next: string | null,
  ): FastifyReply {
    openSession(req, reply, session);
    return this.pages.redirect(reply, next ?? HOME[session.user.role]);
  }
}

/** Only same-site paths, never another origin. */
function safeNext(next: string | null | undefined): string | null {
  return next && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : null;
}
