import csrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import type { FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isApiRequest, routedPath, SAFE_METHODS } from '../common/request-path';

/** templates/web at the project root, from src/web (tests) as from dist/src/web (built server). */
export function webTemplatesDir(): string {
  const fromSrc = join(__dirname, '..', '..', 'templates', 'web');
  return existsSync(fromSrc) ? fromSrc : join(__dirname, '..', '..', '..', 'templates', 'web');
}

/** The one page route a POST reaches without a CSRF token (see registerWeb). */
const ONE_CLICK_UNSUBSCRIBE = '/unsubscribe';

/** Page routes: everything that is not the API or a static asset, by the routed path. */
export function isPageRequest(request: FastifyRequest): boolean {
  return !isApiRequest(request) && !routedPath(request).startsWith('/assets/');
}

/**
 * Server-rendered pages: Eta templates from templates/web, one CSS and one JS file under
 * /assets, and CSRF tokens (double-submit cookie) checked on every unsafe method (POST, PUT,
 * PATCH, DELETE…) of a page route.
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
    // A file upload (multipart) is read by its handler, after the check: its form carries the
    // token in its action's query instead.
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?._csrf ??
      (req.isMultipart() ? (req.query as Record<string, string>)._csrf : undefined) ??
      (req.headers['x-csrf-token'] as string),
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || !isPageRequest(request)) return done();
    // One-click unsubscribe (RFC 8058): mail readers POST without a token; the link's is the proof.
    if (routedPath(request) === ONE_CLICK_UNSUBSCRIBE) return done();
    // On a missing or wrong token the plugin answers 403 itself and never calls back.
    fastify.csrfProtection(request, reply, () => {
      // The token has done its job; the form's DTO must not see it.
      const body = request.body as Record<string, unknown> | undefined;
      if (body && typeof body === 'object') delete body._csrf;
      done();
    });
  });
}
