import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiConflict, ApiErrorResponses, ApiFileResponse } from '../common/openapi';
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
@ApiErrorResponses()
@Roles('accountant', 'consultant')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('invoices.csv')
  @ApiFileResponse(
    'journal-ventes-<from>-<to>.csv; separator and decimal mark of the locale',
    'text/csv',
  )
  @ApiOperation({
    summary:
      'Sales journal: one row per invoice and credit note issued in the period (UTF-8 with BOM)',
  })
  async journal(@Query() query: JournalCsvQuery): Promise<StreamableFile> {
    return download(await this.exports.journalCsv(query, query.locale));
  }

  @Get('fec')
  @ApiFileResponse('<SIREN>FEC<to>.txt, tab-separated, ISO 8859-15', 'text/plain')
  @ApiOperation({
    summary: 'FEC (art. A47 A-1 LPF) of the sales journal, ISO 8859-15, named <SIREN>FEC<to>.txt',
  })
  async fec(@Query() query: ExportPeriodQuery): Promise<StreamableFile> {
    return download(await this.exports.fec(query));
  }

  @Get('invoices.zip')
  @ApiFileResponse('factures-<from>-<to>.zip of <number>.pdf files', 'application/zip')
  @ApiConflict('The PDF stored at issue of one of them is missing or no longer matches its digest')
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
