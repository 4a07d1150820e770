import type { LoggerService } from '@nestjs/common';
import { ServerLogger } from './server-logger';

describe('the server logger', () => {
  const calls: [string, unknown[]][] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      calls.push([level, args]);
  const inner = {
    log: record('info'),
    error: record('error'),
    warn: record('warn'),
    debug: record('debug'),
    verbose: record('verbose'),
    fatal: record('fatal'),
  } satisfies LoggerService;

  beforeEach(() => (calls.length = 0));

  it('puts Nest’s start-up lines (modules loaded, routes mapped) at debug level', () => {
    const logger = new ServerLogger(inner);
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.log('HealthController {/api/health}:', 'RoutesResolver');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(calls.map(([level]) => level)).toEqual(['debug', 'debug', 'debug']);
    expect(calls[0][1]).toEqual(['Mapped {/api/health, GET} route', 'RouterExplorer']);
  });

  it('leaves every other line at its own level', () => {
    const logger = new ServerLogger(inner);
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log({ userId: 'u1' }, 'practice set up', 'AuthService');
    logger.warn('JWT_SECRET is not set', 'JwtSecret');
    logger.error('page failed', 'WebErrorFilter');
    expect(calls.map(([level]) => level)).toEqual(['info', 'info', 'warn', 'error']);
  });
});
