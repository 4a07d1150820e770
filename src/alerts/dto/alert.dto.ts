import { Omittable } from '../../common/validation';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class AlertQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: also the alerts already acknowledged' })
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  readonly includeAcknowledged?: boolean;
}
