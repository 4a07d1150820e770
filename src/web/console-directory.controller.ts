import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ContractListQuery, MonthQuery, SearchQuery } from './console-forms';
import { ConsoleDirectory } from './console-directory.service';
import { ConsolePages } from './console-pages';
import { ClientForm, ContractForm } from './console-setup-forms';
import { gaugeSvg } from './svg-charts';
import { WebErrorFilter } from './web-error.filter';
import { localeOf } from './i18n';
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
    const page = await this.directory.clientsPage(req.user!, query.q);
    return this.pages.render(req, reply, 'console/clients', page);
  }

  @Post('clients')
  async createClient(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ClientForm,
  ): Promise<FastifyReply> {
    const outcome = await this.directory.submitClient(req.user!, form);
    return this.pages.answer(req, reply, 'console/clients', outcome);
  }

  @Get('clients/:id')
  async client(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const page = await this.directory.clientEditPage(req.user!, id);
    return this.pages.render(req, reply, 'console/client', page);
  }

  @Post('clients/:id')
  async editClient(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: ClientForm,
  ): Promise<FastifyReply> {
    const outcome = await this.directory.submitClientEdit(req.user!, id, form);
    return this.pages.answer(req, reply, 'console/client', outcome);
  }

  @Post('clients/:id/archive')
  async archiveClient(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    return this.pages.answer(req, reply, 'console/client', await this.directory.archiveClient(id));
  }

  @Get('contracts')
  async contracts(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query() query: ContractListQuery,
  ) {
    const page = await this.directory.contractsPage(req.user!, query.clientId);
    return this.pages.render(req, reply, 'console/contracts', page);
  }

  @Post('contracts')
  async createContract(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: ContractForm,
  ): Promise<FastifyReply> {
    const outcome = await this.directory.submitContract(req.user!, form);
    return this.pages.answer(req, reply, 'console/contracts', outcome);
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

  @Get('contracts/:id/edit')
  async contractEdit(@Req() req: PageRequest, @Res() reply: FastifyReply, @UuidParam() id: string) {
    const page = await this.directory.contractEditPage(req.user!, id, localeOf(req));
    return this.pages.render(req, reply, 'console/contract-edit', page);
  }

  @Post('contracts/:id')
  async editContract(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
    @Body() form: ContractForm,
  ): Promise<FastifyReply> {
    const outcome = await this.directory.submitContractEdit(req.user!, id, localeOf(req), form);
    return this.pages.answer(req, reply, 'console/contract-edit', outcome);
  }

  @Post('contracts/:id/archive')
  async archiveContract(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @UuidParam() id: string,
  ): Promise<FastifyReply> {
    const outcome = await this.directory.archiveContract(id);
    return this.pages.answer(req, reply, 'console/contract-edit', outcome);
  }
}
