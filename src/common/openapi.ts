import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
  type SchemaObject,
} from '@nestjs/swagger';

/**
 * One entry of an error's `details`: the bad field and why. Rules add the figures behind the
 * refusal (a quota's level, used and resetsOn; the intervention in the way), hence open.
 */
const ERROR_DETAIL: SchemaObject = {
  type: 'object',
  properties: {
    field: { type: 'string', example: 'billing.monthlyFeeCents' },
    message: { type: 'string', example: 'monthlyFeeCents must not be less than 0' },
    code: { type: 'string', example: 'quota_exceeded', description: 'the rule that refused it' },
  },
  required: ['message'],
  additionalProperties: true,
};

/** The body of every error answer, as the global error filter writes it (API.md). */
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'Invalid input: id' }) message!: string;
  @ApiPropertyOptional({
    example: 'rule.quota_exceeded',
    description: 'kind.what: set on refusals by a business rule or a state conflict',
  })
  code?: string;
  @ApiPropertyOptional({
    type: 'array',
    items: ERROR_DETAIL,
    description: 'Every bad field named, one entry each; a rule adds its figures to its entry',
  })
  details?: { field?: string; message: string; code?: string }[];
  @ApiProperty({ description: 'Also sent in the x-request-id header; quote it when reporting' })
  requestId!: string;
}

/** A response whose body is an ErrorBody, in JSON whatever the route produces on success. */
function errorBody(description: string) {
  return {
    description,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
  };
}

const withErrorModels = (...decorators: (MethodDecorator & ClassDecorator)[]) =>
  applyDecorators(ApiExtraModels(ErrorBody), ...decorators);

/**
 * The errors any signed-in route can answer, for a controller class: malformed input, no or
 * a revoked token, a role not allowed, an unknown id (or another tenant's), the per-user rate
 * limit.
 */
export const ApiErrorResponses = (): ClassDecorator & MethodDecorator =>
  withErrorModels(
    ApiBadRequestResponse(
      errorBody('Malformed or invalid input: every bad field is named in details'),
    ),
    ApiUnauthorizedResponse(errorBody('Not signed in, or the token expired or was revoked')),
    ApiForbiddenResponse(errorBody('Signed in, but this role may not use the route')),
    ApiNotFoundResponse(errorBody("Unknown, or another client's (never told apart)")),
    ApiTooManyRequestsResponse(errorBody('More than 600 requests a minute from one user')),
    ApiServiceUnavailableResponse(
      errorBody(
        'The database cannot serve the request now (see code); try again after Retry-After',
      ),
    ),
  );

/** 400 alone, for the public routes (sign-in, setup) that take input. */
export const ApiInvalidResponse = (description = 'Malformed or invalid input') =>
  withErrorModels(ApiBadRequestResponse(errorBody(description)));

/** 401 on a public route: the credentials or token given are refused. */
export const ApiRefusedCredentialsResponse = (description: string) =>
  withErrorModels(ApiUnauthorizedResponse(errorBody(description)));

/** 409: the object's state forbids it (issued, invoiced, overlapping, already running). */
export const ApiConflict = (description: string) =>
  withErrorModels(ApiConflictResponse(errorBody(description)));

/** 422: a business rule refuses it (quota, contract not in force, empty invoice). */
export const ApiRuleRefusal = (description: string) =>
  withErrorModels(ApiUnprocessableEntityResponse(errorBody(description)));

/** 429 with the route's own limit (sign-in attempts). */
export const ApiThrottled = (description: string) =>
  withErrorModels(ApiTooManyRequestsResponse(errorBody(description)));

export const ApiUnavailable = (description: string) =>
  withErrorModels(ApiServiceUnavailableResponse(errorBody(description)));

const BINARY = { type: 'string', format: 'binary' } as const;

/** A file answer (PDF, CSV, ZIP, text) instead of JSON. */
export const ApiFileResponse = (description: string, ...mimeTypes: string[]) =>
  applyDecorators(ApiProduces(...mimeTypes), ApiOkResponse({ description, schema: BINARY }));

/**
 * A report: JSON by default, or a file when `format` asks for one; each format with its own
 * schema, so the JSON one is described field by field.
 */
export const ApiReportResponse = (json: Type<unknown>, ...fileTypes: string[]) =>
  applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      description: 'format=json (default): the report; csv or pdf: the file to download',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        ...Object.fromEntries(fileTypes.map((type) => [type, { schema: BINARY }])),
      },
    }),
  );

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The `{ items, total }` of a list, as a named class per item type (e.g. ClientViewPage) so
 * the document shows the items' schema. One class per item type: Swagger names schemas by class.
 */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; total: number }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number }>;
  class Page {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: 'all matches, beyond this page' }) total!: number;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name}Page` });
  pages.set(item, Page);
  return Page;
}

type PropertyOptions = Parameters<typeof ApiProperty>[0] & object;

/** A UUID property (ids and references). */
export const ApiUuid = (options: PropertyOptions = {}) =>
  ApiProperty({ type: String, format: 'uuid', ...options });

/** An instant, answered in UTC: `2026-11-29T13:05:00.000Z`. */
export const ApiInstant = (options: PropertyOptions = {}) =>
  ApiProperty({ type: String, format: 'date-time', ...options });

/** A calendar day of the practice's zone, `YYYY-MM-DD`. */
export const ApiDay = (options: PropertyOptions = {}) =>
  ApiProperty({ type: String, format: 'date', example: '2026-11-29', ...options });
