import {
  BadRequestException,
  Param,
  ParseUUIDPipe,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { ValidateIf } from 'class-validator';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Flattens class-validator's tree into one entry per bad field, with a dotted path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) {
      out.push({ field, message });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export function validationException(details: FieldProblem[]): BadRequestException {
  const fields = [...new Set(details.map((d) => d.field))];
  return new BadRequestException({
    message: `Invalid input: ${fields.join(', ')}`,
    details,
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationException(flattenValidationErrors(errors)),
  });
}

/**
 * For PATCH bodies made with PartialType: a field may be left out, but null is validated like
 * any value, so `{ "name": null }` is a 400 naming `name`, not a database error. Fields the
 * create DTO marks @IsOptional() (those that can be cleared) still accept null.
 */
export const NOT_NULL = { skipNullProperties: false } as const;

/**
 * A field that may be left out but, when given, must hold a value: unlike @IsOptional(), null is
 * validated (and refused) rather than let through to a NOT NULL column.
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Checks a path parameter is a UUID; a malformed one is a 400 naming it, like any bad field. */
export const uuidPipe = (field = 'id'): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () => validationException([{ field, message: `${field} must be a UUID` }]),
  });

/** `@UuidParam() id: string`, or `@UuidParam('clientId')`: the path parameter, checked. */
export const UuidParam = (field = 'id'): ParameterDecorator => Param(field, uuidPipe(field));
