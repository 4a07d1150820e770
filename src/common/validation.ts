import {
  applyDecorators,
  ArgumentMetadata,
  BadRequestException,
  Param,
  ParseUUIDPipe,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateIf, ValidateNested } from 'class-validator';

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

/** Text without a lone surrogate: with the u flag a valid pair reads as one code point. */
export const isWellFormedText = (text: string): boolean => !/\p{Cs}/u.test(text);

/** How deep objects and arrays may nest in a body or a query: far more than any DTO needs. */
export const MAX_INPUT_DEPTH = 16;

/**
 * The first thing wrong with a decoded input as a whole, before any DTO sees it: nesting deeper
 * than MAX_INPUT_DEPTH, or a string (value or key) that is not well-formed Unicode (a lone
 * surrogate such as "\ud800", which no database or document can store as written). Walked with
 * an explicit stack, so a hostile depth cannot overflow the call stack.
 */
export function inputProblem(value: unknown, root = ''): FieldProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isWellFormedText(v))
        return {
          field: path || 'body',
          message: `${path || 'body'} must be well-formed Unicode text`,
        };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return {
        field: path || 'body',
        message: `${path || 'body'} nests more than ${MAX_INPUT_DEPTH} levels deep`,
      };
    }
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [String(i), item])
      : Object.entries(v as Record<string, unknown>);
    for (const [key, child] of entries) {
      const childPath = Array.isArray(v) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!isWellFormedText(key))
        return {
          field: path || 'body',
          message: `${path || 'body'} has a key that is not well-formed Unicode`,
        };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The global pipe: every body, query and path parameter is first checked as a whole
 * (inputProblem), then transformed and validated against its DTO; unknown fields are refused.
 */
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = inputProblem(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problem) throw validationException([problem]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationException(flattenValidationErrors(errors)),
  });
}

/**
 * A nested object of a DTO, validated with its class: an array, a string or a number in its
 * place is refused naming the field (`{"address": []}` is a 400, not a row stored wrong).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const Nested = (type: () => Function): PropertyDecorator =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A list of nested objects, each validated with its class; `[[]]` is refused naming the item. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const NestedList = (type: () => Function): PropertyDecorator =>
  applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));

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
