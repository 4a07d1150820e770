import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { Client } from './client.entity';
import { ClientsService } from './clients.service';
import { ClientQuery, CreateClientDto, UpdateClientDto } from './dto/client.dto';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @Roles('consultant')
  @ApiOperation({ summary: 'Create a client company' })
  create(@Body() dto: CreateClientDto): Promise<Client> {
    return this.clients.create(dto);
  }

  @Get()
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({ summary: 'List clients (a client user sees only its own company)' })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ClientQuery): Promise<Page<Client>> {
    return this.clients.list(viewer, query);
  }

  @Get(':id')
  @Roles('consultant', 'accountant', 'client')
  @ApiOperation({ summary: 'Read a client' })
  get(@CurrentUser() viewer: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<Client> {
    return this.clients.get(viewer, id);
  }

  @Patch(':id')
  @Roles('consultant')
  @ApiOperation({ summary: 'Change a client' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateClientDto): Promise<Client> {
    return this.clients.update(id, dto);
  }

  @Delete(':id')
  @Roles('consultant')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a client, or archive it when contracts, users or invoices refer to it',
  })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.clients.remove(id);
  }

  @Post(':id/restore')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived client back' })
  restore(@Param('id', ParseUUIDPipe) id: string): Promise<Client> {
    return this.clients.restore(id);
  }
}
