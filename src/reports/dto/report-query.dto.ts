import { Omittable } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLocalDate, IsMonth } from '../../common/validators';

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LOCALES = ['fr', 'en'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** Output format and language, shared by every report. */
export class ReportOutputQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  readonly format: ReportFormat = 'json';

  @ApiPropertyOptional({
    enum: REPORT_LOCALES,
    description: 'Language of the CSV and PDF (and of `riskText`); the practice locale by default',
  })
  @Omittable()
  @IsIn(REPORT_LOCALES)
  readonly locale?: ReportLocale;
}

export class WorkloadQuery extends ReportOutputQuery {
  @ApiProperty({ example: '2026-03-02', description: 'First local day, included' })
  @IsLocalDate()
  readonly from!: string;

  @ApiProperty({
    example: '2026-03-08',
    description: 'Last local day, included; at most 3,660 days after `from`',
  })
  @IsLocalDate()
  readonly to!: string;
}

export class ClientReportQuery extends ReportOutputQuery {
  @ApiProperty({ example: '2026-01', description: 'First month, included' })
  @IsMonth()
  readonly from!: string;

  @ApiProperty({ example: '2026-03', description: 'Last month, included; at most 120 months' })
  @IsMonth()
  readonly to!: string;
}
