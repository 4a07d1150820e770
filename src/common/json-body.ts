import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { MAX_INPUT_DEPTH, tooDeep, validationException } from './validation';

/**
 * How deep a JSON text nests, read from the text itself before anything is parsed: brackets
 * outside strings, escapes skipped. Stops counting as soon as `limit` is passed.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The body parsers: JSON and HTML forms, both within the size limit (Fastify's bodyLimit, checked
 * while the body arrives). A JSON text's depth is checked on the text, so a hostile nesting is
 * refused (400 naming the body) before it is parsed; then Fastify's own parser, which refuses
 * `__proto__` and `constructor.prototype` keys. Forms are flat (`a=1&b=2`), parsed as Node does.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_INPUT_DEPTH)) {
      done(validationException([tooDeep()]), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_r, body, done) =>
    done(null, { ...parseQueryString(body.toString()) }),
  );
}
