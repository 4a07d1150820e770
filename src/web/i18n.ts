import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';

export type WebLocale = 'fr' | 'en';
export const WEB_LOCALES: WebLocale[] = ['fr', 'en'];
export const LANG_COOKIE = 'gf_lang';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const dictionaries = new Map<WebLocale, Record<string, string>>();

/** <locale>.json plus one <section>.<locale>.json per part of the site (portal, console…). */
function dictionary(locale: WebLocale, dir: string): Record<string, string> {
  let dict = dictionaries.get(locale);
  if (!dict) {
    const files = readdirSync(dir).filter(
      (f) => f === `${locale}.json` || f.endsWith(`.${locale}.json`),
    );
    dict = Object.assign(
      {},
      ...files
        .sort()
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>),
    ) as Record<string, string>;
    dictionaries.set(locale, dict);
  }
  return dict;
}

/** Texts of the web pages live in templates/web/i18n/<locale>.json; a missing key shows itself. */
export function translator(locale: WebLocale, dir: string): Translate {
  const dict = dictionary(locale, dir);
  const fallback = dictionary('fr', dir);
  return (key, vars) => {
    const text = dict[key] ?? fallback[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}

/** French by default; English by the switch (a cookie) or the browser's language. */
export function localeOf(request: FastifyRequest): WebLocale {
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  const chosen = cookies?.[LANG_COOKIE];
  if (chosen === 'fr' || chosen === 'en') return chosen;
  const accept = request.headers['accept-language'] ?? '';
  const first = accept.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' ? 'en' : 'fr';
}
