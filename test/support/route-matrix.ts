import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OpenApiDocument, Schema } from './openapi-conformance';

/**
 * What an access matrix needs to cover every route the server has: the operations of the
 * OpenAPI document, the routes the HTTP server registered, the kind of object each path
 * parameter names, and the state of every table, to prove a run of calls wrote nothing.
 */

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'put', 'post', 'patch', 'delete'];

export const isWrite = (method: string): boolean => method.toLowerCase() !== 'get';

export interface Operation {
  method: Method;
  /** The document's path template: `/api/invoices/{id}/payments`. */
  path: string;
  /** `POST /api/invoices/{id}/payments` */
  label: string;
  /** Names of the path parameters, in order. */
  params: string[];
  /** The query parameters the document lists. */
  query: Schema[];
  /** The operation documents a request body. */
  hasBody: boolean;
  /** No security requirement: callable without signing in. */
  isPublic: boolean;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => {
      const op = operations[method];
      const parameters = (op.parameters ?? []) as Schema[];
      return {
        method,
        path,
        label: `${method.toUpperCase()} ${path}`,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: parameters.filter((p) => p.in === 'query'),
        hasBody: Boolean(op.requestBody),
        isPublic: !op.security || op.security.length === 0,
      };
    }),
  );
}

/**
 * The kind of object a path parameter names, as the plural resource word: `{id}` (or `:id`)
 * by the path segment before it (`/api/invoices/{id}` → `invoices`), any other parameter by its
 * own name (`{clientId}` → `clients`, `{activityId}` → `activities`).
 */
export function resourceOf(path: string, param: string): string {
  if (param !== 'id') {
    const word = param.replace(/Id$/, '');
    return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
  }
  const segments = path.split('/');
  const at = segments.findIndex((s) => s === '{id}' || s === ':id');
  return segments[at - 1] ?? '';
}

/** Puts values in a path template's parameters, `{id}` and `:id` alike. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}|:(\w+)/g, (_, a: string, b: string) => values[a ?? b]);
}

export interface RegisteredRoute {
  method: string;
  /** In the router's syntax: `/portal/requests/:id`. */
  path: string;
}

/**
 * The routes of fastify's `printRoutes({ commonPrefix: false })`: a tree whose lines read
 * `│   ├── /:id (GET, HEAD, PATCH)`, each segment continuing its parent's path. HEAD, which
 * fastify adds beside every GET, is left out.
 */
export function registeredRoutes(printed: string): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:[├└]── )?(.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack[depth] = m[2];
    const path = stack.join('').replace(/\/{2,}/g, '/');
    for (const method of m[3].split(', ')) {
      if (method !== 'HEAD') routes.push({ method, path });
    }
  }
  return routes;
}

export interface TableState {
  rows: number;
  /** SHA-256 of the table's rows, each written as JSON with sorted keys, in sorted order. */
  checksum: string;
}

/** Row count and checksum of every table of the database, listed from the database itself. */
export async function databaseState(dataSource: DataSource): Promise<Record<string, TableState>> {
  const tables = await dataSource.query<{ name: string }[]>(
    dataSource.options.type === 'postgres'
      ? 'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1'
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1",
  );
  const state: Record<string, TableState> = {};
  for (const { name } of tables) {
    const rows = await dataSource.query<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
    const lines = rows.map((row) => canonical(row)).sort();
    state[name] = {
      rows: rows.length,
      checksum: createHash('sha256').update(lines.join('\n')).digest('hex'),
    };
  }
  return state;
}

/** The tables whose rows differ between two states, with their counts before and after. */
export function changedTables(
  before: Record<string, TableState>,
  after: Record<string, TableState>,
): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((n) => before[n]?.checksum !== after[n]?.checksum)
    .map(
      (n) =>
        `${n}: ${before[n]?.rows ?? 'absent'} rows before, ${after[n]?.rows ?? 'absent'} after`,
    );
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      const o = v as Record<string, unknown>;
      if (o.type === 'Buffer' && Array.isArray(o.data)) return o;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

/**
 * The markers (id, name, number… of someone else's objects) a text contains, leaving out those
 * the caller sent itself: an error that repeats the id asked for reveals nothing.
 */
export function markersIn(text: string, markers: Map<string, string>, sent: string): string[] {
  const found: string[] = [];
  for (const [marker, what] of markers) {
    if (text.includes(marker) && !sent.includes(marker)) found.push(`${what} "${marker}"`);
  }
  return found;
}
