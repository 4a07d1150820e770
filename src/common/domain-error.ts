/**
 * Errors raised by services. They carry a code and no HTTP notion; the global filter maps the
 * code's kind (the part before the first dot) to a status, exhaustively.
 */
export const ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'rule',
  'too_many',
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
export type ErrorCode = `${ErrorKind}.${string}`;

export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get kind(): ErrorKind {
    return this.code.slice(0, this.code.indexOf('.')) as ErrorKind;
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError(`not_found.${what}`, `${what} not found`);

export const invalid = (field: string, message: string): DomainError =>
  new DomainError(`invalid.${field}`, `${field}: ${message}`, [{ field, message }]);
