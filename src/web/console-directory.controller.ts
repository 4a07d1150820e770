import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ContractListQuery, MonthQuery, SearchQuery } from './console-forms';
import { ConsoleDirectory } from './console-directory.service';
import { ConsolePages } from './console-pages';
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
    return this.pages.render(req, reply, 'console/clients', data);
  }

  @Get('contracts')
  async contracts(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query() query: ContractListQuery,
  ) {
    const data = await this.directory.contractList(req.user!, query.clientId);
    return this.pages.render(req, reply, 'console/contracts', data);
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
