import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ConsolePages } from './console-pages';
import { CalendarForm } from './console-settings-calendar-form';
import { ClosureForm, ClosureRemovalForm } from './console-settings-closure-forms';
import { IdentityForm } from './console-settings-identity-form';
import { InvoicingForm } from './console-settings-invoicing-form';
import { LimitsForm } from './console-settings-limits-form';
import { ConsoleSettings, type SettingsSection } from './console-settings.service';
import { WebErrorFilter } from './web-error.filter';
import { WebPages, type PageRequest } from './web-pages';

const TEMPLATE: Record<SettingsSection, string> = {
  identity: 'console/settings-identity',
  calendar: 'console/settings-calendar',
  invoicing: 'console/settings-invoicing',
  limits: 'console/settings-limits',
};

/** The practice's settings: an overview, and a page a section, each with its form. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/settings')
export class ConsoleSettingsController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly web: WebPages,
    private readonly settings: ConsoleSettings,
  ) {}

  @Get()
  async overview(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    return this.pages.render(req, reply, 'console/settings', await this.settings.overview());
  }

  @Get('identity')
  identity(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query('saved') saved?: string) {
    return this.show('identity', req, reply, saved);
  }

  @Post('identity')
  async saveIdentity(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: IdentityForm,
  ) {
    const outcome = await this.settings.saveIdentity(form, this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.identity, outcome);
  }

  /** The current logo, as the identity page shows it. */
  @Get('identity/logo')
  async logo(@Res() reply: FastifyReply) {
    const logo = await this.settings.logo();
    return reply
      .header('content-type', logo.mediaType)
      .header('cache-control', 'private, no-store')
      .send(logo.bytes);
  }

  /** The logo's upload (multipart, its token in the action's query). */
  @Post('identity/logo')
  async saveLogo(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    const outcome = await this.settings.saveLogo(req, this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.identity, outcome);
  }

  @Post('identity/logo/remove')
  async removeLogo(@Req() req: PageRequest, @Res() reply: FastifyReply) {
    const outcome = await this.settings.removeLogo(this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.identity, outcome);
  }

  @Get('calendar')
  calendar(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query('saved') saved?: string) {
    return this.show('calendar', req, reply, saved);
  }

  @Post('calendar')
  async saveCalendar(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: CalendarForm,
  ) {
    const outcome = await this.settings.saveCalendar(form, this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.calendar, outcome);
  }

  @Post('calendar/closures')
  async addClosure(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: ClosureForm) {
    const outcome = await this.settings.addClosure(form, this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.calendar, outcome);
  }

  @Post('calendar/closures/remove')
  async removeClosure(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ClosureRemovalForm,
  ) {
    const outcome = await this.settings.removeClosure(form, this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.calendar, outcome);
  }

  @Get('invoicing')
  invoicing(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query('saved') saved?: string) {
    return this.show('invoicing', req, reply, saved);
  }

  @Post('invoicing')
  async saveInvoicing(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: InvoicingForm,
  ) {
    const outcome = await this.settings.saveInvoicing(form, this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.invoicing, outcome);
  }

  @Get('limits')
  limits(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query('saved') saved?: string) {
    return this.show('limits', req, reply, saved);
  }

  @Post('limits')
  async saveLimits(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: LimitsForm) {
    const outcome = await this.settings.saveLimits(form, this.web.locale(req));
    return this.pages.answer(req, reply, TEMPLATE.limits, outcome);
  }

  /** A section's page; `saved` once its form was saved (the redirect after the post says so). */
  private async show(
    section: SettingsSection,
    req: PageRequest,
    reply: FastifyReply,
    saved: string | undefined,
  ) {
    const page = await this.settings.page(section, this.web.locale(req), undefined, [], !!saved);
    return this.pages.render(req, reply, TEMPLATE[section], page);
  }
}
