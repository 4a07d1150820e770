/**
 * Errors raised by services. They carry a code and no HTTP notion; the global filter maps the
 * code's kind (the part before the first dot) to a status, exhaustively. The message is the
 * developer's, for logs: people read `error.<code>` from the catalogue, filled with the figures
 * of the details (amounts in cents, days, counts, references), so every figure the words need
 * travels in `details`, never only in the message.
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
  // Met only at the edge (the filter's own codes), never thrown by a service:
  'not_allowed',
  'unsupported',
  'internal',
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

/** 404 `not_found.<what>`: `error.not_found.<what>` says which kind of thing is unknown. */
export const notFound = (what: string): DomainError =>
  new DomainError(`not_found.${what}`, `${what} not found`);

/**
 * 400 `invalid.<field>` naming the field, with the figures its message needs (a `reason` when
 * the field can be wrong in more than one way).
 */
export const invalid = (
  field: string,
  message: string,
  figures: Record<string, unknown> = {},
): DomainError =>
  new DomainError(`invalid.${field}`, `${field}: ${message}`, [{ field, message, ...figures }]);
