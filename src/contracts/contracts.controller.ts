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
import { ContractsService, ContractView } from './contracts.service';
import { ContractQuery, CreateContractDto, UpdateContractDto } from './dto/contract.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @Roles('consultant')
  @ApiOperation({ summary: 'Create a contract: billing terms and urgency policy' })
  create(@Body() dto: CreateContractDto): Promise<ContractView> {
    return this.contracts.create(dto);
  }

  @Get()
  @Roles('consultant', 'client')
  @ApiOperation({ summary: "List contracts (a client user sees only its own company's)" })
  list(
    @CurrentUser() viewer: AuthUser,
    @Query() query: ContractQuery,
  ): Promise<Page<ContractView>> {
    return this.contracts.list(viewer, query);
  }

  @Get(':id')
  @Roles('consultant', 'client')
  @ApiOperation({ summary: 'Read a contract' })
  get(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ContractView> {
    return this.contracts.read(viewer, id);
  }

  @Patch(':id')
  @Roles('consultant')
  @ApiOperation({ summary: 'Change a contract; billing and urgencyPolicy are replaced as a whole' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateContractDto,
  ): Promise<ContractView> {
    return this.contracts.update(id, dto);
  }

  @Delete(':id')
  @Roles('consultant')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a contract, or archive it when requests, work or invoices refer to it',
  })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.contracts.remove(id);
  }

  @Post(':id/restore')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived contract back' })
  restore(@Param('id', ParseUUIDPipe) id: string): Promise<ContractView> {
    return this.contracts.restore(id);
  }
}
