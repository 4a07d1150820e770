import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { Page } from '../common/pagination';
import { DeflectionsService } from './deflections.service';
import { DeflectionPage, DeflectionQuery, DeflectionView } from './dto/deflection.dto';

@ApiTags('knowledge')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('knowledge')
export class DeflectionsController {
  constructor(private readonly deflections: DeflectionsService) {}

  @Get('deflections')
  @ApiOperation({ summary: 'Requests the knowledge base answered, newest first' })
  @ApiOkResponse({ type: DeflectionPage })
  list(@Query() query: DeflectionQuery): Promise<Page<DeflectionView>> {
    return this.deflections.list(query);
  }
}
