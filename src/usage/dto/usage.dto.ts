import { Omittable } from '../../common/validation';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMonth } from '../../common/validators';

export class UsageQuery {
  @ApiPropertyOptional({ example: '2026-11', description: "default: the practice's current month" })
  @Omittable()
  @IsMonth()
  readonly month?: string;
}
