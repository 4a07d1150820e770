import { catalogue, type Locale, type MessageValues } from '../i18n';
import { formatDate } from './format';
import { outcomeValues } from './outcome-text';

/** A wall-clock time in the practice's zone, as errors carry it: `2026-11-29T14:05`. */
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * The values a message is filled with: the entry's figures (its fields but its words and its
 * code), each read as outcomes' figures are (outcome-text.ts: `*Cents` also in euros under its
 * name without `Cents`, `*Minutes` as a duration, a level as its label, days and months in the
 * reader's form, null as `none`), and wall-clock times (`YYYY-MM-DDTHH:mm`) as a day and a time.
 */
export function messageValues(locale: Locale, entry: Record<string, unknown>): MessageValues {
  const figures: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'message' || key === 'code') continue;
    // Lists and objects (the statuses a request may move to) are for machines only.
    if (typeof value === 'object' && value !== null) continue;
    const time = typeof value === 'string' ? LOCAL_TIME.exec(value) : null;
    figures[key] = time ? `${formatDate(time[1], locale)} ${time[2]}` : value;
  }
  return outcomeValues(locale, { ...figures, code: '' });
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

type Entry = { field?: string; code?: string; message: string; [key: string]: unknown };

/**
 * An entry's values: its figures, its field's label as `field`, and its code as `problem` (so
 * that one message can word each reason a field is refused for).
 */
function entryValues(locale: Locale, entry: Record<string, unknown>): MessageValues {
  return {
    ...messageValues(locale, entry),
    ...(typeof entry.field === 'string' ? { field: fieldLabel(locale, entry.field) } : {}),
    ...(typeof entry.code === 'string' ? { problem: entry.code } : {}),
  };
}

/**
 * One field's problem in the reader's language: `problem.<code>` filled with the field's label
 * and the problem's figures; the developer text when the code has no message.
 */
export function problemText(locale: Locale, problem: Entry): string {
  if (!problem.code) return problem.message;
  return catalogue().formatOr(
    locale,
    `problem.${problem.code}`,
    entryValues(locale, problem),
    problem.message,
  );
}

/**
 * A detail's words: its problem's (`problem.<code>`); else, when its code is also the code of
 * an error of the same kind (a rule's reason: `rule.overpayment`), that error's message; else
 * the message of the error of the same kind named after its field (an end refused with its
 * start: `invalid.endedAt`); else the error's own message filled with this detail's figures;
 * else the developer text.
 */
function detailText(locale: Locale, code: string | undefined, detail: Entry): string {
  const own = detail.code ? `problem.${detail.code}` : null;
  if (own && catalogue().has(own)) return problemText(locale, detail);
  if (!code) return detail.message;
  const values = { ...entryValues(locale, detail), count: 1 };
  const kind = code.slice(0, code.indexOf('.'));
  const sibling = detail.code ? `error.${kind}.${detail.code}` : null;
  const ofField = typeof detail.field === 'string' ? `error.${kind}.${detail.field}` : null;
  const key = [sibling, ofField].find((k) => k && catalogue().has(k)) ?? `error.${code}`;
  return catalogue().formatOr(locale, key, values, detail.message);
}

/**
 * An error in the reader's language: `error.<code>` filled with the figures of the error's
 * first detail (and `count`, the number of details). The code and the details stay for
 * machines; each detail gets its words too.
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
        typeof d.message === 'string' ? { ...d, message: detailText(locale, code, d as Entry) } : d,
      )
    : details;
  const values: MessageValues = { ...entryValues(locale, list[0] ?? {}), count: list.length };
  const message = code ? catalogue().formatOr(locale, `error.${code}`, values, fallback) : fallback;
  return { message, ...(details !== undefined ? { details: localized } : {}) };
}
