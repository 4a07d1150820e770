import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { ReplaceSynonymsDto, SynonymGroupList } from './dto/synonym.dto';
import { SynonymsService } from './synonyms.service';

@ApiTags('knowledge')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('knowledge/synonyms')
export class SynonymsController {
  constructor(private readonly synonyms: SynonymsService) {}

  @Get()
  @ApiOperation({ summary: 'The synonyms searches and coaching topics read as one word' })
  @ApiOkResponse({ type: SynonymGroupList })
  list(): Promise<SynonymGroupList> {
    return this.synonyms.list();
  }

  @Put()
  @ApiOperation({
    summary:
      'Replace the synonyms: groups of expressions that mean the same ("wifi", "wi-fi", "réseau sans fil")',
  })
  @ApiOkResponse({ type: SynonymGroupList })
  replace(@Body() dto: ReplaceSynonymsDto): Promise<SynonymGroupList> {
    return this.synonyms.replace(dto);
  }
}
