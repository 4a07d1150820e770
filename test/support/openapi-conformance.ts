/**
 * Checks a JSON answer against the schema the OpenAPI document gives for it: every field the
 * API sends must be documented, every field documented as required must be sent, with the
 * documented type, enum and nullability. Covers the subset of OpenAPI 3.0 that
 * @nestjs/swagger writes ($ref, allOf, oneOf, nullable, enum, arrays, objects).
 */
export type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface OpenApiDocument {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  while (typeof current.$ref === 'string') {
    const name = current.$ref.replace('#/components/schemas/', '');
    const found = doc.components.schemas[name];
    if (!found) throw new Error(`dangling $ref ${current.$ref}`);
    current = found;
  }
  return current;
}

const TYPE_CHECKS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/** The ways `value` departs from `schema`, each with its JSON path; empty when it conforms. */
export function mismatches(
  doc: OpenApiDocument,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  const s = resolve(doc, schema);
  if (value === null) {
    const nullable = s.nullable === true || s.oneOf?.some((v: Schema) => v.type === 'null');
    return nullable ? [] : [`${at}: null, but not documented as nullable`];
  }
  if (s.allOf) return s.allOf.flatMap((part: Schema) => mismatches(doc, part, value, at));
  if (s.oneOf) {
    const fits = s.oneOf.some((v: Schema) => mismatches(doc, v, value, at).length === 0);
    return fits ? [] : [`${at}: matches none of its documented variants`];
  }
  if (s.enum && !s.enum.includes(value)) {
    return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`];
  }
  const type: string | undefined = s.type ?? (s.properties ? 'object' : undefined);
  if (type === undefined) return [];
  if (!TYPE_CHECKS[type]?.(value)) return [`${at}: ${JSON.stringify(value)} is not a ${type}`];
  if (type === 'array') {
    return s.items
      ? (value as unknown[]).flatMap((item, k) => mismatches(doc, s.items, item, `${at}[${k}]`))
      : [];
  }
  if (type === 'object') return objectMismatches(doc, s, value as Record<string, unknown>, at);
  return [];
}

function objectMismatches(
  doc: OpenApiDocument,
  s: Schema,
  value: Record<string, unknown>,
  at: string,
): string[] {
  const properties: Record<string, Schema> = s.properties ?? {};
  const open = s.additionalProperties !== undefined && s.additionalProperties !== false;
  const problems: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (properties[key]) problems.push(...mismatches(doc, properties[key], field, `${at}.${key}`));
    else if (!open && s.properties) problems.push(`${at}.${key}: sent, but not documented`);
  }
  for (const key of (s.required ?? []) as string[]) {
    if (!(key in value)) problems.push(`${at}.${key}: documented as required, but not sent`);
  }
  return problems;
}
