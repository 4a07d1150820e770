import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { negotiateLocale } from '../i18n';
import { DomainError, ErrorCode, ErrorKind } from './domain-error';
import { errorText } from './error-text';

export function statusOfKind(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'rule':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'too_many':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'not_allowed':
      return HttpStatus.METHOD_NOT_ALLOWED;
    case 'unsupported':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'internal':
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}

/**
 * The code of an answer that no service coded: the framework's refusals (no such route, a body
 * too large or of an unknown type, a body that is not JSON) and anything unforeseen.
 */
export function codeOfStatus(status: number, hasDetails = false): ErrorCode {
  switch (status) {
    case 400:
      return hasDetails ? 'invalid.input' : 'invalid.request';
    case 401:
      return 'unauthenticated.required';
    case 403:
      return 'forbidden.access';
    case 404:
      return 'not_found.route';
    case 405:
      return 'not_allowed.method';
    case 409:
      return 'conflict.state';
    case 413:
      return 'too_large.body';
    case 415:
      return 'unsupported.media_type';
    case 422:
      return 'rule.refused';
    case 429:
      return 'too_many.attempts';
    case 503:
      return 'unavailable.service';
    default:
      return status < 500 ? 'invalid.request' : 'internal.error';
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: string;
  details?: unknown;
  requestId?: string;
}

/** Writes every error as the body of API.md: { statusCode, error, message, details? }. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const unavailable = databaseUnavailable(exception);
    const body = errorBody(unavailable ?? exception);
    Object.assign(
      body,
      errorText(
        negotiateLocale(request.headers['accept-language']),
        body.code,
        body.message,
        body.details,
      ),
    );
    body.requestId = requestIdOf(request);
    if (unavailable) {
      this.logger.warn({ err: exception, requestId: request.id }, unavailable.message);
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    }
    if (body.statusCode === 503) retryLater(reply);
    void reply.status(body.statusCode).header('content-type', 'application/json').send(body);
  }
}

/**
 * The body of API.md for any failure, with its code: a service's coded error as it is, the
 * framework's refusals and database failures coded here. The message is the developer's; the
 * words people read replace it (errorText), on the API and on pages alike.
 */
export function errorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = statusOfKind(exception.kind);
    return {
      statusCode,
      error: REASONS[statusCode] ?? 'Error',
      message: exception.message,
      code: exception.code,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const r =
      typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    const message = Array.isArray(r.message)
      ? r.message.join('; ')
      : typeof r.message === 'string'
        ? r.message
        : exception.message;
    return {
      statusCode,
      error: REASONS[statusCode] ?? (typeof r.error === 'string' ? r.error : 'Error'),
      message,
      code: typeof r.code === 'string' ? r.code : codeOfStatus(statusCode, Boolean(r.details)),
      ...(r.details ? { details: r.details } : {}),
    };
  }
  const duplicate = uniqueViolation(exception);
  if (duplicate) return duplicateBody(duplicate.columns);
  const fastify = exception as { statusCode?: unknown; code?: unknown } | null;
  const fastifyStatus = fastify?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    // @fastify/csrf-protection: a page's form without its token, or with a stale one.
    const csrf = typeof fastify?.code === 'string' && fastify.code.startsWith('FST_CSRF');
    return {
      statusCode: fastifyStatus,
      error: REASONS[fastifyStatus] ?? 'Error',
      message: (exception as Error).message,
      code: csrf ? 'forbidden.csrf' : codeOfStatus(fastifyStatus),
    };
  }
  return {
    statusCode: 500,
    error: REASONS[500],
    message: 'Internal server error',
    code: codeOfStatus(500),
  };
}

/** How long a client is asked to wait before trying a 503 again (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

export function retryLater(reply: FastifyReply): void {
  void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
}

export type DatabaseFailure = 'unreachable' | 'lock_timeout' | 'statement_timeout';

/**
 * The database could not serve the request, through no fault of the request: the server is
 * unreachable, restarting or out of connections, the connection was lost mid-request, no pooled
 * connection came free in time, or a lock or a statement took longer than the timeouts allow.
 * Trying again later is the answer (503 with Retry-After), not a bug report (500). Its
 * transaction rolled back, unless the connection was lost during the commit itself.
 */
export function databaseUnavailable(error: unknown): DomainError | null {
  if (error instanceof DomainError || error instanceof HttpException) return null;
  const failure = databaseFailure(error);
  return failure ? unavailable(failure) : null;
}

/** The coded error of each way the database can fail a request (503). */
export function unavailable(failure: DatabaseFailure): DomainError {
  switch (failure) {
    case 'unreachable':
      return new DomainError(
        'unavailable.database',
        'The database cannot be reached right now: try again in a moment',
      );
    case 'lock_timeout':
      return new DomainError(
        'unavailable.lock_timeout',
        'Another operation has held the records this request needs for too long: try again in a moment',
      );
    case 'statement_timeout':
      return new DomainError(
        'unavailable.statement_timeout',
        'The database took too long to answer: try again in a moment',
      );
  }
}

// PostgreSQL: class 08 (connection exception) is matched by prefix; these besides.
const PG_UNREACHABLE = new Set([
  '57P01', // admin_shutdown: the session was terminated, or the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
  '3D000', // the database does not exist (dropped, or not yet restored)
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres and pg-pool say so in words only.
const LOST_CONNECTION = [
  /^Connection terminated/, // unexpectedly, or due to connection timeout
  /^timeout exceeded when trying to connect$/, // no pooled connection came free in time
  /is not queryable$/, // a client that already lost its connection
  /^Cannot use a pool after calling end on the pool$/, // the server is shutting down
];

/** Classifies a driver error (PostgreSQL, better-sqlite3, the network) met anywhere in its causes. */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (const e of causesOf(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (code === '55P03' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return 'lock_timeout';
    }
    if (code === '57014') return 'statement_timeout';
    if (code.startsWith('08') || PG_UNREACHABLE.has(code) || NETWORK_CODES.has(code)) {
      return 'unreachable';
    }
    if (/^SQLITE_(IOERR|CANTOPEN|FULL)/.test(code)) return 'unreachable';
    const message = typeof e.message === 'string' ? e.message : '';
    if (LOST_CONNECTION.some((pattern) => pattern.test(message))) return 'unreachable';
    // TypeORM releases a transaction's connection as soon as it fails (the session was
    // terminated between two statements); its next statement or its commit then meets this.
    if (
      e instanceof QueryRunnerAlreadyReleasedError ||
      e instanceof QueryRunnerProviderAlreadyReleasedError
    ) {
      return 'unreachable';
    }
  }
  return null;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The error, the driver's error TypeORM wraps, their causes, an AggregateError's members. */
function causesOf(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 16) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || found.includes(e)) continue;
    const like = e as ErrorLike;
    found.push(like);
    const members: unknown[] = Array.isArray(like.errors) ? like.errors : [];
    queue.push(like.driverError, like.cause, ...members);
  }
  return found;
}

/**
 * A unique index refused a row: two saves raced past the service's own check (two contracts
 * created at once with one reference). The columns are named when the database says which.
 */
export function uniqueViolation(error: unknown): { columns: string[] } | null {
  const e = error as {
    code?: unknown;
    detail?: unknown;
    message?: unknown;
    driverError?: { code?: unknown; detail?: unknown; message?: unknown };
  } | null;
  const source = e?.driverError ?? e;
  const code = source?.code;
  if (code === '23505') {
    // PostgreSQL: 'Key (reference)=(CT-1) already exists.'; the value is not repeated back.
    const keys = /^Key \(([^)]*)\)=/.exec(textOf(source?.detail));
    return { columns: keys ? splitColumns(keys[1]) : [] };
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // SQLite: 'UNIQUE constraint failed: contracts.reference'.
    const failed = /constraint failed: (.*)$/.exec(textOf(source?.message));
    return {
      columns: failed ? splitColumns(failed[1]).map((c) => c.slice(c.indexOf('.') + 1)) : [],
    };
  }
  return null;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function splitColumns(list: string): string[] {
  return list
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
    .filter((c) => c !== '');
}

function duplicateBody(columns: string[]): ErrorBody {
  const single = columns.length === 1 ? columns[0] : null;
  const message = single
    ? `This ${single} is already used: choose another one`
    : 'This record already exists';
  return {
    statusCode: HttpStatus.CONFLICT,
    error: REASONS[HttpStatus.CONFLICT],
    message,
    code: 'conflict.duplicate',
    ...(single ? { details: [{ field: single, message: 'already used' }] } : {}),
  };
}

/** The id pino-http gave the request (also sent back in the x-request-id header). */
export function requestIdOf(request: FastifyRequest): string {
  const raw = request.raw as { id?: unknown };
  return typeof raw.id === 'string' ? raw.id : String(request.id);
}
