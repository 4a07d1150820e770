import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsMonth } from '../../common/validators';

export class UsageQuery {
  @ApiPropertyOptional({ example: '2026-11', description: "default: the practice's current month" })
  @IsOptional()
  @IsMonth()
  readonly month?: string;
}
