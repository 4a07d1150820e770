import { Omittable } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsLocalDate } from '../../common/validators';

/** A period of issue dates, both days included. */
export class ExportPeriodQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First issue day, included' })
  @IsLocalDate()
  readonly from!: string;

  @ApiProperty({
    example: '2026-12-31',
    description: 'Last issue day, included (for the FEC: the closing date of the financial year)',
  })
  @IsLocalDate()
  readonly to!: string;
}

export class JournalCsvQuery extends ExportPeriodQuery {
  @ApiPropertyOptional({
    enum: ['fr', 'en'],
    description: 'Separator, decimal mark and words of the CSV; the practice locale by default',
  })
  @Omittable()
  @IsIn(['fr', 'en'])
  readonly locale?: 'fr' | 'en';
}
