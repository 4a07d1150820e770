import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ContractListQuery, MonthQuery, SearchQuery } from './console-forms';
import { ConsoleDirectory } from './console-directory.service';
import { attempt, ConsolePages } from './console-pages';
import { ClientForm, ContractForm } from './console-setup-forms';
import { gaugeSvg } from './svg-charts';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';
import { UuidParam } from '../common/validation';

/** Clients and contracts, each contract with its usage of the month. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console')
export class ConsoleDirectoryController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly directory: ConsoleDirectory,
  ) {}

  @Get('clients')
  async clients(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: SearchQuery) {
    const data = await this.directory.clientList(req.user!, query.q);
    return this.pages.render(req, reply, 'console/clients', { ...data, form: {}, problems: [] });
  }

  @Post('clients')
  async createClient(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ClientForm,
  ): Promise<FastifyReply> {
    const failed = await attempt(() => this.directory.createClient(form));
    if (failed.problems.length === 0) return this.pages.redirect(reply, '/console/clients');
    const data = await this.directory.clientList(req.user!, undefined);
    const page = { ...data, form, problems: failed.problems };
    return this.pages.render(req, reply, 'console/clients', page, failed.status);
  }

  @Get('contracts')
  async contracts(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query() query: ContractListQuery,
  ) {
    const data = await this.directory.contractList(req.user!, query.clientId);
    const form = { ...(await this.directory.contractDefaults()), clientId: query.clientId };
    return this.pages.render(req, reply, 'console/contracts', { ...data, form, problems: [] });
  }

  @Post('contracts')
  async createContract(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ContractForm,
  ): Promise<FastifyReply> {
    const outcome = await attempt(() => this.directory.createContract(form));
    if ('contract' in outcome && outcome.contract) {
      return this.pages.redirect(reply, `/console/contracts/${outcome.contract.id}`);
    }
    const data = await this.directory.contractList(req.user!, undefined);
    const page = { ...data, form, problems: outcome.problems };
    return this.pages.render(req, reply, 'console/contracts', page, outcome.status);
  }

  @Get('contracts/:id')
  async contract(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Query() query: MonthQuery,
  ) {
    const data = await this.directory.contract(req.user!, id, query.month);
    return this.pages.render(req, reply, 'console/contract', { ...data, gauge: gaugeSvg });
  }
}
