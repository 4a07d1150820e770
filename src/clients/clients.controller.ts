import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiErrorResponses, PageOf } from '../common/openapi';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { Client } from './client.entity';
import { ClientsService } from './clients.service';
import { ClientQuery, CreateClientDto, UpdateClientDto } from './dto/client.dto';
import { ClientView } from './dto/client.response';

@ApiTags('clients')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @Roles('consultant')
  @ApiOperation({ summary: 'Create a client company' })
  @ApiCreatedResponse({ type: ClientView })
  create(@Body() dto: CreateClientDto): Promise<Client> {
    return this.clients.create(dto);
  }

  @Get()
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({ summary: 'List clients (a client user sees only its own company)' })
  @ApiOkResponse({ type: PageOf(ClientView) })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ClientQuery): Promise<Page<Client>> {
    return this.clients.list(viewer, query);
  }

  @Get(':id')
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({ summary: 'Read a client' })
  @ApiOkResponse({ type: ClientView })
  get(@CurrentUser() viewer: AuthUser, @UuidParam() id: string): Promise<Client> {
    return this.clients.get(viewer, id);
  }

  @Patch(':id')
  @Roles('consultant')
  @ApiOperation({ summary: 'Change a client' })
  @ApiOkResponse({ type: ClientView })
  update(@UuidParam() id: string, @Body() dto: UpdateClientDto): Promise<Client> {
    return this.clients.update(id, dto);
  }

  @Delete(':id')
  @Roles('consultant')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a client, or archive it when contracts, users or invoices refer to it',
  })
  @ApiNoContentResponse({ description: 'Deleted, or archived' })
  async remove(@UuidParam() id: string): Promise<void> {
    await this.clients.remove(id);
  }

  @Post(':id/restore')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived client back' })
  @ApiOkResponse({ type: ClientView })
  restore(@UuidParam() id: string): Promise<Client> {
    return this.clients.restore(id);
  }
}
