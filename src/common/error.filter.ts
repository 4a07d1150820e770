import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorKind } from './domain-error';

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
  code?: string;
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
    const body = this.toBody(exception);
    body.requestId = requestIdOf(request);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    }
    void reply.status(body.statusCode).header('content-type', 'application/json').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
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
        typeof response === 'string'
          ? { message: response }
          : (response as Record<string, unknown>);
      const message = Array.isArray(r.message)
        ? r.message.join('; ')
        : typeof r.message === 'string'
          ? r.message
          : exception.message;
      return {
        statusCode,
        error: REASONS[statusCode] ?? (typeof r.error === 'string' ? r.error : 'Error'),
        message,
        ...(r.details ? { details: r.details } : {}),
      };
    }
    const duplicate = uniqueViolation(exception);
    if (duplicate) return duplicateBody(duplicate.columns);
    const fastifyStatus = (exception as { statusCode?: number } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        statusCode: fastifyStatus,
        error: REASONS[fastifyStatus] ?? 'Error',
        message: (exception as Error).message,
      };
    }
    return { statusCode: 500, error: REASONS[500], message: 'Internal server error' };
  }
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
