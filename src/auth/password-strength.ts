import type * as Core from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';
import type * as En from '@zxcvbn-ts/language-en';
import type * as Fr from '@zxcvbn-ts/language-fr';
import { onFirstUse } from '../common/on-first-use';

/**
 * zxcvbn and its dictionaries (about 0.2 s and 20 MB once decompressed) are loaded on the first
 * password checked or worded, not at start: most starts check none.
 */
const core = onFirstUse<typeof Core>('@zxcvbn-ts/core');
const common = onFirstUse<typeof Common>('@zxcvbn-ts/language-common');
const en = onFirstUse<typeof En>('@zxcvbn-ts/language-en');
const fr = onFirstUse<typeof Fr>('@zxcvbn-ts/language-fr');

/** Shortest password accepted; length alone does not make it strong (see `passwordWeakness`). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * zxcvbn's score runs 0 to 4. 3 means at least 10^8 guesses: "safely unguessable" by an online
 * attack and a serious cost offline against argon2id. Common passwords, keyboard rows, repeated
 * characters and dictionary words with a number appended all score 2 or less.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Words of the product itself: a password built on them is guessed early. */
const PRODUCT_WORDS = ['gardefou'];

export interface PasswordWeakness {
  score: number;
  /** zxcvbn's keys (`similarToCommon`, `anotherWord`…), for callers that word them themselves. */
  warning: string | null;
  suggestions: string[];
}

export type PasswordLocale = 'fr' | 'en';

/**
 * The dictionaries (common passwords, French and English words, names, Wikipedia) take about a
 * quarter of a second and 50 MB to rank: built once, on the first password checked. Without
 * Levenshtein matching, which costs half a second per check; near-misses of the common
 * passwords are still caught by l33t and case variations.
 */
let estimator: Core.ZxcvbnFactory | undefined;
function zxcvbn(): Core.ZxcvbnFactory {
  return (estimator ??= new (core().ZxcvbnFactory)({
    dictionary: { ...common().dictionary, ...en().dictionary, ...fr().dictionary },
    graphs: common().adjacencyGraphs,
  }));
}

/**
 * Why a password is too easy to guess, or null when it is strong enough. `personal` holds what
 * an attacker knows of the account (email, name, practice): words taken from it count as known.
 */
export function passwordWeakness(
  password: string,
  personal: readonly string[] = [],
): PasswordWeakness | null {
  const result = zxcvbn().check(password, [...PRODUCT_WORDS, ...wordsOf(personal)]);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  return {
    score: result.score,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

/** A weakness carried in an error's details (see AuthService), for pages that word it. */
export function isPasswordWeakness(value: unknown): value is PasswordWeakness {
  const v = value as Partial<PasswordWeakness> | null | undefined;
  return typeof v?.score === 'number' && Array.isArray(v.suggestions);
}

/** zxcvbn's reason and advice as sentences in the reader's language ('' when it gives none). */
export function weaknessAdvice(weakness: PasswordWeakness, locale: PasswordLocale): string {
  const translations = (locale === 'fr' ? fr() : en()).translations;
  const warning = weakness.warning
    ? translations.warnings[weakness.warning as keyof typeof translations.warnings]
    : undefined;
  const advice = weakness.suggestions.map(
    (key) => translations.suggestions[key as keyof typeof translations.suggestions],
  );
  return [warning, ...advice]
    .filter((text): text is string => Boolean(text?.trim()))
    .map(sentence)
    .join(' ');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Emails and names whole and split into their words, with and without accents:
 * "camille.martin@zéphyr.fr" also gives camille, martin, zéphyr and zephyr.
 */
function wordsOf(values: readonly string[]): string[] {
  const whole = values.map((value) => value.trim().toLowerCase());
  const words = whole.flatMap((value) => value.split(/[^\p{L}\p{N}]+/u));
  const plain = [...whole, ...words].map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''));
  return [...new Set([...whole, ...words, ...plain].filter((word) => word.length >= 3))];
}
