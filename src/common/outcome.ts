/**
 * An outcome: what a rule found, said as a stable code and its figures (minutes, days, counts,
 * cents, urgency levels), never as a sentence. A guardrail broken, an alert, what the urgency
 * policy did with a request, a reason for a workload risk: each is an outcome of one family, and
 * its words are the catalogue's `<family>.<code>` filled with its figures, in the reader's
 * language, where it is shown (`outcome-text.ts`): the API in the language of Accept-Language,
 * the pages in the page's, a report in its own.
 */

/** The families of outcomes, each the first part of its messages' keys in the catalogue. */
export const OUTCOME_FAMILIES = ['warning', 'alert', 'quota', 'risk'] as const;
export type OutcomeFamily = (typeof OUTCOME_FAMILIES)[number];

/** A figure as an outcome carries it: machine values (integer minutes, cents, 'YYYY-MM-DD' days). */
export type Figure = string | number | boolean | null;

/** An outcome's code, with its figures beside it and, once worded for a reader, its message. */
export interface Coded<C extends string = string> {
  readonly code: C;
  message?: string;
}

/**
 * Which objects are outcomes, and of which family. Kept aside rather than on the object, so the
 * family shows in no answer and no comparison; an outcome copied by spreading is a new object
 * and no longer one.
 */
const families = new WeakMap<object, OutcomeFamily>();

/** Words stored before outcomes had codes: shown as they were written. */
export interface AsWritten {
  readonly code: 'as_written';
  message: string;
}

/** `code` and `figures` as one object, known as an outcome of `family`. */
export function outcome<C extends string, F extends object>(
  family: OutcomeFamily,
  code: C,
  figures: F,
): Coded<C> & F {
  const made = { code, ...figures };
  families.set(made, family);
  return made;
}

/** Marks an object that already holds its code and figures (a view) as an outcome of `family`. */
export function asOutcome<T extends Coded>(family: OutcomeFamily, value: T): T {
  families.set(value, family);
  return value;
}

/** The family of an outcome; undefined for any other value. */
export function familyOf(value: unknown): OutcomeFamily | undefined {
  return typeof value === 'object' && value !== null ? families.get(value) : undefined;
}

/**
 * How a column keeps an outcome of `family`: its code and figures as JSON text. Words stored
 * before outcomes had codes read back as `{ code: 'as_written', message }`, shown as written.
 */
export function outcomeColumn(family: OutcomeFamily) {
  return {
    to(value: Coded | null | undefined): string | null {
      if (value === null || value === undefined) return null;
      const { message: _words, ...stored } = value;
      return JSON.stringify(stored);
    },
    from(stored: string | null): Coded | AsWritten | null {
      if (stored === null || stored === undefined) return null;
      const parsed = parseObject(stored);
      if (parsed && typeof parsed.code === 'string') {
        const { code, ...figures } = parsed;
        return outcome(family, code, figures);
      }
      return { code: 'as_written', message: stored };
    },
  };
}

function parseObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
