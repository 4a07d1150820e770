import type { FastifyRequest } from 'fastify';

/**
 * The path a request was routed by: the matched route's pattern, as the router read it after
 * decoding the URL, never its raw spelling (`/%61pi/practice` is routed as `/api/practice`).
 * Decisions about a request (API or page, cookie or bearer, CSRF) rest on this.
 */
export function routedPath(request: FastifyRequest): string {
  const pattern = request.routeOptions?.url;
  if (pattern) return pattern;
  const raw = request.url.split('?')[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The JSON API: bearer tokens only, no session cookie. */
export function isApiRequest(request: FastifyRequest): boolean {
  const path = routedPath(request);
  return path === '/api' || path.startsWith('/api/');
}

/** Methods that change nothing, which pages may serve without a CSRF token. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
