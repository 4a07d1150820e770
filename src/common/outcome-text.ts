/**
 * The words of outcomes (outcome.ts): one function for any of them, in one language. It knows no
 * rule and no code: the message is the catalogue's `<family>.<code>`, and each figure is shown by
 * what its name or value says it is.
 */
import { catalogue, type Locale, type MessageValues } from '../i18n';
import { formatDate, formatMinutes } from './format';
import { familyOf, type Coded, type OutcomeFamily } from './outcome';

/** The key of an outcome's message, per family. */
const KEYS: Record<OutcomeFamily, (code: string) => string> = {
  warning: (code) => `warning.${code}`,
  alert: (code) => `alert.${code}`,
  quota: (code) => `quota.${code}`,
  risk: (code) => `risk.${code}`,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const MINUTES = /(^m|M)inutes$/;
const CENTS = /^(\w+)Cents$/;
const LEVEL = /(^l|L)evel$/;

/**
 * A figure as a message reads it:
 * - a number named `minutes` or `…Minutes` is a duration: "49 h 30";
 * - a number named `…Cents` stays in cents, and is also given in euros under its name without
 *   `Cents` (`overageFeeCents: 15000` → `overageFee: 150`, for `{overageFee, number, ::currency/EUR}`);
 * - a text named `level` or `…Level` is an urgency level: its label (`urgency.<level>`);
 * - a `YYYY-MM-DD` text is a day ("29/11/2026", "29 Nov 2026"), a `YYYY-MM` text a month
 *   ("novembre 2026");
 * - null is `none`, which a message may select on;
 * - any other number (counts, plurals, shares for `::percent`) or text is given as it is.
 */
function figureValues(locale: Locale, name: string, value: unknown): MessageValues {
  if (value === null) return { [name]: 'none' };
  if (typeof value === 'number') {
    if (MINUTES.test(name)) return { [name]: formatMinutes(value) };
    const cents = CENTS.exec(name);
    return cents ? { [name]: value, [cents[1]]: value / 100 } : { [name]: value };
  }
  if (typeof value === 'boolean') return { [name]: value };
  if (typeof value !== 'string') return {};
  if (LEVEL.test(name)) {
    return { [name]: catalogue().formatOr(locale, 'urgency.' + value, undefined, value) };
  }
  if (DAY.test(value)) return { [name]: formatDate(value, locale) };
  const month = MONTH.exec(value);
  if (month) return { [name]: monthText(locale, Number(month[1]), Number(month[2])) };
  return { [name]: value };
}

function monthText(locale: Locale, year: number, month: number): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 1));
}

/**
 * The figures of an outcome: its own fields but its code and words, and those of its `figures`
 * object when it keeps them apart (an alert, whose own fields say which one it is).
 */
function figuresOf(value: Coded): Record<string, unknown> {
  const {
    code: _code,
    message: _message,
    figures,
    ...own
  } = value as Coded & {
    figures?: unknown;
  };
  const apart =
    typeof figures === 'object' && figures !== null && !Array.isArray(figures) ? figures : {};
  return { ...own, ...apart };
}

/** The values an outcome's message is filled with, in the reader's language. */
export function outcomeValues(locale: Locale, value: Coded): MessageValues {
  return Object.entries(figuresOf(value)).reduce<MessageValues>(
    (values, [name, figure]) => ({ ...values, ...figureValues(locale, name, figure) }),
    {},
  );
}

/**
 * An outcome in the reader's language: its family's message for its code, filled with its
 * figures. Anything else that has words (words stored before outcomes had codes) keeps them.
 */
export function outcomeText(locale: Locale, value: Coded | null | undefined): string {
  if (!value) return '';
  const family = familyOf(value);
  const fallback = value.message ?? value.code;
  if (!family) return fallback;
  return catalogue().formatOr(
    locale,
    KEYS[family](value.code),
    outcomeValues(locale, value),
    fallback,
  );
}

/**
 * Gives every outcome found in `body` (an answer of the API: objects and arrays, at any depth)
 * its `message` in the reader's language, in place. What JSON writes by its own `toJSON`
 * (dates, buffers) is left alone.
 */
export function withOutcomeTexts<T>(body: T, locale: Locale): T {
  word(body, locale, new Set());
  return body;
}

function word(value: unknown, locale: Locale, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
  seen.add(value);
  if (familyOf(value)) (value as Coded).message = outcomeText(locale, value as Coded);
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    word(child, locale, seen);
  }
}
