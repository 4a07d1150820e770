import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/openapi';
import { UpdatePracticeDto } from './dto/practice.dto';
import { PracticeView } from './dto/practice.response';
import { Practice } from './practice.entity';
import { PracticeService } from './practice.service';

@ApiTags('practice')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('practice')
export class PracticeController {
  constructor(private readonly practice: PracticeService) {}

  @Get()
  @Roles('consultant', 'accountant')
  @ApiOperation({ summary: "The practice's identity, calendar, invoicing settings and limits" })
  @ApiOkResponse({ type: PracticeView })
  get(): Promise<Practice> {
    return this.practice.get();
  }

  @Patch()
  @Roles('consultant')
  @ApiOperation({ summary: 'Change practice settings (any subset of fields)' })
  @ApiOkResponse({ type: PracticeView })
  update(@Body() dto: UpdatePracticeDto): Promise<Practice> {
    return this.practice.update(dto);
  }
}
