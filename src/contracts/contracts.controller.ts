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
import { ApiConflict, ApiErrorResponses, PageOf } from '../common/openapi';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { ContractsService, ContractView } from './contracts.service';
import { ContractQuery, CreateContractDto, UpdateContractDto } from './dto/contract.dto';
import { ContractView as ContractResponse } from './dto/contract.response';

const REFERENCE_TAKEN = 'Another contract already has this reference';

@ApiTags('contracts')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @Roles('consultant')
  @ApiOperation({ summary: 'Create a contract: billing terms and urgency policy' })
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiConflict(REFERENCE_TAKEN)
  create(@Body() dto: CreateContractDto): Promise<ContractView> {
    return this.contracts.create(dto);
  }

  @Get()
  @Roles('consultant', 'client')
  @ApiOperation({ summary: "List contracts (a client user sees only its own company's)" })
  @ApiOkResponse({ type: PageOf(ContractResponse) })
  list(
    @CurrentUser() viewer: AuthUser,
    @Query() query: ContractQuery,
  ): Promise<Page<ContractView>> {
    return this.contracts.list(viewer, query);
  }

  @Get(':id')
  @Roles('consultant', 'client')
  @ApiOperation({ summary: 'Read a contract' })
  @ApiOkResponse({ type: ContractResponse })
  get(@CurrentUser() viewer: AuthUser, @UuidParam() id: string): Promise<ContractView> {
    return this.contracts.read(viewer, id);
  }

  @Patch(':id')
  @Roles('consultant')
  @ApiOperation({ summary: 'Change a contract; billing and urgencyPolicy are replaced as a whole' })
  @ApiOkResponse({ type: ContractResponse })
  @ApiConflict(REFERENCE_TAKEN)
  update(@UuidParam() id: string, @Body() dto: UpdateContractDto): Promise<ContractView> {
    return this.contracts.update(id, dto);
  }

  @Delete(':id')
  @Roles('consultant')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a contract, or archive it when requests, work or invoices refer to it',
  })
  @ApiNoContentResponse({ description: 'Deleted, or archived' })
  async remove(@UuidParam() id: string): Promise<void> {
    await this.contracts.remove(id);
  }

  @Post(':id/restore')
  @Roles('consultant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived contract back' })
  @ApiOkResponse({ type: ContractResponse })
  restore(@UuidParam() id: string): Promise<ContractView> {
    return this.contracts.restore(id);
  }
}
