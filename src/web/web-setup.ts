import csrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import type { FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** templates/web at the project root, from src/web (tests) as from dist/src/web (built server). */
export function webTemplatesDir(): string {
  const fromSrc = join(__dirname, '..', '..', 'templates', 'web');
  return existsSync(fromSrc) ? fromSrc : join(__dirname, '..', '..', '..', 'templates', 'web');
}

/** Page routes: everything that is not the API or a static asset. */
export function isPageRequest(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api') && !request.url.startsWith('/assets/');
}

/**
 * Server-rendered pages: Eta templates from templates/web, one CSS and one JS file under
 * /assets, and CSRF tokens (double-submit cookie) checked on every form post of a page route.
 */
export async function registerWeb(app: NestFastifyApplication): Promise<void> {
  const root = webTemplatesDir();
  const production = process.env.NODE_ENV === 'production';
  await app.register(view, {
    engine: { eta: new Eta({ views: root, cache: production, autoEscape: true }) },
    root,
    viewExt: 'eta',
  });
  await app.register(fastifyStatic, {
    root: join(root, 'static'),
    prefix: '/assets/',
    decorateReply: false,
  });
  await app.register(csrf, {
    cookieKey: 'gf_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true },
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?._csrf ??
      (req.headers['x-csrf-token'] as string),
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'POST' || !isPageRequest(request)) return done();
    // On a missing or wrong token the plugin answers 403 itself and never calls back.
    fastify.csrfProtection(request, reply, () => {
      // The token has done its job; the form's DTO must not see it.
      const body = request.body as Record<string, unknown> | undefined;
      if (body && typeof body === 'object') delete body._csrf;
      done();
    });
  });
}
