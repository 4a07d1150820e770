import {
  applyDecorators,
  ArgumentMetadata,
  Param,
  ParseUUIDPipe,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsArray, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { validateNumberFormat } from './document-numbers';
import { DomainError } from './domain-error';

/**
 * One bad field: where it is (a dotted path), what is wrong with it (a stable code, whose words
 * for people are the catalogue's `problem.<code>`), the developer's words, and the figures of
 * the rule it broke (`min: 0`, `maxLength: 200`, `values: "fr, en"`), which fill those words.
 */
export interface FieldProblem {
  field: string;
  code?: string;
  message: string;
  [figure: string]: string | number | undefined;
}

/** A field problem found by validation: it always has its code. */
export interface ValidationProblem extends FieldProblem {
  code: string;
}

/**
 * How basic a refusal is: a missing or unknown field, then a value of the wrong type, then one
 * of the wrong format, then one out of range. A field shows its most basic problem only (a
 * missing fee is not also "not an integer" and "less than 0"), and the list starts with them.
 */
const MISSING = 0;
const TYPE = 1;
const FORMAT = 2;
const RANGE = 3;

const RANKS: Readonly<Record<string, number>> = {
  isDefined: MISSING,
  isNotEmpty: MISSING,
  whitelistValidation: MISSING,
  unknownValue: MISSING,
  isString: TYPE,
  isInt: TYPE,
  isNumber: TYPE,
  isBoolean: TYPE,
  isArray: TYPE,
  isObject: TYPE,
  nestedValidation: TYPE,
  isEmail: FORMAT,
  isUuid: FORMAT,
  isIn: FORMAT,
  matches: FORMAT,
  isSiren: FORMAT,
  isSiret: FORMAT,
  isIban: FORMAT,
  isVatNumber: FORMAT,
  isTimeZone: FORMAT,
  isLocalDate: FORMAT,
  isMonth: FORMAT,
  isInstant: FORMAT,
  isDayOrInstant: FORMAT,
  isWeeklyHours: FORMAT,
  isNumberFormat: FORMAT,
  hasAtMostTwoDecimals: FORMAT,
  min: RANGE,
  max: RANGE,
  minLength: RANGE,
  maxLength: RANGE,
  isLength: RANGE,
  arrayMaxSize: RANGE,
};

const rankOf = (code: string): number => RANKS[code] ?? FORMAT;

/** Every code a field problem of validation can have: the rules' and the pipe's own. */
export const VALIDATION_CODES: readonly string[] = [
  ...Object.keys(RANKS),
  'maxDepth',
  'wellFormedText',
  'wellFormedKey',
];

type Figures = Record<string, string | number>;

const listed = (values: unknown): string =>
  Array.isArray(values) ? values.map(String).join(', ') : '';

/** The figures of a rule, from the arguments its decorator was given (`@Max(100)` → max: 100). */
const FIGURES: Readonly<Record<string, (args: unknown[]) => Figures>> = {
  min: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  minLength: ([minLength]) => ({ minLength: Number(minLength) }),
  maxLength: ([maxLength]) => ({ maxLength: Number(maxLength) }),
  isLength: ([minLength, maxLength]): Figures =>
    maxLength === undefined
      ? { minLength: Number(minLength) }
      : { minLength: Number(minLength), maxLength: Number(maxLength) },
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  isIn: ([values]) => ({ values: listed(values) }),
  isLocalDate: ([minYear, maxYear]) => ({ minYear: Number(minYear), maxYear: Number(maxYear) }),
  isMonth: ([minYear, maxYear]) => ({ minYear: Number(minYear), maxYear: Number(maxYear) }),
};

/**
 * Rules a value can break in more than one way say which as a `reason`, with its own figures:
 * `{DD}` in a number format is an unknown token, `{SEQ:40}` too wide a counter.
 */
const REASONS: Readonly<Record<string, (value: unknown) => Figures>> = {
  isNumberFormat: (value) => {
    const [first] = typeof value === 'string' ? validateNumberFormat(value) : [];
    if (!first) return { reason: 'format' };
    const { field: _field, code, message: _message, ...figures } = first;
    const known: Figures = { reason: code };
    for (const [key, figure] of Object.entries(figures)) {
      if (typeof figure === 'string' || typeof figure === 'number') known[key] = figure;
    }
    return known;
  },
};

/**
 * The arguments of the rule `code` on the field, read from class-validator's metadata by the
 * class of the object validated: the error itself carries only the rule's name and words.
 */
function ruleArguments(error: ValidationError, code: string): unknown[] {
  const target = error.target;
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return [];
  const rule = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === code || m.type === code));
  return Array.isArray(rule?.constraints) ? (rule.constraints as unknown[]) : [];
}

/**
 * What a bound counts, read from the field's name: cents (`monthlyFeeCents`, whose words show the
 * bound in euros), minutes, a percent, or a plain number.
 */
function bounded(field: string, figures: Figures): Figures {
  const name = field.split('.').pop() ?? field;
  const unit = name.endsWith('Cents')
    ? 'cents'
    : name.endsWith('Minutes')
      ? 'minutes'
      : name.endsWith('Percent')
        ? 'percent'
        : 'number';
  return { ...figures, unit };
}

const isBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() === '';

/** The one problem of a field that broke rules: its most basic, with that rule's figures. */
function problemOf(error: ValidationError, field: string): ValidationProblem | null {
  const broken = error.constraints ?? {};
  const codes = Object.keys(broken);
  if (codes.length === 0) return null;
  if (!codes.includes('whitelistValidation') && 'value' in error) {
    if (error.value === undefined || error.value === null) {
      return { field, code: 'isDefined', message: `${field} is required` };
    }
    if (
      isBlank(error.value) &&
      codes.some((c) => ['isNotEmpty', 'isLength', 'minLength'].includes(c))
    ) {
      return {
        field,
        code: 'isNotEmpty',
        message: broken.isNotEmpty ?? `${field} must not be empty`,
      };
    }
  }
  const code = codes.reduce((best, c) => (rankOf(c) < rankOf(best) ? c : best));
  const figures = {
    ...FIGURES[code]?.(ruleArguments(error, code)),
    ...REASONS[code]?.(error.value),
  };
  const withUnit = code === 'min' || code === 'max' ? bounded(field, figures) : figures;
  return { field, code, message: broken[code], ...withUnit };
}

/**
 * Flattens class-validator's tree into one problem per bad field, with a dotted path
 * (`billing.monthlyFeeCents`, `lines.0.quantity`), the most basic problems first. The items of a
 * field refused as a whole (a list too long, a text instead of an object) are not looked into.
 */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): ValidationProblem[] {
  const found: ValidationProblem[] = [];
  const walk = (list: ValidationError[], path: string): void => {
    for (const e of list) {
      const property = e.property as string | undefined;
      const field =
        property === undefined ? path || 'body' : path ? `${path}.${property}` : property;
      const problem = problemOf(e, field);
      if (problem) found.push(problem);
      else if (e.children?.length) walk(e.children, field);
    }
  };
  walk(errors, parent);
  return found
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rankOf(a.problem.code) - rankOf(b.problem.code) || a.index - b.index)
    .map(({ problem }) => problem);
}

/**
 * The refusal of a whole input (400, code `invalid.input`): every bad field in `details`. The
 * message names the fields for developers; the error filter puts it into the reader's words.
 */
export function validationException(details: FieldProblem[]): DomainError {
  const fields = [...new Set(details.map((d) => d.field))];
  return new DomainError(
    'invalid.input',
    `Some fields are not valid: ${fields.join(', ')}`,
    details,
  );
}

/** Text without a lone surrogate: with the u flag a valid pair reads as one code point. */
export const isWellFormedText = (text: string): boolean => !/\p{Cs}/u.test(text);

/** How deep objects and arrays may nest in a body or a query: far more than any DTO needs. */
export const MAX_INPUT_DEPTH = 16;

/** An input nesting deeper than MAX_INPUT_DEPTH, refused before anything reads it. */
export const tooDeep = (field = 'body'): ValidationProblem => ({
  field,
  code: 'maxDepth',
  message: `${field} nests more than ${MAX_INPUT_DEPTH} levels deep`,
  maxDepth: MAX_INPUT_DEPTH,
});

/**
 * The first thing wrong with a decoded input as a whole, before any DTO sees it: nesting deeper
 * than MAX_INPUT_DEPTH, or a string (value or key) that is not well-formed Unicode (a lone
 * surrogate such as "\ud800", which no database or document can store as written). Walked with
 * an explicit stack, so a hostile depth cannot overflow the call stack.
 */
export function inputProblem(value: unknown, root = ''): ValidationProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (typeof v === 'string') {
      if (!isWellFormedText(v))
        return {
          field,
          code: 'wellFormedText',
          message: `${field} must be well-formed Unicode text`,
        };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return tooDeep(field);
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [String(i), item])
      : Object.entries(v as Record<string, unknown>);
    for (const [key, child] of entries) {
      const childPath = Array.isArray(v) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!isWellFormedText(key))
        return {
          field,
          code: 'wellFormedKey',
          message: `${field} has a key that is not well-formed Unicode`,
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
    // The object and the value of each error are read to name its problem (the rule's figures,
    // a missing value); the problems sent back hold neither.
    validationError: { target: true, value: true },
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
    exceptionFactory: () =>
      validationException([{ field, code: 'isUuid', message: `${field} must be a UUID` }]),
  });

/** `@UuidParam() id: string`, or `@UuidParam('clientId')`: the path parameter, checked. */
export const UuidParam = (field = 'id'): ParameterDecorator => Param(field, uuidPipe(field));
