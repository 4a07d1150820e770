import type { FastifyRequest } from 'fastify';
import { catalogue, negotiateLocale, type Locale, type Translate } from '../i18n';

export type WebLocale = Locale;
export type { Translate };
export const WEB_LOCALES: WebLocale[] = ['fr', 'en'];
export const LANG_COOKIE = 'gf_lang';

/** The pages' words, from the one catalogue (templates/i18n); a missing key shows itself. */
export function translator(locale: WebLocale): Translate {
  return catalogue().translator(locale);
}

/** French by default; English by the switch (a cookie) or the browser's language. */
export function localeOf(request: FastifyRequest): WebLocale {
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  const chosen = cookies?.[LANG_COOKIE];
  if (chosen === 'fr' || chosen === 'en') return chosen;
  return negotiateLocale(request.headers['accept-language']);
}
