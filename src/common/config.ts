import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { flattenValidationErrors } from './validation';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const HOUR_MS = 60 * 60 * 1000;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** Every setting the server reads from its environment, validated at boot. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** postgres://… selects PostgreSQL; unset means the embedded SQLite file. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = 'data';

  @IsOptional()
  @IsString()
  SQLITE_FILE?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  ACCESS_TOKEN_TTL_MINUTES = 8 * 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30 * 24)
  INVITE_TTL_HOURS = 72;

  /** How long a password reset link works, in minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  RESET_TTL_MINUTES = 60;

  /** Requests a minute from one address without signing in (sign-in pages, documentation). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ANONYMOUS_REQUESTS_PER_MINUTE = 300;

  /** Requests a minute of one signed-in user on one route, whatever their address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Attempts a minute from one address at each sign-in step (API and pages together). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGN_IN_ATTEMPTS_PER_MINUTE = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * smtp://user:pass@host:587 or smtps://…:465: where mail leaves. Unset (the embedded
   * default), messages wait in the outbox and the console lists them with their links.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every message, as `Name <address>` or a bare address. */
  @IsString()
  MAIL_FROM = 'Gardefou <gardefou@localhost>';

  /** The address people reach Gardefou at, for the links in mails; default http://localhost:PORT. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL?: string;

  /** How often the server runs the mail jobs and delivers the messages that are due. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_TICK_SECONDS = 30;

  /** Comma-separated origins allowed by CORS; empty keeps CORS off. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /** PostgreSQL: connections each server process keeps at most. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DB_POOL_SIZE = 10;

  /**
   * PostgreSQL: how long a request waits for a connection (a free one of the pool, or a new one)
   * before it answers 503.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(HOUR_MS)
  DB_CONNECT_TIMEOUT_MS = 10_000;

  /** PostgreSQL: the longest one statement may run before the database cancels it (503). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(HOUR_MS)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  /**
   * How long a statement waits for a lock another session holds before it gives up (503):
   * PostgreSQL's lock_timeout (row locks and the named locks of invoices and quotas), SQLite's
   * busy timeout (the file locked by another program).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(HOUR_MS)
  DB_LOCK_TIMEOUT_MS = 5_000;

  get sqliteFile(): string {
    return this.SQLITE_FILE ?? `${this.DATA_DIR}/gardefou.sqlite`;
  }

  /** The base of the links in mails, without a trailing slash. */
  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/+$/, '');
  }

  get usesPostgres(): boolean {
    return Boolean(this.DATABASE_URL);
  }
}

export class ConfigError extends Error {}

/** Validates the environment; a bad value stops the start with a message that names it. */
export function loadConfig(env: Record<string, unknown>): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, unknown> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'SQLITE_FILE',
    'JWT_SECRET',
    'SMTP_URL',
    'PUBLIC_URL',
  ]) {
    if (env[key] !== undefined && env[key] !== '') picked[key] = env[key];
  }
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const problems = flattenValidationErrors(validateSync(config));
  if (problems.length) {
    const lines = problems.map((p) => `  ${p.field}: ${p.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${lines}`);
  }
  return config;
}
