import type { LoggerService } from '@nestjs/common';

/** Nest's own start-up lines: modules loaded, controllers and routes mapped. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * The application's logger (nestjs-pino's, handed in), with Nest's start-up lines, a hundred or
 * so, at debug level: at the default level a start shows what matters, where to go.
 */
export class ServerLogger implements LoggerService {
  constructor(
    private readonly logger: Required<Pick<LoggerService, 'debug' | 'verbose' | 'fatal'>> &
      LoggerService,
  ) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) {
      this.logger.debug(message, ...optionalParams);
    } else {
      this.logger.log(message, ...optionalParams);
    }
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.error(message, ...optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.warn(message, ...optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.debug(message, ...optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.verbose(message, ...optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.fatal(message, ...optionalParams);
  }
}
