import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ExportPeriodQuery, JournalCsvQuery } from './dto/export-query.dto';
import { type ExportFile, ExportsService } from './exports.service';

const download = (file: ExportFile): StreamableFile => {
  const options = {
    type: file.contentType,
    disposition: `attachment; filename="${file.fileName}"`,
  };
  return Buffer.isBuffer(file.body)
    ? new StreamableFile(file.body, options)
    : new StreamableFile(file.body, options);
};

@ApiTags('exports')
@ApiBearerAuth()
@Roles('accountant', 'consultant')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('invoices.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'Sales journal: one row per invoice and credit note issued in the period (UTF-8 with BOM)',
  })
  async journal(@Query() query: JournalCsvQuery): Promise<StreamableFile> {
    return download(await this.exports.journalCsv(query, query.locale));
  }

  @Get('fec')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'FEC (art. A47 A-1 LPF) of the sales journal, ISO 8859-15, named <SIREN>FEC<to>.txt',
  })
  async fec(@Query() query: ExportPeriodQuery): Promise<StreamableFile> {
    return download(await this.exports.fec(query));
  }

  @Get('invoices.zip')
  @ApiProduces('application/zip')
  @ApiOperation({
    summary: 'The PDFs of the invoices and credit notes issued in the period, <number>.pdf',
  })
  async zip(
    @CurrentUser() viewer: AuthUser,
    @Query() query: ExportPeriodQuery,
  ): Promise<StreamableFile> {
    return download(await this.exports.pdfZip(viewer, query));
  }
}
