import type { Role } from './domain';
import { notFound } from './domain-error';

/** The part of the caller that tenant rules need. */
export interface Viewer {
  id: string;
  role: Role;
  clientId: string | null;
}

/**
 * The client company a viewer is confined to, or null for practice staff who see every client.
 * Every query over client-owned rows goes through this, so the rule lives in one place.
 */
export function clientScope(viewer: Viewer): string | null {
  if (viewer.role !== 'client') return null;
  if (!viewer.clientId) throw notFound('client');
  return viewer.clientId;
}

/** 404, not 403, for another tenant's object: existence is not leaked. */
export function assertVisibleTo(viewer: Viewer, ownerClientId: string, what: string): void {
  const scope = clientScope(viewer);
  if (scope !== null && scope !== ownerClientId) throw notFound(what);
}

/** Adds the viewer's client confinement to a TypeORM where object. */
export function scoped<W extends object>(viewer: Viewer, where: W, column = 'clientId'): W {
  const scope = clientScope(viewer);
  return scope === null ? where : { ...where, [column]: scope };
}

/** True when a database error is a foreign-key violation (the row is still referenced). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
