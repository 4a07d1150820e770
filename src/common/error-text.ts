import { catalogue, type Locale, type MessageValues } from '../i18n';

/** The figures of a problem or an error: its fields other than the words and the code. */
function figuresOf(entry: Record<string, unknown>): MessageValues {
  const values: MessageValues = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'message' || key === 'code') continue;
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null
    ) {
      values[key] = value;
    }
  }
  return values;
}

/** `lines[2].vatRateBp` → `vatRateBp`: a field's label is its own name's, wherever it sits. */
export function fieldName(path: string): string {
  const leaf = path.split('.').pop() ?? path;
  return leaf.replace(/\[\d+\]$/, '');
}

/** A field's label for people, in the reader's language (`field.<name>`), or its name. */
export function fieldLabel(locale: Locale, path: string): string {
  const name = fieldName(path);
  return catalogue().formatOr(locale, `field.${name}`, undefined, name);
}

/**
 * One field's problem in the reader's language: `problem.<code>` filled with the field's label
 * and the problem's figures; the developer text when the code has no message.
 */
export function problemText(
  locale: Locale,
  problem: { field?: string; code?: string; message: string; [key: string]: unknown },
): string {
  if (!problem.code) return problem.message;
  const values = {
    ...figuresOf(problem),
    ...(problem.field ? { field: fieldLabel(locale, problem.field) } : {}),
  };
  return catalogue().formatOr(locale, `problem.${problem.code}`, values, problem.message);
}

/**
 * An error in the reader's language: `error.<code>` filled with the figures of the error's
 * first detail (and `count`, the number of details). The code and the details stay for
 * machines; each detail that has a code gets its words too.
 */
export function errorText(
  locale: Locale,
  code: string | undefined,
  fallback: string,
  details: unknown,
): { message: string; details?: unknown } {
  const list = Array.isArray(details)
    ? (details as Record<string, unknown>[]).filter((d) => d && typeof d === 'object')
    : [];
  const localized = Array.isArray(details)
    ? list.map((d) =>
        typeof d.message === 'string'
          ? {
              ...d,
              message: problemText(locale, d as { message: string; code?: string }),
            }
          : d,
      )
    : details;
  const first = list[0] ?? {};
  const values: MessageValues = {
    ...figuresOf(first),
    ...(typeof first.field === 'string' ? { field: fieldLabel(locale, first.field) } : {}),
    count: list.length,
  };
  const message = code ? catalogue().formatOr(locale, `error.${code}`, values, fallback) : fallback;
  return { message, ...(details !== undefined ? { details: localized } : {}) };
}
