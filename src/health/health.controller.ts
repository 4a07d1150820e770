import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { ApiUnavailable } from '../common/openapi';

class HealthView {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty({ example: 'up' }) database!: 'up';
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @SkipThrottle()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (no auth)' })
  @ApiOkResponse({ type: HealthView })
  @ApiUnavailable('The database is down: it cannot be reached, or does not answer in time')
  async health(): Promise<HealthView> {
    try {
      // Bounded by the pool's connect timeout and the statement timeout (PostgreSQL).
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('unavailable.database', 'The database is down', [
        { field: 'database', database: 'down', message: 'down' },
      ]);
    }
    return { status: 'ok', database: 'up' };
  }
}
